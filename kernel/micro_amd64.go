//go:build !purego

package kernel

import "github.com/klauspost/cpuid/v2"

// avx2FMA is the implementation built on the AVX2+FMA micro-kernels of
// micro_amd64.s. Block sizes were chosen by BenchmarkBlockSizes on the
// project's 2-core benchmark VM, an AMD EPYC of cpuid family 26 (Zen 5;
// 48 KiB L1d, 1 MiB L2 per core) as the README records it; other CPUs may
// prefer other sizes.
var avx2FMA = &implementation{
	name: "avx2fma",
	s: kernelSpec[float32]{mr: 6, nr: 16, kc: 256, mc: 168, nc: 4080, nc2: 256, narrow: 8,
		tileKernels: tileKernels[float32]{micro: sgemmKernel6x16AVX2, microNarrow: sgemmKernel6x8AVX2},
		overwrite:   &tileKernels[float32]{micro: sgemmKernel6x16Beta0AVX2, microNarrow: sgemmKernel6x8Beta0AVX2}},
	d: kernelSpec[float64]{mr: 6, nr: 8, kc: 256, mc: 72, nc: 4080, nc2: 128, narrow: 4,
		tileKernels: tileKernels[float64]{micro: dgemmKernel6x8AVX2, microNarrow: dgemmKernel6x4AVX2},
		overwrite:   &tileKernels[float64]{micro: dgemmKernel6x8Beta0AVX2, microNarrow: dgemmKernel6x4Beta0AVX2}},
	vs: avx2Vec32,
	vd: avx2Vec64,
}

// archImplementations lists the assembly paths this CPU (and OS) supports,
// fastest first.
func archImplementations() []*implementation {
	var impls []*implementation
	if cpuSupportsAVX512() {
		impls = append(impls, avx512)
	}
	if cpuSupportsAVX2FMA() {
		impls = append(impls, avx2FMA)
	}
	return impls
}

// cpuSupportsAVX2FMA reports whether the CPU and OS support AVX2 and FMA.
func cpuSupportsAVX2FMA() bool { return cpuid.CPU.Supports(cpuid.AVX2, cpuid.FMA3) }

// sgemmKernel6x16AVX2 computes, for i < 6 and j < 16,
//
//	c[i*ldc+j] += alpha * Σ_{p<k} a[i*rsA+p*csA] * b[p*rsB+j]
//
// Each accumulator sums its k products in order p = 0, 1, … with fused
// multiply-adds; the result is then added to C as fma(alpha, acc, c).
// The caller guarantees that every index of a, b and c the formula reaches
// is in range (strides are non-negative); the assembly reads and writes
// nothing else.
//
//go:noescape
func sgemmKernel6x16AVX2(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int)

// sgemmKernel6x8AVX2 is sgemmKernel6x16AVX2 for a 6×8 tile (j < 8).
//
//go:noescape
func sgemmKernel6x8AVX2(k int, alpha float32, a []float32, rsA, csA int, b []float32, rsB int, c []float32, ldc int)

// dgemmKernel6x8AVX2 is the float64 counterpart of sgemmKernel6x16AVX2, a
// 6×8 tile: c[i*ldc+j] += alpha * Σ_{p<k} a[i*rsA+p*csA] * b[p*rsB+j] for
// i < 6, j < 8, under the same guarantees.
//
//go:noescape
func dgemmKernel6x8AVX2(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int)

// dgemmKernel6x4AVX2 is dgemmKernel6x8AVX2 for a 6×4 tile (j < 4).
//
//go:noescape
func dgemmKernel6x4AVX2(k int, alpha float64, a []float64, rsA, csA int, b []float64, rsB int, c []float64, ldc int)

// peakFMA32AVX2 runs n iterations of 12 independent 256-bit float32 FMAs
// (192 flops per iteration) and touches no memory.
//
//go:noescape
func peakFMA32AVX2(n int)

// peakFMA64AVX2 runs n iterations of 12 independent 256-bit float64 FMAs
// (96 flops per iteration) and touches no memory.
//
//go:noescape
func peakFMA64AVX2(n int)
