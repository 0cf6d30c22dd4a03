package report

import (
	"fmt"
	"testing"
	"time"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"zerokara/gui/internal/i18n"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

// TestEveryFigureDrawsAtAnySize: a window can be made small, and a figure
// may be laid out before its view has a size. Every experiment's figure
// (of its book setup, before any point) draws at any size, however small
// or oddly shaped, in bounded time (a hang detector: 60 s for what takes
// milliseconds).
func TestEveryFigureDrawsAtAnySize(t *testing.T) {
	stand := &mnist.Data{Train: mnist.Set{N: 60000, Rows: 28, Cols: 28}, Test: mnist.Set{N: 10000, Rows: 28, Cols: 28}}
	tr := i18n.For(i18n.English)
	for _, d := range experiment.Experiments() {
		p, err := d.NewPartial(d.WithData(d.Book(), stand))
		if err != nil {
			t.Fatalf("%s: %v", d.Name, err)
		}
		for _, size := range [][2]vg.Length{{900, 400}, {1200, 500}, {400, 200}, {320, 240}, {120, 80}, {30, 20}, {2000, 60}, {60, 2000}} {
			name := fmt.Sprintf("%s at %v×%v", d.Name, size[0], size[1])
			done := make(chan error, 1)
			go func() {
				fig, err := Figure(d.Name, p.Typed(), Options{}, tr)
				if err == nil {
					c := vgimg.New(size[0], size[1])
					fig.Draw(draw.New(c), nil)
				}
				done <- err
			}()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("%s: %v", name, err)
				}
			case <-time.After(60 * time.Second):
				t.Fatalf("%s: still drawing after 60 s", name)
			}
		}
	}
}
