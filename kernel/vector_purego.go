package kernel

import "math"

// pureGoVec32 and pureGoVec64 are the pure-Go vector routines: the
// reference of every other path, and the tails of the AVX2 kernels.
var (
	pureGoVec32 = pureGoVec[float32]()
	pureGoVec64 = pureGoVec[float64]()
)

// pureGoVec returns the pure-Go table for element type T.
func pureGoVec[T Float]() vecKernels[T] {
	return vecKernels[T]{axpy: axpyGo[T], relu: reluGo[T], reluMask: reluMaskGo[T], colSums: colSumsGo[T], addRow: addRowGo[T],
		colDots: colDotsGo[T], bnCenter: bnCenterGo[T], bnScale: bnScaleGo[T], bnGrad: bnGradGo[T]}
}

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

// colDotsGo is vecKernels.colDots.
func colDotsGo[T Float](dots, a, b []T, ld, m int) {
	clear(dots)
	for i := range m {
		ra, rb := a[i*ld:][:len(dots)], b[i*ld:][:len(dots)]
		for j, x := range ra {
			dots[j] += T(x * rb[j])
		}
	}
}

// bnCenterGo is vecKernels.bnCenter.
func bnCenterGo[T Float](xc, x []T, ld, m int, mu, ss []T) {
	clear(ss)
	for i := range m {
		rx, rc := x[i*ld:][:len(mu)], xc[i*ld:][:len(mu)]
		for j, v := range rx {
			c := v - mu[j]
			rc[j] = c
			ss[j] += T(c * c)
		}
	}
}

// bnScaleGo is vecKernels.bnScale.
func bnScaleGo[T Float](xc, out []T, ld, m int, s, gamma, beta []T) {
	for i := range m {
		rc, ro := xc[i*ld:][:len(s)], out[i*ld:][:len(s)]
		for j, v := range rc {
			c := v * s[j]
			rc[j] = c
			ro[j] = T(gamma[j]*c) + beta[j]
		}
	}
}

// bnGradGo is vecKernels.bnGrad.
func bnGradGo[T Float](dx, dout, xn []T, ld, m int, fn T, s, p, q []T) {
	for i := range m {
		rd, rx, ro := dout[i*ld:][:len(s)], xn[i*ld:][:len(s)], dx[i*ld:][:len(s)]
		for j, v := range rd {
			ro[j] = s[j] * (T(fn*v) - p[j] - T(rx[j]*q[j]))
		}
	}
}
