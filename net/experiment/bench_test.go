package experiment

import (
	"context"
	"testing"
)

// BenchmarkExperiments runs each experiment with the book's defaults
// (float32, all cores), data loading excluded, and reports wall seconds
// per run.
func BenchmarkExperiments(b *testing.B) {
	ctx := context.Background()
	data, err := loadMNIST()
	if err != nil {
		b.Fatal(err)
	}
	ic, bn := BookInitCompareConfig(), BookBatchNormConfig()
	sym, of, sw := BookSymmetryConfig(), BookOverfitConfig(), BookSweepConfig()
	ic.Data, bn.Data, sym.Data, of.Data, sw.Data = data, data, data, data, data
	for _, e := range []struct {
		name string
		run  func() error
	}{
		{"activations", func() error { _, err := Activations(ctx, BookActivationsConfig(), nil); return err }},
		{"initcompare", func() error { _, err := InitCompare(ctx, ic, nil); return err }},
		{"batchnorm", func() error { _, err := BatchNorm(ctx, bn, nil); return err }},
		{"symmetry", func() error { _, err := Symmetry(ctx, sym, nil); return err }},
		{"overfit", func() error { _, err := Overfit(ctx, of, nil); return err }},
		{"sweep", func() error { _, err := Sweep(ctx, sw, nil); return err }},
	} {
		b.Run(e.name, func(b *testing.B) {
			for b.Loop() {
				if err := e.run(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/run")
		})
	}
}
