package kernelbench

import (
	"bytes"
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"zerokara/kernel"
)

func TestMeasureAllPaths(t *testing.T) {
	cfg := Config{Sizes: []int{16, 32}, MinTime: 2 * time.Millisecond, Paths: kernel.Implementations()}
	partial, err := NewResult(cfg)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Measure(context.Background(), cfg, partial.Apply)
	if err != nil {
		t.Fatal(err)
	}
	workers := 1
	if res.Cores > 1 {
		workers = 2
	}
	if want := len(cfg.Paths) * 2 * 2 * workers; len(res.Points) != want || len(partial.Points) != want {
		t.Fatalf("%d points (%d streamed), want %d", len(res.Points), len(partial.Points), want)
	}
	for _, p := range res.Points {
		if !(p.GFLOPS > 0) {
			t.Errorf("%+v: no rate", p)
		}
		if p.Path != "purego" && !(p.OfPeak > 0) {
			t.Errorf("%+v: no fraction of peak", p)
		}
		if _, known := threadCPU(); known && p.Workers == 1 && !(p.Share > 0 && p.Share <= 1) {
			t.Errorf("%+v: one worker's share of its core not in (0, 1]", p)
		}
	}
	for _, path := range cfg.Paths {
		// One sample before each pair of products.
		if got, want := len(res.PeakSamples[path]), len(cfg.Sizes)*workers; got != want {
			t.Errorf("%s: %d peak samples, want %d", path, got, want)
		}
	}
	var buf bytes.Buffer
	if err := res.WriteCSV(&buf); err != nil || strings.Count(buf.String(), "\n") != len(res.Points)+1 {
		t.Errorf("CSV: %v\n%s", err, buf.String())
	}
}

func TestMeasureRefusesAndStops(t *testing.T) {
	for _, cfg := range []Config{
		{Sizes: nil, MinTime: time.Millisecond, Paths: []string{"purego"}},
		{Sizes: []int{0}, MinTime: time.Millisecond, Paths: []string{"purego"}},
		{Sizes: []int{8}, MinTime: 0, Paths: []string{"purego"}},
		{Sizes: []int{8}, MinTime: time.Millisecond, Paths: []string{"sse9"}},
	} {
		if _, err := Measure(context.Background(), cfg, nil); err == nil {
			t.Errorf("%+v accepted", cfg)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Measure(ctx, DefaultConfig(), nil); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled measurement: %v", err)
	}
}

// A peak sample raises the path's peak only when it is the best so far,
// and every point of the path is rated again against the best.
func TestApplyRatesAgainstBestPeak(t *testing.T) {
	res, err := NewResult(Config{Sizes: []int{64}, MinTime: time.Millisecond, Paths: []string{"purego"}})
	if err != nil {
		t.Fatal(err)
	}
	sample := func(f32, f64 float64) Event {
		return Event{Path: "avx2", Peak: PeakSample{Peak: kernel.Peak{Float32: f32, Float64: f64}, Share: 1}}
	}
	point := func(dt string, workers int, g float64) Event {
		return Event{Path: "avx2", Point: Point{Path: "avx2", DType: dt, Workers: workers, N: 64, GFLOPS: g}}
	}
	for _, tc := range []struct {
		name       string
		event      Event
		peak       kernel.Peak
		ofPeak     []float64 // of every point so far
		sampleSeen int
	}{
		{"a point before any peak has no fraction", point("float32", 1, 50), kernel.Peak{}, []float64{0}, 0},
		{"a low first sample (a busy core)", sample(40, 20), kernel.Peak{Float32: 40, Float64: 20}, []float64{1.25}, 1},
		{"a point of the other type, two workers", point("float64", 2, 30), kernel.Peak{Float32: 40, Float64: 20}, []float64{1.25, 0.75}, 1},
		{"a better sample rates both again", sample(100, 50), kernel.Peak{Float32: 100, Float64: 50}, []float64{0.5, 0.3}, 2},
		{"a worse sample changes no rating", sample(60, 55), kernel.Peak{Float32: 100, Float64: 55}, []float64{0.5, 30 / 110.0}, 3},
	} {
		res.Apply(tc.event)
		if got := res.Peaks["avx2"]; got != tc.peak {
			t.Errorf("%s: peak %+v, want %+v", tc.name, got, tc.peak)
		}
		if got := len(res.PeakSamples["avx2"]); got != tc.sampleSeen {
			t.Errorf("%s: %d samples kept, want %d", tc.name, got, tc.sampleSeen)
		}
		if len(res.Points) != len(tc.ofPeak) {
			t.Fatalf("%s: %d points, want %d", tc.name, len(res.Points), len(tc.ofPeak))
		}
		for i, want := range tc.ofPeak {
			if got := res.Points[i].OfPeak; math.Abs(got-want) > 1e-12 {
				t.Errorf("%s: point %d at %.4f of peak, want %.4f", tc.name, i, got, want)
			}
		}
	}
	snap := res.Snapshot()
	res.Apply(sample(1000, 1000))
	if snap.Peaks["avx2"].Float32 != 100 || len(snap.PeakSamples["avx2"]) != 3 || snap.Points[0].OfPeak != 0.5 {
		t.Errorf("a snapshot changed with a later sample: %+v", snap)
	}
}

// A result without the maps (as a test or a decoder builds it) takes
// samples too.
func TestApplyToAZeroResult(t *testing.T) {
	var res Result
	res.Apply(Event{Path: "avx2", Peak: PeakSample{Peak: kernel.Peak{Float32: 10}}})
	if res.Peaks["avx2"].Float32 != 10 || len(res.PeakSamples["avx2"]) != 1 {
		t.Errorf("%+v", res)
	}
}

// Busy names what spoilt a measurement: a core shared during a peak
// sample or a one-worker product, or a product faster than its peak.
func TestBusy(t *testing.T) {
	idle := func() *Result {
		return &Result{
			PeakSamples: map[string][]PeakSample{"avx2": {{Share: 0.99}, {Share: 0.97}}, "purego": {{}}},
			Points: []Point{{Path: "avx2", Workers: 1, OfPeak: 0.9, Share: 0.98}, {Path: "avx2", Workers: 2, OfPeak: 0.8},
				{Path: "purego", Workers: 1, Share: 0.95}},
		}
	}
	for _, tc := range []struct {
		name   string
		change func(r *Result)
		busy   bool
		want   Busy
	}{
		{"idle", func(*Result) {}, false, Busy{Measured: 4, LeastShare: 0.95}},
		{"a peak sample on a shared core", func(r *Result) { r.PeakSamples["avx2"][1].Share = 0.45 }, true,
			Busy{Shared: 1, Measured: 4, LeastShare: 0.45}},
		{"a product on a shared core", func(r *Result) { r.Points[2].Share = 0.6 }, true,
			Busy{Shared: 1, Measured: 4, LeastShare: 0.6}},
		{"a product above its peak", func(r *Result) { r.Points[1].OfPeak = 2.49 }, true,
			Busy{Measured: 4, LeastShare: 0.95, OverPeak: 2.49}},
		{"exactly at the limits", func(r *Result) { r.Points[0].Share, r.Points[0].OfPeak = FullShare, MaxOfPeak }, false,
			Busy{Measured: 4, LeastShare: FullShare}},
		{"shares unknown (not Linux)", func(r *Result) {
			r.PeakSamples = nil
			for i := range r.Points {
				r.Points[i].Share = 0
			}
		}, false, Busy{LeastShare: 1}},
	} {
		r := idle()
		tc.change(r)
		got, busy := r.Busy()
		if busy != tc.busy || got != tc.want {
			t.Errorf("%s: Busy() = %+v, %v; want %+v, %v", tc.name, got, busy, tc.want, tc.busy)
		}
	}
}

// onOneCore reports a share of a core in (0, 1] where the system tells
// the thread's CPU time, and 0 where it does not.
func TestOnOneCore(t *testing.T) {
	ran := false
	share := onOneCore(func() {
		ran = true
		for start := time.Now(); time.Since(start) < time.Millisecond; {
		}
	})
	if !ran {
		t.Fatal("f did not run")
	}
	if _, known := threadCPU(); known != (share > 0) || share > 1 {
		t.Errorf("share %v (thread CPU time known: %v)", share, known)
	}
}
