package kernelbench

import (
	"bytes"
	"context"
	"errors"
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
