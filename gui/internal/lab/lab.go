// Package lab builds zerokara's desktop lab: one tab per experiment of
// "Deep Learning from Scratch" §6.2–6.3 plus one for the GEMM kernel. It
// does not import fyne's app package, so its tests run with fyne's test
// driver without GL or cgo; gui/main.go opens the window.
package lab

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zerokara/net/mnist"
)

// Lab is the window's content. Its screens are exported for tests.
type Lab struct {
	Tabs        *container.AppTabs
	Activations *ActivationsScreen
	InitCompare *InitCompareScreen
	BatchNorm   *BatchNormScreen
	Kernel      *KernelScreen
	DataStatus  *widget.Label
	DataFolder  *widget.Button // nil without a useDir callback
	window      fyne.Window
}

// New builds the lab. data loads MNIST when an experiment first needs it
// (it is called from worker goroutines and should cache its result).
// useDir, if not nil, backs a "MNIST folder…" button: it gets the folder
// the user picked and should load (and from then on serve) the data there,
// or say why it cannot.
func New(data func() (*mnist.Data, error), useDir func(dir string) error) *Lab {
	l := &Lab{Kernel: newKernelScreen(), DataStatus: widget.NewLabel("MNIST: found when an experiment first needs it")}
	if useDir != nil {
		l.DataFolder = widget.NewButton("MNIST folder…", func() {
			if l.window == nil {
				return
			}
			dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
				if err != nil || dir == nil {
					return
				}
				if err := useDir(dir.Path()); err != nil {
					dialog.ShowError(err, l.window)
					return
				}
				l.DataStatus.SetText("MNIST: " + dir.Path())
			}, l.window)
		})
	}
	window := func() fyne.Window { return l.window }
	l.Activations = newActivationsScreen(window)
	l.InitCompare = newInitCompareScreen(data, window)
	l.BatchNorm = newBatchNormScreen(data, window)
	l.Tabs = container.NewAppTabs(
		container.NewTabItem("Activations", l.Activations.object()),
		container.NewTabItem("Init on MNIST", l.InitCompare.object()),
		container.NewTabItem("Batch Normalization", l.BatchNorm.object()),
		container.NewTabItem("Kernel", l.Kernel.object()),
	)
	return l
}

// SetWindow tells the lab its window, for dialogs (export, download).
func (l *Lab) SetWindow(w fyne.Window) { l.window = w }

// Content returns the object to put in the window.
func (l *Lab) Content() fyne.CanvasObject {
	if l.DataFolder == nil {
		return l.Tabs
	}
	return container.NewBorder(container.NewHBox(l.DataStatus, l.DataFolder), nil, nil, nil, l.Tabs)
}

// SelectTab shows the tab whose title starts with name (case-sensitive);
// it reports whether one matched.
func (l *Lab) SelectTab(name string) bool {
	for i, t := range l.Tabs.Items {
		if len(t.Text) >= len(name) && t.Text[:len(name)] == name {
			l.Tabs.SelectIndex(i)
			return true
		}
	}
	return false
}

// RunSelected presses Run on the selected tab (Activations recomputes).
func (l *Lab) RunSelected() {
	switch l.Tabs.SelectedIndex() {
	case 0:
		l.Activations.recompute()
	case 1:
		l.InitCompare.Run.OnTapped()
	case 2:
		l.BatchNorm.Run.OnTapped()
	case 3:
		l.Kernel.Bench.OnTapped()
	}
}
