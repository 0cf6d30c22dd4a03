// Command bench compares zerokara's kernel with OpenBLAS (through cgo) and
// gonum on the README's shapes and prints a Markdown table of GFLOP/s
// (median of several timed runs). It lives in its own module so cgo and
// OpenBLAS stay out of zerokara's build.
//
//	apt-get install libopenblas-dev
//	cd kernel/_bench && go run . [-reps 7] [-mintime 200ms] [-impl avx2fma] [-shapes REGEXP] [-types float32]
//
// OpenBLAS picks its kernels from the CPU unless OPENBLAS_CORETYPE says
// otherwise; the table header names the core it used.
package main

/*
#cgo LDFLAGS: -lopenblas
#include <cblas.h>
void openblas_set_num_threads(int num_threads);
char* openblas_get_corename(void);
*/
import "C"

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"time"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"

	"zerokara/kernel"
)

// impl is the zerokara implementation being timed (-impl).
var impl kernel.Kernel

type shape struct {
	name    string
	tA, tB  kernel.Transpose
	m, n, k int
}

func (s shape) String() string {
	t := func(x kernel.Transpose) string {
		if x == kernel.Trans {
			return "ᵀ"
		}
		return ""
	}
	label := fmt.Sprintf("%d×%d×%d", s.m, s.n, s.k)
	if s.name != "" {
		label += " " + s.name
	}
	if s.tA == kernel.Trans || s.tB == kernel.Trans {
		label += fmt.Sprintf(" (A%s·B%s)", t(s.tA), t(s.tB))
	}
	return label
}

var shapes = []shape{
	{"", kernel.NoTrans, kernel.NoTrans, 64, 64, 64},
	{"", kernel.NoTrans, kernel.NoTrans, 128, 128, 128},
	{"", kernel.NoTrans, kernel.NoTrans, 256, 256, 256},
	{"", kernel.NoTrans, kernel.NoTrans, 512, 512, 512},
	{"", kernel.NoTrans, kernel.NoTrans, 1024, 1024, 1024},
	{"", kernel.NoTrans, kernel.NoTrans, 2048, 2048, 2048},
	{"x·W", kernel.NoTrans, kernel.NoTrans, 100, 100, 784},
	{"x·W", kernel.NoTrans, kernel.NoTrans, 128, 100, 784},
	{"x·W", kernel.NoTrans, kernel.NoTrans, 100, 100, 100},
	{"x·W", kernel.NoTrans, kernel.NoTrans, 128, 100, 100},
	{"x·W", kernel.NoTrans, kernel.NoTrans, 100, 10, 100},
	{"x·W", kernel.NoTrans, kernel.NoTrans, 1000, 100, 784},
	{"xᵀ·dY", kernel.Trans, kernel.NoTrans, 784, 100, 100},
	{"dY·Wᵀ", kernel.NoTrans, kernel.Trans, 100, 784, 100},
}

func main() {
	reps := flag.Int("reps", 7, "timed runs per measurement; the median is printed")
	minTime := flag.Duration("mintime", 200*time.Millisecond, "minimum duration of one timed run")
	gonumMax := flag.Int("gonum-max", 1024, "largest square size also timed with gonum (it is slow)")
	implName := flag.String("impl", kernel.Implementation(), "zerokara implementation to time (one of kernel.Implementations())")
	shapeRE := flag.String("shapes", "", "time only the shapes whose label (e.g. \"100×10×100 x·W\") matches this regular expression")
	types := flag.String("types", "float32,float64", "element types to time, comma-separated")
	flag.Parse()
	only, err := regexp.Compile(*shapeRE)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if impl, err = kernel.Lookup(*implName); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}

	workers := runtime.GOMAXPROCS(0)
	core := C.GoString(C.openblas_get_corename())
	if strings.EqualFold(core, "prescott") {
		// OpenBLAS falls back to its generic SSE3 kernels on CPUs it does
		// not know (0.3.21 on Intel family 6 model 207, for one): the
		// comparison would flatter zerokara by 3–4×.
		fmt.Fprintln(os.Stderr, "warning: OpenBLAS runs its generic Prescott (SSE3) kernels here; "+
			"give it its best with OPENBLAS_CORETYPE=Cooperlake, SkylakeX or Haswell (whichever the CPU supports)")
	}
	fmt.Printf("zerokara kernel %s, OpenBLAS core %s, gonum; GOMAXPROCS=%d; GFLOP/s, median of %d alternating runs of ≥ %v\n\n",
		impl.Name(), core, workers, *reps, *minTime)
	for _, elem := range []string{"float32", "float64"} {
		if !slices.Contains(strings.Split(*types, ","), elem) {
			continue
		}
		fmt.Printf("%s\n\n", elem)
		fmt.Printf("| shape m×n×k | zerokara 1 worker | OpenBLAS 1 thread | ratio | zerokara %d workers | OpenBLAS %d threads | ratio | gonum |\n", workers, workers)
		fmt.Println("|---|---:|---:|---:|---:|---:|---:|---:|")
		for _, s := range shapes {
			if !only.MatchString(s.String()) {
				continue
			}
			var r [5]float64
			if elem == "float32" {
				r = measure[float32](s, workers, *reps, *minTime, *gonumMax)
			} else {
				r = measure[float64](s, workers, *reps, *minTime, *gonumMax)
			}
			g := "–"
			if r[4] > 0 {
				g = fmt.Sprintf("%.1f", r[4])
			}
			fmt.Printf("| %v | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %s |\n",
				s, r[0], r[1], r[0]/r[1], r[2], r[3], r[2]/r[3], g)
		}
		fmt.Println()
	}
}

// measure returns GFLOP/s for zerokara serial, OpenBLAS 1 thread, zerokara
// on all workers, OpenBLAS on as many threads, and gonum (0 if skipped).
func measure[T kernel.Float](s shape, workers, reps int, minTime time.Duration, gonumMax int) [5]float64 {
	a := make([]T, s.m*s.k)
	b := make([]T, s.k*s.n)
	c := make([]T, s.m*s.n)
	for i := range a {
		a[i] = T(i%13) / 13
	}
	for i := range b {
		b[i] = T(i%7) / 7
	}
	lda, ldb := s.k, s.n
	if s.tA == kernel.Trans {
		lda = s.m
	}
	if s.tB == kernel.Trans {
		ldb = s.k
	}
	flops := 2 * float64(s.m) * float64(s.n) * float64(s.k)
	zk := func(w kernel.Workers) func() {
		k := impl.WithWorkers(w)
		if a, ok := any(a).([]float32); ok {
			b, c := any(b).([]float32), any(c).([]float32)
			return func() { k.Sgemm(s.tA, s.tB, s.m, s.n, s.k, 1, a, lda, b, ldb, 0, c, s.n) }
		}
		a, b, c := any(a).([]float64), any(b).([]float64), any(c).([]float64)
		return func() { k.Dgemm(s.tA, s.tB, s.m, s.n, s.k, 1, a, lda, b, ldb, 0, c, s.n) }
	}
	ob := func(threads int) func() {
		return func() {
			C.openblas_set_num_threads(C.int(threads))
			openblasGemm(s, a, lda, b, ldb, c)
		}
	}
	fs := []func(){zk(kernel.Serial), ob(1), zk(kernel.Workers(workers)), ob(workers)}
	if s.m*s.n*s.k <= gonumMax*gonumMax*gonumMax {
		fs = append(fs, func() { gonumGemm(s, a, lda, b, ldb, c) })
	}
	var out [5]float64
	copy(out[:], rates(fs, flops, reps, minTime))
	return out
}

// rates times each f in reps runs of at least minTime and returns the median
// GFLOP/s of each. The runs alternate between the fs (one run of each per
// round), so that a slow spell of this shared machine hits all of them alike
// instead of whichever happened to run then.
func rates(fs []func(), flops float64, reps int, minTime time.Duration) []float64 {
	all := make([][]float64, len(fs))
	for _, f := range fs {
		f() // warm up caches and buffer pools
	}
	for r := 0; r < reps; r++ {
		for i, f := range fs {
			n := 0
			start := time.Now()
			for time.Since(start) < minTime {
				f()
				n++
			}
			all[i] = append(all[i], flops*float64(n)/time.Since(start).Seconds()/1e9)
		}
	}
	medians := make([]float64, len(fs))
	for i, r := range all {
		slices.Sort(r)
		medians[i] = r[len(r)/2]
	}
	return medians
}

func cblasTrans(t kernel.Transpose) C.enum_CBLAS_TRANSPOSE {
	if t == kernel.Trans {
		return C.CblasTrans
	}
	return C.CblasNoTrans
}

func openblasGemm[T kernel.Float](s shape, a []T, lda int, b []T, ldb int, c []T) {
	switch a := any(a).(type) {
	case []float32:
		b, c := any(b).([]float32), any(c).([]float32)
		C.cblas_sgemm(C.CblasRowMajor, cblasTrans(s.tA), cblasTrans(s.tB), C.blasint(s.m), C.blasint(s.n), C.blasint(s.k),
			1, (*C.float)(&a[0]), C.blasint(lda), (*C.float)(&b[0]), C.blasint(ldb), 0, (*C.float)(&c[0]), C.blasint(s.n))
	case []float64:
		b, c := any(b).([]float64), any(c).([]float64)
		C.cblas_dgemm(C.CblasRowMajor, cblasTrans(s.tA), cblasTrans(s.tB), C.blasint(s.m), C.blasint(s.n), C.blasint(s.k),
			1, (*C.double)(&a[0]), C.blasint(lda), (*C.double)(&b[0]), C.blasint(ldb), 0, (*C.double)(&c[0]), C.blasint(s.n))
	}
}

func gonumGemm[T kernel.Float](s shape, a []T, lda int, b []T, ldb int, c []T) {
	bt := func(t kernel.Transpose) blas.Transpose {
		if t == kernel.Trans {
			return blas.Trans
		}
		return blas.NoTrans
	}
	switch a := any(a).(type) {
	case []float32:
		gonum.Implementation{}.Sgemm(bt(s.tA), bt(s.tB), s.m, s.n, s.k, 1, a, lda, any(b).([]float32), ldb, 0, any(c).([]float32), s.n)
	case []float64:
		gonum.Implementation{}.Dgemm(bt(s.tA), bt(s.tB), s.m, s.n, s.k, 1, a, lda, any(b).([]float64), ldb, 0, any(c).([]float64), s.n)
	}
}
