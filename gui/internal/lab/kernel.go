package lab

import (
	"math"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/klauspost/cpuid/v2"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/kernelbench"
	"zerokara/gui/internal/plot"
	"zerokara/gui/internal/report"
	"zerokara/gui/internal/results"
	"zerokara/kernel"
)

// KernelScreen shows what the GEMM kernel detected and charts every path's
// GFLOP/s against size beside its FMA peak, measured in the background,
// and says whether the machine was quiet enough for the figures to hold.
type KernelScreen struct {
	*runner
	Info   *widget.Label
	View   *plot.View
	Export *exporter
	// Busy says, after a measurement, whether the machine was too busy
	// for its figures to be trusted.
	Busy *widget.Label
	Err  error
	busy fyne.CanvasObject // Busy as laid out
	// Guide is the guide's text.
	Guide string
	loc   *loc

	live live[*kernelbench.Result, kernelbench.Event]
}

func newKernelScreen(l *loc, window func() fyne.Window) *KernelScreen {
	s := &KernelScreen{Info: widget.NewLabel(""), View: plot.NewView(), Busy: widget.NewLabel(""), loc: l, Guide: l.T("guide.kernel")}
	s.Busy.Hide()
	s.runner = newRunner(l, s.run)
	s.Run.SetText(l.T("kernel.measure"))
	yes := func(f cpuid.FeatureID) string {
		if cpuid.CPU.Supports(f) {
			return l.T("kernel.yes")
		}
		return l.T("kernel.no")
	}
	s.Info.SetText(l.T("kernel.info", cpuid.CPU.BrandName, runtime.NumCPU(), yes(cpuid.AVX2), yes(cpuid.FMA3), yes(cpuid.AVX512F),
		kernel.Implementation(), strings.Join(kernel.Implementations(), ", ")))
	s.Export = newExporter(l, "kernel", window, s.Status, func() (results.Result, results.Figure) {
		res, ok := s.live.last()
		if !ok {
			return nil, nil
		}
		return res, func(tr *i18n.Localizer) *plot.Figure { return report.Kernel(res, tr) }
	})
	return s
}

func (s *KernelScreen) object() fyne.CanvasObject {
	s.busy = s.loc.wrapped(s.Busy)
	s.busy.Hide()
	controls := container.NewVBox(container.NewHBox(s.Run, s.Stop, s.Export.Button), s.Progress, s.Status, s.busy)
	return tab(s.loc, s.loc.wrapped(s.Info), []section{{s.loc.T("tab.guide"), guideText(s.loc, s.Guide)}}, controls, s.View)
}

// adopt shows old's last complete measurement (a language switch replaces
// the tab).
func (s *KernelScreen) adopt(old *KernelScreen) {
	if res, ok := s.live.adopt(&old.live); ok {
		s.View.SetFigure(report.Kernel(res, s.loc.fig))
		s.showBusy(res)
	}
}

// percent is x (a fraction) in whole percent.
func percent(x float64) int { return int(math.Round(100 * x)) }

// showBusy says how busy the machine was during r's measurement: too
// busy (a core shared, or a product beyond its peak), or quiet; nothing
// where the system does not tell a thread's CPU time.
func (s *KernelScreen) showBusy(r *kernelbench.Result) {
	b, busy := r.Busy()
	var lines []string
	if b.Shared > 0 {
		lines = append(lines, s.loc.T("kernel.busy", b.Shared, b.Measured, percent(kernelbench.FullShare), percent(b.LeastShare)))
	}
	if b.OverPeak > 0 {
		lines = append(lines, s.loc.T("kernel.overpeak", 100*b.OverPeak))
	}
	if !busy && b.Measured > 0 {
		lines = append(lines, s.loc.T("kernel.steady", 100*kernelbench.FullShare))
	}
	s.Busy.SetText(strings.Join(lines, "\n"))
	s.Busy.Importance = widget.MediumImportance
	if busy {
		s.Busy.Importance = widget.DangerImportance
	}
	s.setBusyVisible(len(lines) > 0)
}

// setBusyVisible shows or hides the busy message.
func (s *KernelScreen) setBusyVisible(v bool) {
	for _, o := range []fyne.CanvasObject{s.Busy, s.busy} {
		switch {
		case o == nil:
		case v:
			o.Show()
			o.Refresh()
		default:
			o.Hide()
		}
	}
}

func (s *KernelScreen) run() {
	s.setBusyVisible(false)
	run(s.runner, &s.live, func() (kernelbench.Config, error) { return kernelbench.DefaultConfig(), nil },
		kernelbench.NewResult, kernelbench.Measure,
		func(r *kernelbench.Result) { s.View.SetFigure(report.Kernel(r, s.loc.fig)) },
		func(err error) {
			s.Err = err
			if res, ok := s.live.last(); ok && err == nil {
				s.showBusy(res)
			}
		})
}
