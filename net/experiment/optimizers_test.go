package experiment

import (
	"context"
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"zerokara/net"
)

// TestBookPaths pins the first three positions of each of the book's
// paths (start (−7, 2), ∇f = (x/10, 2y)), written out by hand from the
// update rules in float64, within 1e-12 relative.
func TestBookPaths(t *testing.T) {
	sqrt := math.Sqrt
	const eps = 1e-7
	// AdaGrad, lr 1.5: h = g² at the first step.
	adaX2, adaY2 := -7+1.5*0.7/(0.7+eps), 2-1.5*4/(4+eps)
	adaGX, adaGY := adaX2/10, 2*adaY2
	adaX3 := adaX2 - 1.5*adaGX/(sqrt(0.49+adaGX*adaGX)+eps)
	adaY3 := adaY2 - 1.5*adaGY/(sqrt(16+adaGY*adaGY)+eps)
	// Adam, lr 0.3: m = 0.1·g, v = 0.001·g², lr_t = 0.3·√(1−0.999)/(1−0.9).
	lrt1 := 0.3 * sqrt(1-0.999) / (1 - 0.9)
	adamX2 := -7 - lrt1*(-0.07)/(sqrt(0.00049)+eps)
	adamY2 := 2 - lrt1*0.4/(sqrt(0.016)+eps)
	gx, gy := adamX2/10, 2*adamY2
	mx, my := -0.07+0.1*(gx+0.07), 0.4+0.1*(gy-0.4)
	vx, vy := 0.00049+0.001*(gx*gx-0.00049), 0.016+0.001*(gy*gy-0.016)
	lrt2 := 0.3 * sqrt(1-0.999*0.999) / (1 - 0.9*0.9)
	adamX3, adamY3 := adamX2-lrt2*mx/(sqrt(vx)+eps), adamY2-lrt2*my/(sqrt(vy)+eps)

	want := map[net.OptimizerName][3][2]float64{
		// p −= 0.95·g: x −7 → −7 + 0.95·0.7 → −6.335 + 0.95·0.6335;
		// y 2 → 2 − 0.95·4 → −1.8 + 0.95·3.6.
		net.OptSGD: {{-7, 2}, {-6.335, -1.8}, {-5.733175, 1.62}},
		// v = −0.1·g = (0.07, −0.4); then v = 0.9·v − 0.1·g =
		// (0.063 + 0.0693, −0.36 − 0.32) = (0.1323, −0.68).
		net.OptMomentum: {{-7, 2}, {-6.93, 1.6}, {-6.7977, 0.92}},
		net.OptAdaGrad:  {{-7, 2}, {adaX2, adaY2}, {adaX3, adaY3}},
		net.OptAdam:     {{-7, 2}, {adamX2, adamY2}, {adamX3, adamY3}},
	}
	book := BookOptimizerPathConfig()
	paths, err := Paths(book)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 4 {
		t.Fatalf("%d paths, want the book's 4", len(paths))
	}
	for i, p := range paths {
		if p.Name != book.Optimizers[i] || p.LR != book.LRs[i] || len(p.X) != 30 || len(p.Y) != 30 {
			t.Errorf("path %d: %s lr %v with %d×%d points, want %s lr %v with 30", i, p.Name, p.LR, len(p.X), len(p.Y),
				book.Optimizers[i], book.LRs[i])
			continue
		}
		for k, w := range want[p.Name] {
			for c, got := range []float64{p.X[k], p.Y[k]} {
				if d := math.Abs(got - w[c]); d > 1e-12*math.Abs(w[c]) {
					t.Errorf("%s point %d coordinate %d = %.17g, want %.17g", p.Name, k+1, c, got, w[c])
				}
			}
		}
	}
	// The values the hand derivations land on, roughly, as a check of the
	// derivations themselves.
	for _, c := range []struct{ got, want float64 }{{adaX3, -4.5733}, {adaY3, 0.1362}, {adamX2, -6.7}, {adamY2, 1.7}} {
		if math.Abs(c.got-c.want) > 1e-3 {
			t.Errorf("hand value %v, expected about %v", c.got, c.want)
		}
	}
}

// TestPathsRefuse: the path settings that cannot run are errors, and
// rates that blow a path up leave non-finite positions, not a failure.
func TestPathsRefuse(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*OptimizerPathConfig)
		want string
	}{
		{"fewer rates", func(c *OptimizerPathConfig) { c.LRs = c.LRs[:2] }, "2 rates for 4 optimizers"},
		{"negative rate", func(c *OptimizerPathConfig) { c.LRs[0] = -1 }, "learning rate"},
		{"unknown optimizer", func(c *OptimizerPathConfig) { c.Optimizers[0] = "lbfgs" }, "unknown optimizer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := BookOptimizerPathConfig()
			tc.edit(&c)
			if _, err := Paths(c); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one about %q", err, tc.want)
			}
		})
	}
	c := BookOptimizerPathConfig()
	c.Optimizers, c.LRs, c.Steps = []net.OptimizerName{net.OptSGD}, []float64{1000}, 10000
	paths, err := Paths(c)
	if err != nil {
		t.Fatal(err)
	}
	if y := paths[0].Y[len(paths[0].Y)-1]; !math.IsNaN(y) && !math.IsInf(y, 0) {
		t.Errorf("SGD at lr 1000 ends at y = %v, want it gone to infinity", y)
	}
	if _, err := json.Marshal(paths); err != nil {
		t.Errorf("a blown-up path does not marshal: %v", err)
	}
}

// shortOptimizers is the book's setup cut to 30 iterations of a small
// network.
func shortOptimizers(t *testing.T) OptimizersConfig {
	c := BookOptimizersConfig()
	c.Data, c.Iterations, c.Hidden = mnistData(t), 30, []int{20}
	return c
}

// TestOptimizersShort: the result's shape and JSON, the live result built
// from the events equals the run's, and a network's curve depends
// neither on the others in the list nor on the number of workers.
func TestOptimizersShort(t *testing.T) {
	ctx := context.Background()
	cfg := shortOptimizers(t)
	live, err := NewOptimizersResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Optimizers(ctx, cfg, live.Apply)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range res.MNIST {
		if c.Name != cfg.Optimizers[i] || len(c.Loss) != 30 || len(c.Smoothed) != 30 || len(c.Iterations) != 30 || c.Iterations[29] != 29 {
			t.Fatalf("curve %d: %s with %d losses, %d smoothed, iterations %v", i, c.Name, len(c.Loss), len(c.Smoothed), c.Iterations)
		}
		if c.Diverged || c.TestAccuracy == nil || !(*c.TestAccuracy > 0.1) || *c.TestAccuracy > 1 {
			t.Errorf("%s: diverged %v, test accuracy %v", c.Name, c.Diverged, c.TestAccuracy)
		}
		if !(c.Loss[29] < c.Loss[0]) {
			t.Errorf("%s: loss %v after the first update, %v after the 30th: not learning", c.Name, c.Loss[0], c.Loss[29])
		}
		if a, b := mustJSON(t, live.Snapshot().MNIST[i].Loss), mustJSON(t, c.Loss); a != b {
			t.Errorf("%s: the events give %s, the run %s", c.Name, a, b)
		}
	}
	var js struct {
		Paths map[string]struct {
			X, Y []float64
			LR   float64
		}
		MNIST map[string]struct {
			Iterations   []int
			Loss         []float64
			Smoothed     []float64
			TestAccuracy *float64 `json:"test_accuracy"`
		}
	}
	if err := json.Unmarshal([]byte(mustJSON(t, res)), &js); err != nil {
		t.Fatal(err)
	}
	if p := js.Paths["adagrad"]; len(p.X) != 30 || p.LR != 1.5 {
		t.Errorf("JSON paths.adagrad = %+v", p)
	}
	if m := js.MNIST["adam"]; len(m.Loss) != 30 || len(m.Iterations) != 30 || m.TestAccuracy == nil {
		t.Errorf("JSON mnist.adam = %+v", m)
	}

	cfg.Workers = 1
	serial, err := Optimizers(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, serial.MNIST), mustJSON(t, res.MNIST); a != b {
		t.Errorf("1 worker:\n%s\nall at once:\n%s", a, b)
	}
	cfg.Optimizers, cfg.LRs = []net.OptimizerName{net.OptAdam}, []float64{0.001}
	alone, err := Optimizers(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, alone.MNIST[0]), mustJSON(t, res.MNIST[3]); a != b {
		t.Errorf("adam alone:\n%s\nwith the others:\n%s", a, b)
	}
}

// TestOptimizersDivergence: a loss that leaves the numbers marks its
// network diverged (lossAfterStep) and its curve from that iteration on
// (Apply), null in JSON, while the others go on. (No rate in range makes
// the book's network diverge within a short run: its ReLUs die first.)
func TestOptimizersDivergence(t *testing.T) {
	nw, err := net.New[float32](net.Config{InputSize: 8, HiddenSizes: []int{16}, OutputSize: 3, Activation: net.ReLUAct,
		Init: net.Std(1e30)}, rand.New(rand.NewPCG(5, 5)))
	if err != nil {
		t.Fatal(err)
	}
	opt, err := net.NewOptimizer[float32](net.OptSGD, 1e30)
	if err != nil {
		t.Fatal(err)
	}
	x := net.NewMatrix[float32](4, 8)
	for i := range x.Data {
		x.Data[i] = float32(i%7) - 3
	}
	labels := []int{0, 1, 2, 0}
	tr := &trainee[float32]{nw: nw, opt: opt, name: "sgd"}
	if _, err := tr.step(x, labels); err != nil {
		t.Fatal(err)
	}
	loss, err := lossAfterStep(tr, x, labels)
	if err != nil || !math.IsNaN(loss) || !tr.diverged {
		t.Errorf("overflowing network: loss %v, error %v, diverged %v; want NaN, nil, true", loss, err, tr.diverged)
	}

	cfg := BookOptimizersConfig()
	cfg.Data = mnistData(t)
	res, err := NewOptimizersResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	nan := math.NaN()
	for it, losses := range [][]float64{{2.3, 2.3, 2.3, 2.3}, {nan, 2.2, 2.2, 2.2}, {nan, 2.1, 2.1, 2.1}} {
		res.Apply(OptimizersEvent{Iteration: it, Loss: losses})
	}
	res.Apply(OptimizersEvent{Iteration: 7, Loss: []float64{1, 1, 1, 1}}) // not the next: ignored
	sgd, adam := res.MNIST[0], res.MNIST[3]
	if !sgd.Diverged || sgd.DivergedAt != 1 || len(sgd.Loss) != 3 {
		t.Errorf("SGD: diverged %v at %d with %d points, want at 1 with 3", sgd.Diverged, sgd.DivergedAt, len(sgd.Loss))
	}
	if adam.Diverged || adam.DivergedAt != -1 || len(adam.Loss) != 3 {
		t.Errorf("Adam: diverged %v at %d with %d points", adam.Diverged, adam.DivergedAt, len(adam.Loss))
	}
	if js := mustJSON(t, res.Snapshot()); !strings.Contains(js, `"loss":[2.3,null,null]`) {
		t.Errorf("the diverged losses are not null in JSON: %.300s", js)
	}
}

// TestWithPath: a finished run's paths follow new path settings, its
// MNIST part stays, and settings that cannot run are refused.
func TestWithPath(t *testing.T) {
	stand := BookOptimizersConfig()
	stand.Data = mnistData(t)
	res, err := NewOptimizersResult(stand)
	if err != nil {
		t.Fatal(err)
	}
	p := BookOptimizerPathConfig()
	p.X0, p.Y0 = 3, -4
	moved, err := res.WithPath(p)
	if err != nil {
		t.Fatal(err)
	}
	if moved.Config.Path.X0 != 3 || moved.Paths[0].X[0] != 3 || moved.Paths[0].Y[0] != -4 || res.Paths[0].X[0] != -7 {
		t.Errorf("moved starts at (%v, %v) with config x0 %v; the original at %v", moved.Paths[0].X[0], moved.Paths[0].Y[0],
			moved.Config.Path.X0, res.Paths[0].X[0])
	}
	p.X0 = 11
	if _, err := res.WithPath(p); err == nil || !strings.Contains(err.Error(), "path.x0") {
		t.Errorf("x0 = 11: error %v, want path.x0 out of range", err)
	}
}
