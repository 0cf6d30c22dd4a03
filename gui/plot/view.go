package plot

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// View is a widget showing a Figure. SetFigure replaces it; call it on the
// UI goroutine (fyne.Do from workers).
type View struct {
	widget.BaseWidget
	fig *Figure
}

// NewView returns an empty figure view.
func NewView() *View {
	v := &View{}
	v.ExtendBaseWidget(v)
	return v
}

// SetFigure shows f and redraws.
func (v *View) SetFigure(f *Figure) {
	v.fig = f
	v.Refresh()
}

// Figure returns the figure shown, or nil.
func (v *View) Figure() *Figure { return v.fig }

// CreateRenderer is part of fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer {
	r := &viewRenderer{view: v}
	r.Refresh()
	return r
}

// viewRenderer rebuilds the figure's primitives on every refresh: figures
// are a few thousand objects at most, decimated to the pixel width.
type viewRenderer struct {
	view *View
	objs []fyne.CanvasObject
}

func (r *viewRenderer) Layout(fyne.Size) {}

func (r *viewRenderer) MinSize() fyne.Size {
	if r.view.fig == nil {
		return fyne.NewSize(200, 100)
	}
	return r.view.fig.Size()
}

func (r *viewRenderer) Refresh() {
	r.objs = nil
	if r.view.fig != nil {
		r.objs = []fyne.CanvasObject{r.view.fig.Object()}
	}
	for _, o := range r.objs {
		o.Refresh()
	}
}

func (r *viewRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *viewRenderer) Destroy() {}
