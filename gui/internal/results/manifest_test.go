package results

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"github.com/klauspost/cpuid/v2"

	"zerokara/kernel"
)

// The manifest describes this process: what the run asked and what ran it.
func TestNewManifest(t *testing.T) {
	m := NewManifest(42, 3)
	for _, tc := range []struct {
		field     string
		got, want any
	}{
		{"seed", m.Seed, uint64(42)},
		{"workers", m.Workers, 3},
		{"go version", m.GoVersion, runtime.Version()},
		{"kernel", m.Kernel, kernel.Implementation()},
		{"cpu", m.CPU, cpuid.CPU.BrandName},
		{"gomaxprocs", m.Procs, runtime.GOMAXPROCS(0)},
		{"platform", m.Platform, runtime.GOOS + "/" + runtime.GOARCH},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %v, want %v", tc.field, tc.got, tc.want)
		}
	}
}

type objResult struct {
	Config map[string]int `json:"config"`
	Loss   []float64      `json:"loss"`
}

// The result JSON gets "manifest" as its first field beside its own; a
// result that is not an object, or has a manifest already, is refused.
func TestEncodeJSONWithManifest(t *testing.T) {
	m := &Manifest{Seed: 7, Kernel: "purego"}
	for _, tc := range []struct {
		name    string
		res     any
		rest    string // what follows the manifest
		wantErr string
	}{
		{"object", objResult{map[string]int{"epochs": 3}, []float64{1, 0.5}},
			`,"config":{"epochs":3},"loss":[1,0.5]}`, ""},
		{"empty object", struct{}{}, `}`, ""},
		{"not an object", []int{1}, "", "not a JSON object"},
		{"null", (*objResult)(nil), "", "not a JSON object"},
		{"has a manifest", map[string]int{"manifest": 1}, "", `already has a field "manifest"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(tc.res)
			if err != nil {
				t.Fatal(err)
			}
			got, err := withManifest(b, m)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			mb, _ := json.Marshal(m)
			want := `{"manifest":` + string(mb) + tc.rest
			if string(got) != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
			var back map[string]json.RawMessage
			if err := json.Unmarshal(got, &back); err != nil {
				t.Errorf("not JSON: %v", err)
			}
		})
	}
}
