package report

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strings"
	"testing"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

// hyperparamsResult is the book's search before any point, on a stand-in
// of MNIST's sizes (an empty result reads no image).
func hyperparamsResult(t *testing.T) *experiment.HyperparamsResult {
	t.Helper()
	cfg := experiment.BookHyperparamsConfig()
	cfg.Data = &mnist.Data{Train: mnist.Set{N: 60000, Rows: 28, Cols: 28}, Test: mnist.Set{N: 10000, Rows: 28, Cols: 28}}
	r, err := experiment.NewHyperparamsResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// finish gives trial k all its points, the last one final.
func finish(r *experiment.HyperparamsResult, k int, final float64) {
	for p := range r.Config.Epochs {
		v := 0.1 + 0.4*float64(p)/float64(r.Config.Epochs)
		if p == r.Config.Epochs-1 {
			v = final
		}
		r.Apply(experiment.HyperparamsEvent{Trial: k, Point: p, ValAcc: v, TrainAcc: v})
	}
}

// The panels of the empty figure, of a partial one and of a finished
// one: the best trials in rank order, the last row's scatter with every
// drawn pair.
func TestHyperparamsFigure(t *testing.T) {
	tr := i18n.For(i18n.English)
	for _, tc := range []struct {
		name     string
		finished int
	}{{"empty", 0}, {"three finished", 3}, {"all finished", 100}} {
		t.Run(tc.name, func(t *testing.T) {
			r := hyperparamsResult(t)
			for k := range tc.finished {
				finish(r, k, float64(k%37)/40)
			}
			f, err := Figure("hyperparams", r, Options{}, tr)
			if err != nil {
				t.Fatal(err)
			}
			if f.Cols != 5 || len(f.Panels) != 25 {
				t.Fatalf("%d panels in %d columns, want 25 in 5", len(f.Panels), f.Cols)
			}
			for i, p := range f.Panels[:20] {
				if !strings.HasPrefix(p.Title, fmt.Sprintf("Best-%d", i+1)) || p.YMin != 0 || p.YMax != 1 {
					t.Errorf("panel %d: title %q, y [%g, %g]", i, p.Title, p.YMin, p.YMax)
				}
				if i >= tc.finished {
					if len(p.Series) != 0 || strings.Contains(p.Title, "lr") {
						t.Errorf("panel %d of %d finished: %d series, title %q", i, tc.finished, len(p.Series), p.Title)
					}
					continue
				}
				k := r.Ranking[i]
				if want := fmt.Sprintf("lr %.1e, λ %.1e", r.Trials[k].LR, r.Trials[k].WeightDecay); !strings.Contains(p.Title, want) {
					t.Errorf("panel %d: title %q lacks %q", i, p.Title, want)
				}
				if len(p.Series) != 2 || p.Series[0].Dashed || !p.Series[1].Dashed || len(p.Series[0].Y) != 50 {
					t.Errorf("panel %d: want validation solid and training dashed, 50 points each", i)
				}
			}
			scatter := f.Panels[23]
			// Finished trials are dots (4 rings), the others one grey ring;
			// the box of the best 10 comes once any trial has finished.
			want := 100 + 3*tc.finished
			if tc.finished > 0 {
				want++
			}
			if len(scatter.Series) != want {
				t.Errorf("scatter: %d series, want %d", len(scatter.Series), want)
			}
			if tc.finished > 0 {
				box := scatter.Series[len(scatter.Series)-1]
				n, _ := r.Narrowed(10)
				if !box.Dashed || box.X[0] != n.LRLog10Min || box.X[1] != n.LRLog10Max || box.Y[2] != n.WeightDecayLog10Max {
					t.Errorf("box %+v, want the narrowed ranges %+v", box, n)
				}
			}
			if bar := f.Panels[24]; bar.Heat == nil || bar.Heat.Min != 0 || bar.Heat.Max != 1 || bar.YLabel == "" {
				t.Error("no colour bar with its label beside the scatter")
			}
			if !strings.Contains(f.FooterText, fmt.Sprintf("%d of 100 trials finished", tc.finished)) {
				t.Errorf("footer %q", f.FooterText)
			}
		})
	}
}

// The dots take the colour bar's colours: dark for 0, light for 1, and
// lighter with every step up.
func TestHyperparamsColors(t *testing.T) {
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		return 0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)
	}
	prev := -1.0
	for a := 0.0; a <= 1; a += 0.1 {
		l := lum(hpColor(a))
		if l <= prev {
			t.Errorf("accuracy %.1f is no lighter than %.1f", a, a-0.1)
		}
		prev = l
	}
	if lum(hpColor(0)) > 0.1*65535 || lum(hpColor(1)) < 0.6*65535 {
		t.Errorf("the ends of the scale: %v and %v", hpColor(0), hpColor(1))
	}
	if hpColor(-3) != hpColor(0) || hpColor(math.Inf(1)) != hpColor(1) {
		t.Error("values off the scale are not clamped to its ends")
	}
}

// Whatever a diverged trial leaves (or lr and λ at odd values), the
// figure is drawn in every format.
func TestHyperparamsFigureDiverged(t *testing.T) {
	tr := i18n.For(i18n.English)
	for _, dv := range divergedValues {
		t.Run(dv.name, func(t *testing.T) {
			r := hyperparamsResult(t)
			finish(r, 0, dv.v)
			finish(r, 1, 0.5)
			r.Trials[2].LR, r.Trials[3].WeightDecay = dv.v, dv.v
			finish(r, 2, dv.v)
			finish(r, 3, 0.6)
			for _, format := range plot.Formats() {
				var b bytes.Buffer
				if err := Hyperparams(r, tr).Write(&b, format, 72); err != nil || b.Len() == 0 {
					t.Errorf("%s: %v", format, err)
				}
			}
		})
	}
}
