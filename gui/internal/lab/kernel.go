package lab

import (
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
// GFLOP/s against size beside its FMA peak, measured in the background.
type KernelScreen struct {
	*runner
	Info   *widget.Label
	View   *plot.View
	Export *exporter
	Err    error
	// Guide is the guide's text.
	Guide string
	loc   *loc

	live live[*kernelbench.Result, kernelbench.Event]
}

func newKernelScreen(l *loc, window func() fyne.Window) *KernelScreen {
	s := &KernelScreen{Info: widget.NewLabel(""), View: plot.NewView(), loc: l, Guide: l.T("guide.kernel")}
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
	s.Info.Wrapping = s.loc.wrap()
	controls := container.NewVBox(container.NewHBox(s.Run, s.Stop, s.Export.Button, s.Status), s.Progress)
	guide, toggles := sections(section{s.loc.T("tab.guide"), guideText(s.loc, s.Guide)})
	s.loc.guides = append(s.loc.guides, toggles[0])
	return container.NewBorder(container.NewVBox(s.Info, guide, controls), nil, nil, nil, s.View)
}

// adopt shows old's last complete measurement (a language switch replaces
// the tab).
func (s *KernelScreen) adopt(old *KernelScreen) {
	if res, ok := s.live.adopt(&old.live); ok {
		s.View.SetFigure(report.Kernel(res, s.loc.fig))
	}
}

func (s *KernelScreen) run() {
	run(s.runner, &s.live, func() (kernelbench.Config, error) { return kernelbench.DefaultConfig(), nil },
		kernelbench.NewResult, kernelbench.Measure,
		func(r *kernelbench.Result) { s.View.SetFigure(report.Kernel(r, s.loc.fig)) },
		func(err error) { s.Err = err })
}
