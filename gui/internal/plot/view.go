package plot

import (
	"image"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// View is a widget showing a Figure drawn to fit the widget: it re-renders
// when the figure changes or the widget is resized. Rendering runs on one
// background goroutine and is coalesced, so a burst of updates costs one
// drawing, and the UI goroutine never waits for it.
type View struct {
	widget.BaseWidget
	// FitWidth makes the view as tall as the figure is at the view's
	// width (for a tall figure in a vertical scroll); otherwise the figure
	// is stretched to whatever room the view gets.
	FitWidth bool
	// HeightChanged, when set, is called on the UI goroutine after a
	// FitWidth view's MinSize changed, so its scroll can re-lay it out.
	HeightChanged func()

	mu      sync.Mutex
	fig     *Figure
	size    fyne.Size // the size the next render targets
	scale   float32   // the canvas's pixels per unit
	pending bool      // a render is queued or running
	nextAt  time.Time // the earliest start of the next render
	dirty   bool      // something changed while rendering
	shown   *Figure   // the figure of the image on screen
	img     *canvas.Image
	done    sync.Cond // signalled when a render finishes, for Wait
}

// NewView returns an empty figure view.
func NewView() *View {
	v := &View{img: canvas.NewImageFromImage(nil), scale: 1}
	v.img.FillMode = canvas.ImageFillStretch
	v.img.ScaleMode = canvas.ImageScaleSmooth
	v.done.L = &v.mu
	v.ExtendBaseWidget(v)
	return v
}

// SetFigure shows f. It may be called from any goroutine.
func (v *View) SetFigure(f *Figure) {
	v.mu.Lock()
	resized := v.FitWidth && (v.fig == nil || f == nil || v.fig.Size() != f.Size())
	v.fig = f
	v.mu.Unlock()
	v.schedule()
	if resized && v.HeightChanged != nil {
		fyne.Do(v.HeightChanged) // the height follows the figure's shape
	}
}

// Figure returns the figure last set, or nil.
func (v *View) Figure() *Figure {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.fig
}

// Wait blocks until the image on screen shows the figure last set (for
// tests and exports of what is shown).
func (v *View) Wait() {
	v.mu.Lock()
	defer v.mu.Unlock()
	for v.pending {
		v.done.Wait()
	}
}

// renderInline draws on the caller's goroutine instead of a background
// one: fyne's test driver runs fyne.Do callbacks on the calling goroutine,
// so tests that drive widgets concurrently with drawing want no extra
// goroutine (see RenderInline).
var renderInline atomic.Bool

// RenderInline makes every View draw synchronously, inside SetFigure and
// Layout. For tests under fyne's test driver only.
func RenderInline(on bool) { renderInline.Store(on) }

// schedule queues a render unless one is queued; a render in progress
// makes another pass when it ends.
func (v *View) schedule() {
	if renderInline.Load() {
		v.mu.Lock()
		f, size, scale := v.fig, v.size, v.scale
		v.mu.Unlock()
		var img image.Image
		if f != nil && size.Width >= 1 && size.Height >= 1 {
			img = render(f, size, scale)
		}
		v.img.Image = img
		v.img.Refresh()
		return
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.pending {
		v.dirty = true
		return
	}
	v.pending = true
	go v.renderLoop()
}

func (v *View) renderLoop() {
	for {
		v.mu.Lock()
		wait := time.Until(v.nextAt)
		v.mu.Unlock()
		if wait > 0 {
			time.Sleep(wait) // updates meanwhile coalesce into this render
		}
		v.mu.Lock()
		f, size, scale := v.fig, v.size, v.scale
		v.dirty = false
		v.mu.Unlock()

		start := time.Now()
		var img image.Image
		if f != nil && size.Width >= 1 && size.Height >= 1 {
			img = render(f, size, scale)
		}
		v.mu.Lock()
		v.nextAt = time.Now().Add(renderGap(time.Since(start)))
		v.mu.Unlock()
		fyne.Do(func() {
			v.img.Image = img
			v.img.Refresh()
		})

		v.mu.Lock()
		if !v.dirty {
			v.pending, v.shown = false, f
			v.done.Broadcast()
			v.mu.Unlock()
			return
		}
		v.mu.Unlock()
	}
}

// renderGap is the pause after a drawing that took cost: drawing takes at
// most 5 % of a core while a run streams updates (the live figure must not
// slow the work it shows), at most 4 frames a second, and at least one
// frame every 2 s.
func renderGap(cost time.Duration) time.Duration {
	return min(max(19*cost, 250*time.Millisecond), 2*time.Second)
}

// render draws f to an image of size (in fyne units) at the screen's
// pixel scale.
func render(f *Figure, size fyne.Size, scale float32) image.Image {
	w, h := int(size.Width*scale), int(size.Height*scale)
	// 72 points per inch at 72·scale dpi: one point per fyne unit.
	canvas := func() pngCanvas {
		return pngCanvas{vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(vg.Length(size.Width), vg.Length(size.Height)), vgimg.UseDPI(int(72*scale+0.5)))}}
	}
	c := canvas()
	if err := f.drawGuarded(draw.New(c), nil); err != nil {
		c = canvas() // a fresh one: the panic may have left a clip behind
		explain(err).Draw(draw.New(c), nil)
	}
	img := c.Image()
	if b := img.Bounds(); b.Dx() != w || b.Dy() != h {
		return img // rounding of the dpi; the canvas stretches it
	}
	return img
}

// MinSize is small, so the figure follows whatever room its container
// gives; with FitWidth it is as tall as the figure at the current width.
func (v *View) MinSize() fyne.Size {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.FitWidth && v.fig != nil && v.size.Width > 0 {
		natural := v.fig.Size()
		return fyne.NewSize(320, v.size.Width*natural.Height/natural.Width)
	}
	return fyne.NewSize(320, 240)
}

// CreateRenderer is part of fyne.Widget.
func (v *View) CreateRenderer() fyne.WidgetRenderer { return &viewRenderer{view: v} }

type viewRenderer struct{ view *View }

func (r *viewRenderer) Layout(size fyne.Size) {
	v := r.view
	v.img.Resize(size)
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		scale = c.Scale()
	}
	v.mu.Lock()
	changed := v.size != size || v.scale != scale
	v.size, v.scale = size, scale
	v.mu.Unlock()
	if changed {
		v.schedule()
		if v.FitWidth && v.HeightChanged != nil {
			fyne.Do(v.HeightChanged) // the height follows the new width
		}
	}
}

func (r *viewRenderer) MinSize() fyne.Size { return r.view.MinSize() }

func (r *viewRenderer) Refresh() { r.view.img.Refresh() }

func (r *viewRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.view.img} }

func (r *viewRenderer) Destroy() {}
