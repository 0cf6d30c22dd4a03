package lab

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// SafeSelect is a widget.Select that opens its list of options only while it
// is drawn on a canvas.
//
// fyne v2.7.2's Select opens its pop-up on the canvas the driver reports for
// it, without checking that there is one. A tap can reach a Select after it
// has left its window: the language switch replaces the whole content. The
// driver then reports no canvas and the pop-up dereferences nil, which kills
// the window (fyne issue #5965, fixed upstream by PR #6305 after v2.7.2).
// SafeSelect ignores such a tap or key instead.
type SafeSelect struct {
	widget.Select
}

// NewSafeSelect returns a SafeSelect with the given options and change
// callback, as widget.NewSelect does for a Select.
func NewSafeSelect(options []string, changed func(string)) *SafeSelect {
	s := &SafeSelect{}
	s.Options = options
	s.OnChanged = changed
	s.ExtendBaseWidget(s)
	return s
}

// Tapped opens the list of options as widget.Select does, or does nothing
// if s is on no canvas.
func (s *SafeSelect) Tapped(e *fyne.PointEvent) {
	if !s.onCanvas() {
		return
	}
	s.Select.Tapped(e)
}

// TypedKey handles a key as widget.Select does, except that the keys that
// open the list of options (space, up and down) do nothing if s is on no
// canvas.
func (s *SafeSelect) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown:
		if !s.onCanvas() {
			return
		}
	}
	s.Select.TypedKey(e)
}

// onCanvas reports whether the driver knows a canvas for s: the one
// widget.Select opens its pop-up on.
func (s *SafeSelect) onCanvas() bool {
	return fyne.CurrentApp().Driver().CanvasForObject(s) != nil
}
