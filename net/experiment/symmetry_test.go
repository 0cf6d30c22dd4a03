package experiment

import (
	"context"
	"errors"
	"math"
	"os"
	"testing"

	"zerokara/net"
)

// The slides' claim, measured: zero and constant inits keep one distinct
// neuron per hidden layer throughout, random ones keep all of them; with
// all-zero weights only the output bias learns, so the loss stays near
// the entropy of the class frequencies.
func TestSymmetryOfConstantInit(t *testing.T) {
	cfg := BookSymmetryConfig()
	cfg.Data = mnistData(t)
	if testing.Short() || os.Getenv("ZEROKARA_LONG") == "" {
		cfg.Iterations, cfg.SkipTestAccuracy = 300, true // the whole run: long suite
	}
	partial, err := NewSymmetryResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Symmetry(context.Background(), cfg, partial.Apply)
	if err != nil {
		t.Fatal(err)
	}
	points := cfg.Iterations/cfg.Every + 1
	if len(res.Runs) != 4 {
		t.Fatalf("%d runs, want 4", len(res.Runs))
	}
	if mustJSON(t, partial.Runs) != mustJSON(t, res.Runs) {
		t.Error("the result built from the streamed events differs from the returned one")
	}
	for _, run := range res.Runs {
		if len(run.Loss) != points || run.Iterations[points-1] != cfg.Iterations {
			t.Fatalf("%s: %d points up to %d, want %d up to %d", run.Init, len(run.Loss), run.Iterations[len(run.Iterations)-1], points, cfg.Iterations)
		}
		hidden := run.Layers[:len(cfg.Hidden)]
		for p := range points {
			for l, layer := range hidden {
				d := layer.Distinct[p]
				switch run.Init {
				case "const=0", "const=0.01":
					if d != 1 {
						t.Errorf("%s: layer %d has %d distinct neurons at iteration %d, want 1", run.Init, l+1, d, run.Iterations[p])
					}
				case "He":
					if d != cfg.Hidden[l] {
						t.Errorf("He: layer %d has %d distinct neurons at iteration %d, want %d", l+1, d, run.Iterations[p], cfg.Hidden[l])
					}
				}
			}
		}
		if run.Heat == nil || run.Heat.Rows != 98 || run.Heat.Cols != 100 || len(run.Heat.Values) != 9800 {
			t.Errorf("%s: heat map %+v", run.Init, run.Heat)
		}
	}
	zero, he := res.Runs[0], res.Runs[3]
	if l := zero.Loss[points-1]; math.Abs(l-2.30) > 0.03 {
		t.Errorf("zero init: final loss %.3f, want ≈ 2.30 (class-frequency entropy)", l)
	}
	if !(he.Loss[points-1] < 0.8*zero.Loss[points-1]) {
		t.Errorf("He final loss %.3f not below zero init's %.3f", he.Loss[points-1], zero.Loss[points-1])
	}
	// All-zero W: every hidden spread is 0; He's is not.
	if s := zero.Layers[1].Spread[points-1]; s != 0 {
		t.Errorf("zero init: spread %g, want 0", s)
	}
	if s := he.Layers[1].Spread[points-1]; !(s > 0) {
		t.Errorf("He: spread %g, want > 0", s)
	}
}

func TestNeuronStats(t *testing.T) {
	m := func(rows, cols int, v ...float64) *net.Matrix[float64] {
		x, _ := net.FromSlice(rows, cols, v)
		return x
	}
	for _, tc := range []struct {
		name     string
		w        *net.Matrix[float64]
		distinct int
		spread   float64
	}{
		{"all zero", m(2, 3, 0, 0, 0, 0, 0, 0), 1, 0},
		{"constant", m(2, 3, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5), 1, 0},
		{"two equal columns", m(2, 3, 1, 1, 2, 3, 3, 4), 2, math.Sqrt2 / 3}, // column means 2, 2, 3
		{"equal after rounding", m(1, 2, 1, 1+1e-9), 1, 5e-10},
		// 6-decimal rounding would split these two at 0.1234565.
		{"close across a rounding step", m(1, 3, 1, 0.12345649, 0.12345651), 2, math.Sqrt(2) * (1 - 0.1234565) / 3},
		{"just beyond the tolerance", m(1, 2, 0.5, 0.5+2e-6), 2, 1e-6},
		{"−0 and +0", m(1, 2, math.Copysign(0, -1), 0), 1, 0},
		{"NaN", m(1, 2, math.NaN(), 0), 0, math.NaN()},
	} {
		d, s := neuronStats(tc.w)
		if d != tc.distinct || !(math.Abs(s-tc.spread) < 1e-9 || math.IsNaN(s) && math.IsNaN(tc.spread)) {
			t.Errorf("%s: %d distinct, spread %g; want %d, %g", tc.name, d, s, tc.distinct, tc.spread)
		}
	}
}

// TestSymmetrySharedBatches compares one worker (each network gathers its
// own batches) with the default (four networks at once sharing a ring of
// batches), and checks that a cancel ends the shared run promptly.
func TestSymmetrySharedBatches(t *testing.T) {
	run := func(ctx context.Context, workers int, progress func(SymmetryEvent)) (*SymmetryResult, error) {
		cfg := BookSymmetryConfig()
		cfg.Data, cfg.Iterations, cfg.Every, cfg.Workers, cfg.SkipTestAccuracy = mnistData(t), 60, 20, workers, true
		return Symmetry(ctx, cfg, progress)
	}
	one, err := run(context.Background(), 1, nil)
	if err != nil {
		t.Fatal(err)
	}
	shared, err := run(context.Background(), 0, nil)
	if err != nil {
		t.Fatal(err)
	}
	if mustJSON(t, one.Runs) != mustJSON(t, shared.Runs) {
		t.Error("results differ between per-network and shared batches")
	}

	// Cancelled at a network's first recorded point after updates, while
	// the others wait on the ring or train ahead.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := run(ctx, 0, func(e SymmetryEvent) {
		if e.Point == 1 {
			cancel()
		}
	}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled run: error %v, want context.Canceled", err)
	}
}
