package lab

import (
	"fmt"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	"github.com/klauspost/cpuid/v2"

	"zerokara/kernel"
)

// KernelScreen shows what the GEMM kernel detected and measures it live.
type KernelScreen struct {
	Info    *widget.Label
	Bench   *widget.Button
	Results *widget.Label
}

func newKernelScreen() *KernelScreen {
	s := &KernelScreen{Info: widget.NewLabel(""), Results: widget.NewLabel("")}
	yes := func(f cpuid.FeatureID) string {
		if cpuid.CPU.Supports(f) {
			return "yes"
		}
		return "no"
	}
	s.Info.SetText(fmt.Sprintf("CPU: %s (%d cores available to Go)\nAVX2: %s   FMA3: %s   AVX-512F: %s\nActive GEMM path: %s of %s (ZEROKARA_PUREGO=1 forces pure Go)",
		cpuid.CPU.BrandName, runtime.NumCPU(), yes(cpuid.AVX2), yes(cpuid.FMA3), yes(cpuid.AVX512F), kernel.Implementation(), strings.Join(kernel.Implementations(), ", ")))
	s.Bench = widget.NewButton("Measure GFLOP/s (every path)", s.measure)
	s.Results.TextStyle = fyne.TextStyle{Monospace: true}
	return s
}

func (s *KernelScreen) object() fyne.CanvasObject {
	return container.NewVBox(s.Info, s.Bench, s.Results)
}

// measure times square Sgemm and Dgemm on every implementation (SIMD and
// pure Go side by side), one worker and all, about 0.2 s each, updating
// the table as it goes.
func (s *KernelScreen) measure() {
	s.Bench.Disable()
	go func() {
		rows := []string{fmt.Sprintf("%-8s %-7s %-9s %12s %12s", "path", "n", "workers", "Sgemm GFLOP/s", "Dgemm GFLOP/s")}
		for _, name := range kernel.Implementations() {
			k, err := kernel.Lookup(name)
			if err != nil {
				continue
			}
			for _, n := range []int{128, 256, 512} {
				for _, w := range []kernel.Workers{kernel.Serial, kernel.Auto} {
					kw := k.WithWorkers(w)
					row := fmt.Sprintf("%-8s %-7d %-9s %12.1f %12.1f", name, n, workersLabel(w), rate(n, kw.Sgemm), rate(n, kw.Dgemm))
					rows = append(rows, row)
					text := strings.Join(rows, "\n")
					fyne.Do(func() { s.Results.SetText(text) })
				}
			}
		}
		fyne.Do(s.Bench.Enable)
	}()
}

func workersLabel(w kernel.Workers) string {
	if w == kernel.Serial {
		return "1"
	}
	return "all"
}

// rate runs an n×n×n product for about 0.2 s and returns GFLOP/s.
func rate[T kernel.Float](n int, gemm func(kernel.Transpose, kernel.Transpose, int, int, int, T, []T, int, []T, int, T, []T, int)) float64 {
	a, b, c := make([]T, n*n), make([]T, n*n), make([]T, n*n)
	for i := range a {
		a[i], b[i] = T(i%7)/7, T(i%5)/5
	}
	start, reps := time.Now(), 0
	for time.Since(start) < 200*time.Millisecond {
		gemm(kernel.NoTrans, kernel.NoTrans, n, n, n, 1, a, n, b, n, 0, c, n)
		reps++
	}
	return 2 * float64(n*n*n) * float64(reps) / time.Since(start).Seconds() / 1e9
}
