package kernel

import "math"

// pureGoVec32 and pureGoVec64 are the pure-Go vector routines: the
// reference of every other path, and the tails of the AVX2 kernels.
var (
	pureGoVec32 = vecKernels[float32]{axpy: axpyGo[float32], relu: reluGo[float32], reluMask: reluMaskGo[float32],
		colSums: colSumsGo[float32], addRow: addRowGo[float32]}
	pureGoVec64 = vecKernels[float64]{axpy: axpyGo[float64], relu: reluGo[float64], reluMask: reluMaskGo[float64],
		colSums: colSumsGo[float64], addRow: addRowGo[float64]}
)

// axpyGo is vecKernels.axpy. The conversion T(alpha*v) rounds the product
// before the sum: the Go spec then forbids fusing the two, which the
// compiler does on arm64 (and on amd64 from GOAMD64=v3).
func axpyGo[T Float](alpha T, x, y []T) {
	x = x[:len(y)]
	for i, v := range x {
		y[i] += T(alpha * v)
	}
}

// reluGo is vecKernels.relu.
func reluGo[T Float](y, x []T) {
	switch y := any(y).(type) {
	case []float32:
		relu32(y, any(x).([]float32))
	case []float64:
		relu64(y, any(x).([]float64))
	}
}

// relu32 computes ReLU on the bits, without branches: a set sign bit
// clears the value unless it is a NaN. (The builtin max, with its NaN
// rules, cost 10 % of a training run.)
func relu32(y, x []float32) {
	x = x[:len(y)]
	for i, v := range x {
		b := math.Float32bits(v)
		keep := ^uint32(int32(b)>>31) | uint32(int32(0x7f800000-(b&0x7fffffff))>>31)
		y[i] = math.Float32frombits(b & keep)
	}
}

// relu64 is relu32 for float64.
func relu64(y, x []float64) {
	x = x[:len(y)]
	for i, v := range x {
		b := math.Float64bits(v)
		keep := ^uint64(int64(b)>>63) | uint64(int64(0x7ff0000000000000-(b&0x7fffffffffffffff))>>63)
		y[i] = math.Float64frombits(b & keep)
	}
}

// reluMaskGo is vecKernels.reluMask.
func reluMaskGo[T Float](d, y []T) {
	switch d := any(d).(type) {
	case []float32:
		reluMask32(d, any(y).([]float32))
	case []float64:
		reluMask64(d, any(y).([]float64))
	}
}

// reluMask32 zeroes d[i] where y[i] == +0 without branches (a
// data-dependent branch mispredicts on half the elements).
func reluMask32(d, y []float32) {
	y = y[:len(d)]
	for i, v := range y {
		b := math.Float32bits(v)
		keep := -((b | -b) >> 31) // all ones unless b == 0
		d[i] = math.Float32frombits(math.Float32bits(d[i]) & keep)
	}
}

// reluMask64 is reluMask32 for float64.
func reluMask64(d, y []float64) {
	y = y[:len(d)]
	for i, v := range y {
		b := math.Float64bits(v)
		keep := -((b | -b) >> 63)
		d[i] = math.Float64frombits(math.Float64bits(d[i]) & keep)
	}
}

// colSumsGo is vecKernels.colSums.
func colSumsGo[T Float](dst, a []T, lda, m int) {
	clear(dst)
	for i := range m {
		row := a[i*lda:][:len(dst)]
		for j, v := range row {
			dst[j] += v
		}
	}
}

// addRowGo is vecKernels.addRow.
func addRowGo[T Float](c []T, ldc, m int, x []T) {
	for i := range m {
		row := c[i*ldc:][:len(x)]
		for j, v := range x {
			row[j] += v
		}
	}
}
