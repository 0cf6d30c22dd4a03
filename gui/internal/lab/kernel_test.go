package lab

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/kernelbench"
)

// After a measurement the Kernel tab says whether the machine was too
// busy for its figures: a shared core or a product beyond its peak is a
// warning; a quiet machine is said so; unknown shares say nothing.
func TestKernelSaysWhenTheMachineWasBusy(t *testing.T) {
	test.NewTempApp(t)
	quiet := func() *kernelbench.Result {
		return &kernelbench.Result{
			PeakSamples: map[string][]kernelbench.PeakSample{"avx2": {{Share: 0.99}, {Share: 0.98}}},
			Points:      []kernelbench.Point{{Path: "avx2", Workers: 1, OfPeak: 0.8, Share: 0.97}, {Path: "avx2", Workers: 2, OfPeak: 0.7}},
		}
	}
	for _, tc := range []struct {
		name    string
		lang    i18n.Lang
		change  func(*kernelbench.Result)
		shown   bool
		danger  bool
		contain []string
	}{
		{"quiet", i18n.English, func(*kernelbench.Result) {}, true, false, []string{"quiet", "80%"}},
		{"a shared core", i18n.English, func(r *kernelbench.Result) { r.PeakSamples["avx2"][1].Share = 0.4 }, true, true,
			[]string{"busy", "1 of 3", "as little as 40%"}},
		{"beyond the peak (the issue's 249 %)", i18n.English, func(r *kernelbench.Result) { r.Points[0].OfPeak = 2.49 }, true, true,
			[]string{"249%", "idle machine"}},
		{"both, in Japanese", i18n.Japanese, func(r *kernelbench.Result) {
			r.Points[0].Share, r.Points[1].OfPeak = 0.5, 1.3
		}, true, true, []string{"3 回のうち 1 回", "最小 50%", "130%"}},
		{"shares unknown", i18n.English, func(r *kernelbench.Result) {
			r.PeakSamples, r.Points[0].Share = nil, 0
		}, false, false, nil},
	} {
		s := newKernelScreen(newLoc(tc.lang), nil)
		r := quiet()
		tc.change(r)
		s.showBusy(r)
		if s.Busy.Visible() != tc.shown || (s.Busy.Importance == widget.DangerImportance) != tc.danger {
			t.Errorf("%s: shown %v, a warning %v; want %v, %v (%q)", tc.name, s.Busy.Visible(), s.Busy.Importance == widget.DangerImportance,
				tc.shown, tc.danger, s.Busy.Text)
		}
		for _, want := range tc.contain {
			if !strings.Contains(s.Busy.Text, want) {
				t.Errorf("%s: %q does not say %q", tc.name, s.Busy.Text, want)
			}
		}
	}
}
