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

	"zerokara/gui/internal/datasource"
)

// Lab is the window's content. Its screens are exported for tests.
type Lab struct {
	Tabs        *container.AppTabs
	Activations *ActivationsScreen
	InitCompare *InitCompareScreen
	BatchNorm   *BatchNormScreen
	Symmetry    *SymmetryScreen
	Overfit     *OverfitScreen
	Sweep       *SweepScreen
	Kernel      *KernelScreen
	DataStatus  *widget.Label
	DataFolder  *widget.Button
	data        *datasource.Source
	window      fyne.Window
	remember    func() // saves the window's size and tab (set by Show)
	// runners and exports of the tabs, by tab index (nil for Activations,
	// which recomputes on every change).
	runners []*runner
	exports []*exporter
}

// New builds the lab on a data source: experiments load MNIST from it
// when they first need it (on their worker goroutines), the "MNIST
// folder…" button points it elsewhere, and its status line follows it.
func New(data *datasource.Source) *Lab {
	l := &Lab{DataStatus: widget.NewLabel(data.Status()), data: data}
	data.OnChange(func(status string) { fyne.Do(func() { l.DataStatus.SetText(status) }) })
	l.DataFolder = widget.NewButton("MNIST folder…", l.pickFolder)
	window := func() fyne.Window { return l.window }
	l.Kernel = newKernelScreen(window)
	l.Activations = newActivationsScreen(window)
	l.InitCompare = newInitCompareScreen(data.Load, window)
	l.BatchNorm = newBatchNormScreen(data.Load, window)
	l.Symmetry = newSymmetryScreen(data.Load, window)
	l.Overfit = newOverfitScreen(data.Load, window)
	l.Sweep = newSweepScreen(data.Load, window)
	var items []*container.TabItem
	for _, t := range []struct {
		title  string
		object fyne.CanvasObject
		runner *runner
		export *exporter
	}{
		{"Activations", l.Activations.object(), nil, nil},
		{"Init on MNIST", l.InitCompare.object(), l.InitCompare.runner, l.InitCompare.Export},
		{"Batch Normalization", l.BatchNorm.object(), l.BatchNorm.runner, l.BatchNorm.Export},
		{"Symmetry", l.Symmetry.object(), l.Symmetry.runner, l.Symmetry.Export},
		{"Overfitting", l.Overfit.object(), l.Overfit.runner, l.Overfit.Export},
		{"σ × lr sweep", l.Sweep.object(), l.Sweep.runner, l.Sweep.Export},
		{"Kernel", l.Kernel.object(), l.Kernel.runner, l.Kernel.Export},
	} {
		items = append(items, container.NewTabItem(t.title, t.object))
		l.runners, l.exports = append(l.runners, t.runner), append(l.exports, t.export)
	}
	// Built in one go: AppTabs.Append would lay the tabs out here, while
	// the Activations tab's first recomputation is already drawing.
	l.Tabs = container.NewAppTabs(items...)
	return l
}

// pickFolder asks for a folder and loads it on a worker goroutine.
func (l *Lab) pickFolder() {
	if l.window == nil {
		return
	}
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		l.DataStatus.SetText("MNIST: loading " + dir.Path() + "…")
		go func() {
			if err := l.data.UseDir(dir.Path()); err != nil {
				fyne.Do(func() {
					l.DataStatus.SetText(l.data.Status())
					dialog.ShowError(err, l.window)
				})
			}
		}()
	}, l.window)
}

// OfferDownloadIfMissing checks (on a worker goroutine) whether MNIST can
// be found and, if not, offers the download.
func (l *Lab) OfferDownloadIfMissing() {
	go func() {
		if err := l.data.Missing(); err != nil {
			fyne.Do(func() { offerDownload(l.window, err, l.data) })
		}
	}()
}

// SetWindow tells the lab its window, for dialogs (export, download).
func (l *Lab) SetWindow(w fyne.Window) { l.window = w }

// Content returns the object to put in the window.
func (l *Lab) Content() fyne.CanvasObject {
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

// selected returns the selected tab's runner and exporter (nil for the
// Activations tab, which recomputes on every change).
func (l *Lab) selected() (*runner, *exporter) {
	i := l.Tabs.SelectedIndex()
	if i < 0 || i >= len(l.runners) {
		return nil, nil
	}
	return l.runners[i], l.exports[i]
}

// RunSelected presses Run on the selected tab (Activations recomputes).
func (l *Lab) RunSelected() {
	if r, _ := l.selected(); r != nil {
		r.Run.OnTapped()
	} else if l.Tabs.SelectedIndex() == 0 {
		l.Activations.recompute()
	}
}
