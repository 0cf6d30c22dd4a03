package experiment

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// TestDivergedResultsMarshal: every result statistic that a diverged
// network makes NaN or ±Inf is written as null, never an encoding error.
func TestDivergedResultsMarshal(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	hist := Histogram{Lo: nan, Hi: inf, Counts: []int{1}}
	for _, tc := range []struct {
		name string
		v    any
		want []string
	}{
		{"overfit", &OverfitResult{Experiment: "overfit", Config: BookOverfitConfig(),
			Variants: []OverfitHistory{{Name: Plain, Epochs: []float64{0}, TrainAcc: nullFloats{nan}, TestAcc: nullFloats{0.5}, FinalGap: nan, MaxTestAcc: inf}}},
			[]string{`"final_gap":null`, `"max_test_acc":null`, `"train_acc":[null]`, `"name":"plain"`}},
		{"layer", LayerStats{Mean: nan, Std: -inf, Hist: hist, Grad: &GradStats{Mean: 1, Std: nan, Norm: inf, Hist: hist}},
			[]string{`"mean":null`, `"std":null`, `"lo":null`, `"hi":null`, `"mean":1`, `"norm":null`, `"counts":[1]`}},
		{"finite", OverfitHistory{Name: Plain, FinalGap: 0.25, MaxTestAcc: 0.75},
			[]string{`"final_gap":0.25`, `"max_test_acc":0.75`}},
	} {
		b, err := json.Marshal(tc.v)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s: %s lacks %s", tc.name, b, w)
			}
		}
		if strings.Count(string(b), `"final_gap"`) > 1 || strings.Count(string(b), `"mean"`) > 2 {
			t.Errorf("%s: a shadowed field is written twice: %s", tc.name, b)
		}
	}
}
