package plot

import (
	"fmt"

	"gonum.org/v1/plot/vg/draw"
)

// drawGuarded draws the figure like Draw, and turns a panic inside
// gonum/plot into an error: no figure is worth the window or the run that
// shows it. The domains (see domain) keep the known panics out; this is
// for the ones nobody has found yet.
func (f *Figure) drawGuarded(dc draw.Canvas, text func(string) string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("plot: drawing the figure %q failed: %v", f.Title, p)
		}
	}()
	f.Draw(dc, text)
	return nil
}

// explain is a figure that says why another could not be drawn: the
// live view shows it instead of losing the window.
func explain(err error) *Figure { return &Figure{Title: err.Error(), Cols: 1} }
