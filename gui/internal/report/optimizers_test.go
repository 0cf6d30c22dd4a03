package report

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/net"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

func TestOptimizersCells(t *testing.T) {
	for _, tc := range []struct {
		n               int
		paths           []int
		cols, loss, raw int
	}{
		{1, []int{0}, 3, 1, 2},
		{4, []int{0, 1, 2, 3}, 3, 4, 5}, // the book's: two full rows
		{6, []int{0, 1, 2, 3, 4, 5}, 3, 6, 7},
	} {
		cols, paths, loss, raw := OptimizersCells(tc.n)
		if cols != tc.cols || !slices.Equal(paths, tc.paths) || loss != tc.loss || raw != tc.raw {
			t.Errorf("%d paths: cols %d, paths %v, loss %d, raw %d; want %d, %v, %d, %d", tc.n, cols, paths, loss, raw,
				tc.cols, tc.paths, tc.loss, tc.raw)
		}
	}
}

// optimizersResult is the book's result before the run, its paths and
// MNIST curves (3 iterations) holding v where numbers would be.
func optimizersResult(t *testing.T, v float64) *experiment.OptimizersResult {
	t.Helper()
	cfg := experiment.BookOptimizersConfig()
	cfg.Data = &mnist.Data{Train: mnist.Set{N: 60000}, Test: mnist.Set{N: 10000}}
	cfg.Iterations = 3
	r, err := experiment.NewOptimizersResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for i := range r.Paths {
		r.Paths[i].X[5], r.Paths[i].Y[6] = v, v
	}
	for it := range 3 {
		r.Apply(experiment.OptimizersEvent{Iteration: it, Loss: []float64{2.3, v, 0.5, v}})
	}
	acc := v
	r.MNIST[0].TestAccuracy = &acc
	return r.Snapshot()
}

// The figure draws results holding NaN, ±Inf, huge or tiny numbers in
// every format; its legend names every MNIST curve, with the test
// accuracy once there is one, and before a run the loss panel says what
// Run does.
func TestOptimizersFigure(t *testing.T) {
	tr := i18n.For(i18n.English)
	for _, v := range []float64{0.5, math.NaN(), math.Inf(1), math.Inf(-1), 0, 1e300, -math.MaxFloat64, 5e-324} {
		fig := Optimizers(optimizersResult(t, v), tr)
		for _, format := range plot.Formats() {
			t.Run(fmt.Sprintf("%v/%s", v, format), func(t *testing.T) {
				b, err := writeFigure(fig, format)
				if err != nil {
					t.Fatal(err)
				}
				if len(b) < 500 {
					t.Errorf("%d bytes", len(b))
				}
			})
		}
	}
	fig := Optimizers(optimizersResult(t, 0.5), tr)
	if len(fig.Legend) != 4 || !strings.HasPrefix(fig.Legend[0].Name, "SGD (lr 0.01), test acc 0.500") || fig.Legend[3].Name != "Adam (lr 0.001)" {
		t.Errorf("legend %+v", fig.Legend)
	}
	if len(fig.Panels) != 6 || fig.Panels[0].Title != "SGD (lr 0.95)" || fig.Panels[3].Title != "Adam (lr 0.3)" {
		t.Fatalf("%d panels, first %q", len(fig.Panels), fig.Panels[0].Title)
	}
	if len(fig.Panels[4].Marks) != 0 {
		t.Errorf("a result with points says %q", fig.Panels[4].Marks[0].Text)
	}
	cfg := experiment.BookOptimizersConfig()
	cfg.Data = &mnist.Data{Train: mnist.Set{N: 60000}, Test: mnist.Set{N: 10000}}
	cfg.Path.Optimizers, cfg.Path.LRs = []net.OptimizerName{net.OptNesterov}, []float64{0.1}
	empty, err := experiment.NewOptimizersResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	fig = Optimizers(empty, tr)
	if len(fig.Panels) != 3 || fig.Panels[0].Title != "Nesterov (lr 0.1)" || len(fig.Panels[1].Marks) != 1 || fig.Panels[1].Marks[0].Text != tr.T("fig.opt.empty") {
		t.Errorf("before a run: %d panels, first %q, loss marks %v", len(fig.Panels), fig.Panels[0].Title, fig.Panels[1].Marks)
	}
}
