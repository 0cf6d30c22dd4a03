// Package kernelbench measures zerokara's GEMM paths side by side for the
// lab's Kernel tab: GFLOP/s of square Sgemm and Dgemm against size, for
// every path with one worker and with all, beside each SIMD path's
// measured FMA peak, sampled between the products; it says when the
// machine was too busy for the figures to be trusted (Result.Busy).
package kernelbench

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"time"

	"zerokara/kernel"
	"zerokara/net/experiment"
)

// Config sets up a measurement.
type Config struct {
	Sizes []int `json:"sizes"` // n of the n×n×n products
	// MinTime is how long each point is timed (at least one product).
	MinTime time.Duration `json:"min_time"`
	Paths   []string      `json:"paths"` // kernel.Implementations() by default
}

// DefaultConfig measures n = 64 … 1024 on every path, 0.2 s a point.
func DefaultConfig() Config {
	return Config{Sizes: []int{64, 128, 256, 512, 1024}, MinTime: 200 * time.Millisecond, Paths: kernel.Implementations()}
}

// Point is one measured product.
type Point struct {
	Path    string  `json:"path"`
	DType   string  `json:"dtype"`   // float32 or float64
	Workers int     `json:"workers"` // goroutines allowed
	N       int     `json:"n"`
	GFLOPS  float64 `json:"gflops"`
	// OfPeak is GFLOPS over the path's one-core peak times Workers (0
	// when the path has no peak loop), with the best peak sampled so far.
	OfPeak float64 `json:"of_peak"`
	// Share is the fraction of the product's wall time its thread ran, for
	// one worker (0: not known); below 1 when the core was shared.
	Share float64 `json:"share,omitempty"`
}

// PeakSample is one measurement of a path's one-core FMA peak.
type PeakSample struct {
	kernel.Peak
	// Share is the fraction of the wall time the measuring thread ran (0:
	// not known); below 1 when the core was shared.
	Share float64 `json:"share,omitempty"`
}

// Result holds the peaks and every point measured so far.
type Result struct {
	Experiment string `json:"experiment"`
	CPU        string `json:"cpu"`
	Cores      int    `json:"cores"`
	Config     Config `json:"config"`
	// Peaks are the best of each path's peak samples (one core).
	Peaks map[string]kernel.Peak `json:"peaks"`
	// PeakSamples are every peak measurement, by path, in order.
	PeakSamples map[string][]PeakSample `json:"peak_samples"`
	Points      []Point                 `json:"points"`
}

// Event reports one finished measurement: a peak sample (Point.N == 0)
// or a point.
type Event struct {
	experiment.Work
	Path  string
	Peak  PeakSample
	Point Point
}

// NewResult returns the empty result of cfg.
func NewResult(cfg Config) (*Result, error) {
	if len(cfg.Sizes) == 0 || cfg.MinTime <= 0 || len(cfg.Paths) == 0 {
		return nil, fmt.Errorf("kernelbench: sizes, a positive time and paths are needed")
	}
	for _, n := range cfg.Sizes {
		if n < 1 || n > 4096 {
			return nil, fmt.Errorf("kernelbench: size %d outside [1, 4096]", n)
		}
	}
	for _, p := range cfg.Paths {
		if _, err := kernel.Lookup(p); err != nil {
			return nil, err
		}
	}
	return &Result{Experiment: "kernel", Cores: runtime.GOMAXPROCS(0), Config: cfg,
		Peaks: map[string]kernel.Peak{}, PeakSamples: map[string][]PeakSample{}}, nil
}

// Apply records an event: a peak sample raises the path's peak if it is
// the best so far, and every point of the path is then rated against it.
func (r *Result) Apply(e Event) {
	if e.Point.N != 0 {
		r.Points = append(r.Points, e.Point)
		r.ratePoints(e.Path)
		return
	}
	if r.Peaks == nil {
		r.Peaks = map[string]kernel.Peak{}
	}
	if r.PeakSamples == nil {
		r.PeakSamples = map[string][]PeakSample{}
	}
	r.PeakSamples[e.Path] = append(r.PeakSamples[e.Path], e.Peak)
	best := r.Peaks[e.Path]
	r.Peaks[e.Path] = kernel.Peak{Float32: max(best.Float32, e.Peak.Float32), Float64: max(best.Float64, e.Peak.Float64)}
	r.ratePoints(e.Path)
}

// ratePoints sets OfPeak of path's points from its best peak.
func (r *Result) ratePoints(path string) {
	peak := r.Peaks[path]
	for i, p := range r.Points {
		if p.Path != path {
			continue
		}
		one := peak.Float32
		if p.DType == "float64" {
			one = peak.Float64
		}
		r.Points[i].OfPeak = 0
		if one > 0 && p.Workers > 0 {
			r.Points[i].OfPeak = p.GFLOPS / (one * float64(p.Workers))
		}
	}
}

// Snapshot returns a copy that later Apply calls do not change.
func (r *Result) Snapshot() *Result {
	c := *r
	c.Points = slices.Clone(r.Points)
	c.Peaks = make(map[string]kernel.Peak, len(r.Peaks))
	for k, v := range r.Peaks {
		c.Peaks[k] = v
	}
	c.PeakSamples = make(map[string][]PeakSample, len(r.PeakSamples))
	for k, v := range r.PeakSamples {
		c.PeakSamples[k] = slices.Clone(v)
	}
	return &c
}

// Measure times every path: Sgemm and Dgemm at every size with one
// worker and with all, each pair of products after a sample of the
// path's one-core FMA peak. The peak is the best of the samples, taken
// throughout the measurement rather than once at its start: a peak
// sampled while the machine was busy alone would rate the products
// against too low a figure. It stops between measurements when ctx
// ends.
func Measure(ctx context.Context, cfg Config, progress func(Event)) (*Result, error) {
	res, err := NewResult(cfg)
	if err != nil {
		return nil, err
	}
	res.CPU = cpuName()
	workers := []kernel.Workers{kernel.Serial}
	if res.Cores > 1 {
		workers = append(workers, kernel.Workers(res.Cores))
	}
	total := len(cfg.Paths) * len(cfg.Sizes) * len(workers) * 3
	done := 0
	emit := func(e Event) {
		done++
		e.Work = experiment.Work{Done: done, Total: total}
		res.Apply(e)
		if progress != nil {
			progress(e)
		}
	}
	for _, path := range cfg.Paths {
		k, _ := kernel.Lookup(path)
		for _, n := range cfg.Sizes {
			for _, w := range workers {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("kernelbench: %w", err)
				}
				var peak kernel.Peak
				share := onOneCore(func() { peak = k.MeasurePeak(cfg.MinTime / peakFraction) })
				if peak == (kernel.Peak{}) {
					share = 0 // no FMA loop ran (pure Go): nothing was measured
				}
				emit(Event{Path: path, Peak: PeakSample{Peak: peak, Share: share}})
				kw := k.WithWorkers(w)
				for _, dt := range []string{"float32", "float64"} {
					if err := ctx.Err(); err != nil {
						return nil, fmt.Errorf("kernelbench: %w", err)
					}
					var g float64
					product := func() {
						if dt == "float32" {
							g = rate(n, cfg.MinTime, kw.Sgemm)
						} else {
							g = rate(n, cfg.MinTime, kw.Dgemm)
						}
					}
					pt := Point{Path: path, DType: dt, Workers: int(w), N: n}
					if w == kernel.Serial {
						pt.Share = onOneCore(product)
					} else {
						product() // its workers run on other threads too
					}
					pt.GFLOPS = g
					emit(Event{Path: path, Point: pt})
				}
			}
		}
	}
	return res, nil
}

// peakFraction: each peak sample runs each element type's FMA loop for
// MinTime/peakFraction (in five slices, the best of which counts), so the
// samples add about a quarter to the products' time.
const peakFraction = 8

// rate runs n×n×n products for at least d and returns GFLOP/s.
func rate[T kernel.Float](n int, d time.Duration, gemm func(kernel.Transpose, kernel.Transpose, int, int, int, T, []T, int, []T, int, T, []T, int)) float64 {
	a, b, c := make([]T, n*n), make([]T, n*n), make([]T, n*n)
	for i := range a {
		a[i], b[i] = T(i%7)/7, T(i%5)/5
	}
	gemm(kernel.NoTrans, kernel.NoTrans, n, n, n, 1, a, n, b, n, 0, c, n) // warm-up
	start, reps := time.Now(), 0
	for reps == 0 || time.Since(start) < d {
		gemm(kernel.NoTrans, kernel.NoTrans, n, n, n, 1, a, n, b, n, 0, c, n)
		reps++
	}
	return 2 * float64(n) * float64(n) * float64(n) * float64(reps) / time.Since(start).Seconds() / 1e9
}

// WriteCSV writes one row per point.
func (r *Result) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"path", "dtype", "workers", "n", "gflops", "of_peak"})
	for _, p := range r.Points {
		cw.Write([]string{p.Path, p.DType, strconv.Itoa(p.Workers), strconv.Itoa(p.N),
			strconv.FormatFloat(p.GFLOPS, 'f', 2, 64), strconv.FormatFloat(p.OfPeak, 'f', 3, 64)})
	}
	cw.Flush()
	return cw.Error()
}
