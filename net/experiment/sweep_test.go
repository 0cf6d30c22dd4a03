package experiment

import (
	"context"
	"math"
	"strings"
	"testing"
)

func TestSweepSmallGrid(t *testing.T) {
	cfg := BookSweepConfig()
	cfg.Data, cfg.Sigmas, cfg.LearningRates, cfg.Steps = mnistData(t), []float64{1, 0.01}, []float64{0.01, 1}, 40
	partial, err := NewSweepResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cells := 0
	res, err := Sweep(context.Background(), cfg, func(e SweepEvent) {
		cells++
		partial.Apply(e)
	})
	if err != nil {
		t.Fatal(err)
	}
	if cells != 4 {
		t.Errorf("%d cells streamed, want 4", cells)
	}
	if mustJSON(t, partial.BN) != mustJSON(t, res.BN) || mustJSON(t, partial.PlainDiverged) != mustJSON(t, res.PlainDiverged) {
		t.Error("the result built from the streamed events differs from the returned one")
	}
	for i := range cfg.Sigmas {
		for j := range cfg.LearningRates {
			for _, side := range []struct {
				acc      float64
				diverged bool
			}{{res.BN[i][j], res.BNDiverged[i][j]}, {res.Plain[i][j], res.PlainDiverged[i][j]}} {
				if side.diverged != math.IsNaN(side.acc) || (!side.diverged && !(side.acc >= 0 && side.acc <= 1)) {
					t.Errorf("cell (%d, %d): accuracy %v, diverged %v", i, j, side.acc, side.diverged)
				}
			}
		}
	}
	// σ = 1 and lr = 1 without BN overflows; with BN it trains.
	if !res.PlainDiverged[0][1] || res.BNDiverged[0][1] {
		t.Errorf("σ=1, lr=1: plain diverged %v, BN diverged %v; want plain only", res.PlainDiverged[0][1], res.BNDiverged[0][1])
	}
	if b := mustJSON(t, res); !strings.Contains(b, `"bn_diverged":[[`) || !strings.Contains(b, "null") {
		t.Error("JSON lacks the divergence flags or the nulls of diverged cells")
	}
}
