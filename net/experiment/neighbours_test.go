package experiment

import (
	"context"
	"testing"

	"zerokara/net"
)

// A network's result does not depend on its neighbours in the list: a
// variant or initializer run alone gives the curve it gives in the full
// run with the same seed.
func TestResultDoesNotDependOnNeighbours(t *testing.T) {
	data := mnistData(t)
	ctx := context.Background()
	of := BookOverfitConfig()
	of.Data, of.Epochs, of.DropoutEpochs, of.Seed = data, 3, 3, 1
	full, err := Overfit(ctx, of, nil)
	if err != nil {
		t.Fatal(err)
	}
	of.Variants = []OverfitVariant{DropoutNet}
	alone, err := Overfit(ctx, of, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, alone.Variants[0]), mustJSON(t, full.Variants[2]); a != b {
		t.Errorf("dropout alone:\n%s\nin the full run:\n%s", a, b)
	}

	ic := BookInitCompareConfig()
	ic.Data, ic.Iterations, ic.SkipTestAccuracy = data, 20, true
	fullIC, err := InitCompare(ctx, ic, nil)
	if err != nil {
		t.Fatal(err)
	}
	ic.Inits = []net.Init{net.He()}
	aloneIC, err := InitCompare(ctx, ic, nil)
	if err != nil {
		t.Fatal(err)
	}
	if a, b := mustJSON(t, aloneIC.Series[0]), mustJSON(t, fullIC.Series[2]); a != b {
		t.Errorf("He alone:\n%s\nin the full comparison:\n%s", a, b)
	}
}
