package experiment

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// smallHyperparams is a search small enough for the short suite: 6
// trials of 3 epochs on 60 images with two narrow hidden layers, lr drawn
// up to 10 so that some trials diverge or stall.
func smallHyperparams(t *testing.T) HyperparamsConfig {
	cfg := BookHyperparamsConfig()
	cfg.Data, cfg.Trials, cfg.Epochs, cfg.Samples, cfg.Batch, cfg.Hidden = mnistData(t), 6, 3, 60, 10, []int{20, 20}
	cfg.LRLog10Min, cfg.LRLog10Max = -2, 1
	return cfg
}

func TestHyperparamsShape(t *testing.T) {
	cfg := smallHyperparams(t)
	partial, err := NewHyperparamsResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var events int
	res, err := Hyperparams(context.Background(), cfg, func(e HyperparamsEvent) { events++; partial.Apply(e) })
	if err != nil {
		t.Fatal(err)
	}
	if mustJSON(t, partial.Trials) != mustJSON(t, res.Trials) || !slices.Equal(partial.Ranking, res.Ranking) {
		t.Error("the result built from the streamed events differs from the returned one")
	}
	if events != cfg.Trials*cfg.Epochs {
		t.Errorf("%d events, want one per point: %d", events, cfg.Trials*cfg.Epochs)
	}
	if res.Validation != 12 || res.Training != 48 {
		t.Errorf("split %d validation + %d training images, want 12 + 48", res.Validation, res.Training)
	}
	if len(res.Ranking) != cfg.Trials {
		t.Fatalf("ranking %v, want all %d trials", res.Ranking, cfg.Trials)
	}
	for i, k := range res.Ranking {
		tr := res.Trials[k]
		if len(tr.ValAcc) != cfg.Epochs || len(tr.TrainAcc) != cfg.Epochs {
			t.Errorf("trial %d: %d and %d points, want %d", k, len(tr.ValAcc), len(tr.TrainAcc), cfg.Epochs)
		}
		if i > 0 && tr.Final() > res.Trials[res.Ranking[i-1]].Final() {
			t.Errorf("ranking %v: trial %d (%.3f) after a worse one", res.Ranking, k, tr.Final())
		}
		for _, a := range append(slices.Clone(tr.ValAcc), tr.TrainAcc...) {
			if !(a >= 0 && a <= 1) && !(tr.Diverged && math.IsNaN(a)) {
				t.Errorf("trial %d: accuracy %v", k, a)
			}
		}
	}
	b, _ := json.Marshal(res)
	for _, key := range []string{`"trials":[{"lr":`, `,"weight_decay":`, `,"val_acc":[`, `,"train_acc":[`, `"ranking":[`,
		`"validation_images":12`, `"lr_log10_min":-2`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}

// The trials do not depend on the number of workers: the same JSON
// (apart from the time and the workers setting) with 1 and 3.
func TestHyperparamsDeterministicAcrossWorkers(t *testing.T) {
	encode := func(workers int) string {
		cfg := smallHyperparams(t)
		cfg.Workers, cfg.DType = workers, Float64
		res, err := Hyperparams(context.Background(), cfg, nil)
		if err != nil {
			t.Fatal(err)
		}
		res.Seconds, res.Config.Workers = 0, 0
		return mustJSON(t, res)
	}
	if a, b := encode(1), encode(3); a != b {
		t.Fatalf("results differ between 1 and 3 workers:\n%s\n%s", a, b)
	}
}

// Draws follows the book's order (λ, then lr, per trial) from the run's
// seed alone: on the log scale each value is lo + (hi − lo)·U, the U in
// the order drawn; fewer trials are a prefix of more.
func TestHyperparamsDraws(t *testing.T) {
	cfg := BookHyperparamsConfig()
	cfg.Seed = 42
	rng := rand.New(rand.NewPCG(42, nameStream("hyperparams draws")))
	draws := cfg.Draws()
	for k, d := range draws {
		wantWD, wantLR := math.Pow(10, -8+4*rng.Float64()), math.Pow(10, -6+4*rng.Float64())
		if d.WeightDecay != wantWD || d.LR != wantLR {
			t.Fatalf("trial %d: (lr %g, λ %g), want (%g, %g)", k, d.LR, d.WeightDecay, wantLR, wantWD)
		}
		if !(d.LR >= 1e-6 && d.LR <= 1e-2 && d.WeightDecay >= 1e-8 && d.WeightDecay <= 1e-4) {
			t.Errorf("trial %d: (lr %g, λ %g) outside the book's ranges", k, d.LR, d.WeightDecay)
		}
	}
	small := cfg
	small.Trials, small.Samples = 7, 80
	if got := small.Draws(); mustJSON(t, got) != mustJSON(t, draws[:7]) {
		t.Error("7 trials on 80 images are not the first 7 of 100 on 500")
	}
	other := cfg
	other.Seed = 43
	if o := other.Draws()[0]; o.LR == draws[0].LR || o.WeightDecay == draws[0].WeightDecay {
		t.Error("another seed draws the same first pair")
	}
	fixed := cfg
	fixed.LRLog10Min, fixed.LRLog10Max = -3, -3
	if lr := fixed.Draws()[5].LR; lr != math.Pow(10, -3) {
		t.Errorf("a range of one value draws lr %g", lr)
	}
}

// The shuffled images split into validation and training without
// overlap, together the first Samples images.
func TestHyperparamsSplit(t *testing.T) {
	cfg := BookHyperparamsConfig()
	data := mnistData(t)
	first := data.Train.Subset(cfg.Samples)
	perm := cfg.shuffled()
	if slices.Equal(perm, sortedInts(len(perm))) {
		t.Fatal("the images were not shuffled")
	}
	val, train := splitSet(first, perm, 100)
	if val.N != 100 || train.N != 400 {
		t.Fatalf("split %d + %d", val.N, train.N)
	}
	seen := map[string]int{}
	for i := range first.N {
		seen[string(first.Pixels(i))]++
	}
	for _, s := range []struct {
		name string
		set  interface{ Pixels(int) []byte }
		n    int
	}{{"validation", val, val.N}, {"training", train, train.N}} {
		for i := range s.n {
			key := string(s.set.Pixels(i))
			if seen[key] == 0 {
				t.Fatalf("%s image %d is not one of the first 500, or appears twice", s.name, i)
			}
			seen[key]--
		}
	}
	if want := first.Labels[perm[0]]; val.Labels[0] != want || train.Labels[0] != first.Labels[perm[100]] {
		t.Error("labels do not follow their images")
	}
}

func sortedInts(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	return out
}

// Apply ranks the finished trials only, best final validation accuracy
// first, ties in draw order, diverged last; stray events are ignored.
func TestHyperparamsRanking(t *testing.T) {
	cfg := smallHyperparams(t)
	cfg.Trials, cfg.Epochs = 5, 2
	r, err := NewHyperparamsResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	finish := func(k int, last float64) {
		r.Apply(HyperparamsEvent{Trial: k, Point: 0, ValAcc: 0.1, TrainAcc: 0.1})
		r.Apply(HyperparamsEvent{Trial: k, Point: 1, ValAcc: last, TrainAcc: last})
	}
	for _, step := range []struct {
		do   func()
		want []int
	}{
		{func() { finish(3, 0.5) }, []int{3}},
		{func() { r.Apply(HyperparamsEvent{Trial: 0, Point: 0, ValAcc: 0.9}) }, []int{3}}, // not finished
		{func() { finish(4, math.NaN()) }, []int{3, 4}},
		{func() { finish(1, 0.5) }, []int{1, 3, 4}}, // a tie keeps the draw order
		{func() { r.Apply(HyperparamsEvent{Trial: 0, Point: 1, ValAcc: 0.2}) }, []int{1, 3, 0, 4}},
		{func() { finish(2, 0.7) }, []int{2, 1, 3, 0, 4}},
		{func() { r.Apply(HyperparamsEvent{Trial: 2, Point: 2, ValAcc: 0}) }, []int{2, 1, 3, 0, 4}}, // past the end
		{func() { r.Apply(HyperparamsEvent{Trial: 9, Point: 0, ValAcc: 1}) }, []int{2, 1, 3, 0, 4}},
		{func() { r.Apply(HyperparamsEvent{Trial: -1, Point: 0, ValAcc: 1}) }, []int{2, 1, 3, 0, 4}},
	} {
		step.do()
		if !slices.Equal(r.Ranking, step.want) {
			t.Fatalf("ranking %v, want %v", r.Ranking, step.want)
		}
	}
	if !r.Trials[4].Diverged || r.Trials[3].Diverged {
		t.Error("diverged flags")
	}
}

// A snapshot stays as it was while the run goes on.
func TestHyperparamsSnapshot(t *testing.T) {
	cfg := smallHyperparams(t)
	cfg.Trials, cfg.Epochs = 3, 2
	r, err := NewHyperparamsResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	r.Apply(HyperparamsEvent{Trial: 0, Point: 0, ValAcc: 0.1})
	r.Apply(HyperparamsEvent{Trial: 0, Point: 1, ValAcc: 0.2})
	r.Apply(HyperparamsEvent{Trial: 1, Point: 0, ValAcc: 0.3})
	snap := r.Snapshot()
	before := mustJSON(t, snap)
	r.Apply(HyperparamsEvent{Trial: 1, Point: 1, ValAcc: 0.4})
	r.Apply(HyperparamsEvent{Trial: 2, Point: 0, ValAcc: 0.5})
	r.Apply(HyperparamsEvent{Trial: 2, Point: 1, ValAcc: 0.6})
	snap.Apply(HyperparamsEvent{Trial: 1, Point: 1, ValAcc: 0.9}) // and the other way round
	if after := mustJSON(t, r); strings.Contains(after, "0.9") || !slices.Equal(r.Ranking, []int{2, 1, 0}) {
		t.Errorf("the snapshot's Apply reached the result: %s", after)
	}
	snap2 := r.Snapshot()
	if !slices.Equal(snap.Ranking, []int{1, 0}) || mustJSON(t, snap2) == before {
		t.Errorf("snapshot ranking %v", snap.Ranking)
	}
	if r.Apply(HyperparamsEvent{Trial: 2, Point: 2, ValAcc: 1}); mustJSON(t, snap2) != mustJSON(t, r) {
		t.Error("a finished trial took another point")
	}
}

func TestHyperparamsNarrowed(t *testing.T) {
	cfg := smallHyperparams(t)
	cfg.Trials, cfg.Epochs = 4, 1
	result := func(finals ...float64) *HyperparamsResult {
		r, err := NewHyperparamsResult(cfg)
		if err != nil {
			t.Fatal(err)
		}
		for k, lr := range []float64{1e-3, 1e-2, 1e-5, 3e-3} {
			r.Trials[k].LR, r.Trials[k].WeightDecay = lr, lr*1e-4
		}
		for k, f := range finals {
			r.Apply(HyperparamsEvent{Trial: k, ValAcc: f, TrainAcc: f})
		}
		return r
	}
	for _, tc := range []struct {
		name   string
		r      *HyperparamsResult
		k      int
		want   Ranges
		wantOK bool
	}{
		// log10 lr of the best two: −3 and −2; a tenth of the span wider.
		{"best two", result(0.8, 0.9, 0.1, 0.2), 2, Ranges{-3.1, -1.9, -7.1, -5.9}, true},
		// One trial: at least 0.05 either side.
		{"one", result(0.8, 0.1, 0.1, 0.1), 1, Ranges{-3.05, -2.95, -7.05, -6.95}, true},
		// More asked than finished: those there are; diverged left out.
		{"diverged", result(0.8, math.NaN()), 10, Ranges{-3.05, -2.95, -7.05, -6.95}, true},
		{"none finished", result(), 10, Ranges{}, false},
		{"all diverged", result(math.NaN()), 10, Ranges{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := tc.r.Narrowed(tc.k)
			if ok != tc.wantOK {
				t.Fatalf("ok = %v", ok)
			}
			for i, pair := range [][2]float64{{got.LRLog10Min, tc.want.LRLog10Min}, {got.LRLog10Max, tc.want.LRLog10Max},
				{got.WeightDecayLog10Min, tc.want.WeightDecayLog10Min}, {got.WeightDecayLog10Max, tc.want.WeightDecayLog10Max}} {
				if math.Abs(pair[0]-pair[1]) > 1e-9 {
					t.Errorf("end %d: %v, want %v (all: %+v)", i, pair[0], pair[1], got)
				}
			}
		})
	}
	// The narrowed ranges stay within the fields' bounds.
	r := result(0.9)
	r.Trials[0].LR, r.Trials[0].WeightDecay = 1e3, 1e-12
	if got, _ := r.Narrowed(1); got.LRLog10Max != lrLog10Hi || got.WeightDecayLog10Min != wdLog10Lo {
		t.Errorf("narrowed past the bounds: %+v", got)
	}
}

func TestHyperparamsConfigChecks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(*HyperparamsConfig)
		want   string
	}{
		{"no validation image", func(c *HyperparamsConfig) { c.Samples = 4 }, "want at least 1 each"},
		{"one image", func(c *HyperparamsConfig) { c.Samples, c.ValidationRate = 1, 0.99 }, "want at least 1 each"},
		{"lr range upside down", func(c *HyperparamsConfig) { c.LRLog10Min = -1 }, "lr_log10_min -1 is above"},
		{"λ range upside down", func(c *HyperparamsConfig) { c.WeightDecayLog10Max = -9 }, "weight_decay_log10_min -8 is above"},
		{"too many steps", func(c *HyperparamsConfig) { c.Trials, c.Epochs = 1000, 100000 }, "more than 10⁸ steps"},
		{"no data", func(c *HyperparamsConfig) { c.Data = nil }, "needs MNIST data"},
		{"lr above its bound", func(c *HyperparamsConfig) { c.LRLog10Max = 3.5 }, "lr_log10_max: 3.5 is outside"},
		{"zero trials", func(c *HyperparamsConfig) { c.Trials = 0 }, "trials: 0 is outside"},
		{"bad dtype", func(c *HyperparamsConfig) { c.DType = "float16" }, "dtype"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := BookHyperparamsConfig()
			cfg.Data = mnistData(t)
			tc.change(&cfg)
			if _, err := Hyperparams(context.Background(), cfg, nil); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one about %q", err, tc.want)
			}
		})
	}
	book := BookHyperparamsConfig()
	book.Data = mnistData(t)
	if err := book.Validate(); err != nil {
		t.Errorf("the book's setup: %v", err)
	}
}

func TestHyperparamsCSV(t *testing.T) {
	cfg := smallHyperparams(t)
	r, err := NewHyperparamsResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for p := range cfg.Epochs {
		r.Apply(HyperparamsEvent{Trial: 1, Point: p, ValAcc: 0.25, TrainAcc: math.NaN()})
	}
	r.Apply(HyperparamsEvent{Trial: 4, Point: 0, ValAcc: 0.5, TrainAcc: 0.75})
	var b bytes.Buffer
	if err := r.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"trial", "rank", "lr", "weight_decay", "epoch", "train_acc", "val_acc"},
		{"1", "1", num(r.Trials[1].LR), num(r.Trials[1].WeightDecay), "0", "", "0.25"},
		{"1", "1", num(r.Trials[1].LR), num(r.Trials[1].WeightDecay), "1", "", "0.25"},
		{"1", "1", num(r.Trials[1].LR), num(r.Trials[1].WeightDecay), "2", "", "0.25"},
		{"4", "", num(r.Trials[4].LR), num(r.Trials[4].WeightDecay), "0", "0.75", "0.5"}}
	if mustJSON(t, rows) != mustJSON(t, want) {
		t.Errorf("CSV\n%v\nwant\n%v", rows, want)
	}
}

// TestHyperparamsBookSearch is the book's search: some trials learn (the
// best reach a validation accuracy far above chance), the smallest
// learning rates do not, and the best trials' learning rates are the
// larger ones of the range.
func TestHyperparamsBookSearch(t *testing.T) {
	fullExperiment(t)
	cfg := BookHyperparamsConfig()
	cfg.Data = mnistData(t)
	res, err := Hyperparams(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	best := res.Trials[res.Ranking[0]]
	var above, slowAbove int
	for _, tr := range res.Trials {
		if tr.Final() > 0.5 {
			above++
			if tr.LR < 1e-4 {
				slowAbove++
			}
		}
	}
	t.Logf("best validation %.2f (lr %.3g, λ %.3g); %d of %d above 0.5", best.Final(), best.LR, best.WeightDecay, above, len(res.Trials))
	if best.Final() < 0.6 || above < 5 || slowAbove > 0 {
		t.Errorf("best %.2f, %d trials above 0.5 (%d of them with lr < 1e-4); want ≥ 0.6, ≥ 5 and none", best.Final(), above, slowAbove)
	}
	for _, k := range res.Ranking[:10] {
		if lr := res.Trials[k].LR; lr < 1e-4 {
			t.Errorf("trial %d with lr %.3g among the best 10", k, lr)
		}
	}
}
