// Package kernelbench measures zerokara's GEMM paths side by side for the
// lab's Kernel tab: GFLOP/s of square Sgemm and Dgemm against size, for
// every path with one worker and with all, beside each SIMD path's
// measured FMA peak.
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
	// when the path has no peak loop).
	OfPeak float64 `json:"of_peak"`
}

// Result holds the peaks and every point measured so far.
type Result struct {
	Experiment string                 `json:"experiment"`
	CPU        string                 `json:"cpu"`
	Cores      int                    `json:"cores"`
	Config     Config                 `json:"config"`
	Peaks      map[string]kernel.Peak `json:"peaks"` // one core, by path
	Points     []Point                `json:"points"`
}

// Event reports one finished measurement: a peak (Point.N == 0) or a
// point.
type Event struct {
	experiment.Work
	Path  string
	Peak  kernel.Peak
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
	return &Result{Experiment: "kernel", Cores: runtime.GOMAXPROCS(0), Config: cfg, Peaks: map[string]kernel.Peak{}}, nil
}

// Apply records an event.
func (r *Result) Apply(e Event) {
	if e.Point.N == 0 {
		r.Peaks[e.Path] = e.Peak
		return
	}
	r.Points = append(r.Points, e.Point)
}

// Snapshot returns a copy that later Apply calls do not change.
func (r *Result) Snapshot() *Result {
	c := *r
	c.Points = slices.Clone(r.Points)
	c.Peaks = make(map[string]kernel.Peak, len(r.Peaks))
	for k, v := range r.Peaks {
		c.Peaks[k] = v
	}
	return &c
}

// Measure times every path: its peak, then Sgemm and Dgemm at every size
// with one worker and with all. It stops between points when ctx ends.
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
	total := len(cfg.Paths) * (1 + 2*len(cfg.Sizes)*len(workers))
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
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("kernelbench: %w", err)
		}
		peak := k.MeasurePeak(cfg.MinTime)
		emit(Event{Path: path, Peak: peak})
		for _, n := range cfg.Sizes {
			for _, w := range workers {
				kw := k.WithWorkers(w)
				for _, dt := range []string{"float32", "float64"} {
					if err := ctx.Err(); err != nil {
						return nil, fmt.Errorf("kernelbench: %w", err)
					}
					var g, p float64
					if dt == "float32" {
						g, p = rate(n, cfg.MinTime, kw.Sgemm), peak.Float32
					} else {
						g, p = rate(n, cfg.MinTime, kw.Dgemm), peak.Float64
					}
					pt := Point{Path: path, DType: dt, Workers: int(w), N: n, GFLOPS: g}
					if p > 0 {
						pt.OfPeak = g / (p * float64(w))
					}
					emit(Event{Path: path, Point: pt})
				}
			}
		}
	}
	return res, nil
}

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
