package lab

import (
	"fmt"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/klauspost/cpuid/v2"

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

	live live[*kernelbench.Result, kernelbench.Event]
}

func newKernelScreen(window func() fyne.Window) *KernelScreen {
	s := &KernelScreen{Info: widget.NewLabel(""), View: plot.NewView()}
	s.runner = newRunner(s.run)
	s.Run.SetText("Measure")
	yes := func(f cpuid.FeatureID) string {
		if cpuid.CPU.Supports(f) {
			return "yes"
		}
		return "no"
	}
	s.Info.SetText(fmt.Sprintf("CPU: %s (%d cores available to Go) · AVX2: %s · FMA3: %s · AVX-512F: %s\n"+
		"Active GEMM path: %s of %s (ZEROKARA_PUREGO=1 forces pure Go). Measure times square products on every path, one worker and all, beside each path's one-core FMA peak.",
		cpuid.CPU.BrandName, runtime.NumCPU(), yes(cpuid.AVX2), yes(cpuid.FMA3), yes(cpuid.AVX512F), kernel.Implementation(), strings.Join(kernel.Implementations(), ", ")))
	s.Export = newExporter("kernel", window, s.Status, func() (results.Result, *plot.Figure) {
		res, ok := s.live.last()
		if !ok {
			return nil, nil
		}
		return res, report.Kernel(res)
	})
	return s
}

func (s *KernelScreen) object() fyne.CanvasObject {
	s.Info.Wrapping = fyne.TextWrapWord
	controls := container.NewVBox(container.NewHBox(s.Run, s.Stop, s.Export.Button, s.Status), s.Progress)
	return container.NewBorder(container.NewVBox(s.Info, controls), nil, nil, nil, s.View)
}

func (s *KernelScreen) run() {
	run(s.runner, &s.live, func() (kernelbench.Config, error) { return kernelbench.DefaultConfig(), nil },
		kernelbench.NewResult, kernelbench.Measure,
		func(r *kernelbench.Result) { s.View.SetFigure(report.Kernel(r)) },
		func(err error) { s.Err = err })
}
