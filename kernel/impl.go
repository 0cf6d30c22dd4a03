package kernel

import (
	"fmt"
	"strings"
)

// Kernel is one implementation of the GEMM on a chosen number of workers,
// for comparing paths side by side (the lab's kernel tab, benchmarks). A
// Kernel never changes what the package-level functions do.
//
// The zero Kernel is the active implementation (see Implementation) on Auto
// workers: its methods compute exactly what Sgemm and Dgemm do.
type Kernel struct {
	path    *implementation // nil: the active implementation
	workers Workers
	// splitAll, set only by tests, gives every product as many bands as
	// it has workers, however little work each band gets.
	splitAll bool
}

// Implementations lists the implementations usable on this CPU, fastest
// first; "purego" is always last.
func Implementations() []string {
	names := make([]string, len(implementations))
	for i, impl := range implementations {
		names[i] = impl.name
	}
	return names
}

// Lookup returns the named implementation (see Implementations) on Auto
// workers, or an error if this CPU or build does not have it.
func Lookup(name string) (Kernel, error) {
	for _, impl := range implementations {
		if impl.name == name {
			return Kernel{path: impl}, nil
		}
	}
	return Kernel{}, fmt.Errorf("kernel: implementation %q not available here (have %s)", name, strings.Join(Implementations(), ", "))
}

// WithWorkers returns k running on w workers.
func (k Kernel) WithWorkers(w Workers) Kernel {
	k.workers = w
	return k
}

// Name returns the implementation's name.
func (k Kernel) Name() string { return k.impl().name }

// bandFlops returns the least work worth a band of its own for k.
func (k Kernel) bandFlops() int {
	if k.splitAll {
		return 0
	}
	if f := k.impl().bandFlops; f > 0 {
		return f
	}
	return minBandFlops
}

// impl returns k's implementation: the active one for the zero Kernel.
func (k Kernel) impl() *implementation {
	if k.path == nil {
		return active
	}
	return k.path
}

// Sgemm is the package-level Sgemm on k's implementation and workers.
func (k Kernel) Sgemm(tA, tB Transpose, m, n, kk int, alpha float32, a []float32, lda int, b []float32, ldb int, beta float32, c []float32, ldc int) {
	gemm(k, tA, tB, m, n, kk, alpha, a, lda, b, ldb, beta, c, ldc)
}

// Dgemm is the package-level Dgemm on k's implementation and workers.
func (k Kernel) Dgemm(tA, tB Transpose, m, n, kk int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	gemm(k, tA, tB, m, n, kk, alpha, a, lda, b, ldb, beta, c, ldc)
}
