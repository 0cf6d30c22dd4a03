package mnist_test

import (
	"testing"

	"zerokara/net/mnist"
)

// BenchmarkLoad measures loading the full data set, gzip decoding
// included.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	images := 0
	for b.Loop() {
		d, err := mnist.Load(dataDir)
		if err != nil {
			b.Fatal(err)
		}
		images = d.Train.N + d.Test.N
	}
	b.ReportMetric(float64(images*b.N)/b.Elapsed().Seconds(), "images/s")
}
