package kernel

import (
	"encoding/binary"
	"math"
	"testing"
)

// fuzzFloats decodes data into floats bit by bit (4 or 8 bytes each), so
// the fuzzer reaches every NaN payload, subnormal and signed zero; it
// repeats data when that is too short and gives zeros for empty data.
func fuzzFloats[T Float](data []byte, n int) []T {
	out := make([]T, n)
	var zero T
	size := 8
	if _, ok := any(zero).(float32); ok {
		size = 4
	}
	if len(data) < size {
		return out
	}
	for i := range out {
		off := (i * size) % (len(data) - size + 1)
		if size == 4 {
			out[i] = T(math.Float32frombits(binary.LittleEndian.Uint32(data[off:])))
		} else {
			out[i] = T(math.Float64frombits(binary.LittleEndian.Uint64(data[off:])))
		}
	}
	return out
}

// fuzzVecOps checks the routines of ops chosen by rows against the scalar
// loops on every implementation, operands decoded from data.
func fuzzVecOps[T Float](t *testing.T, rows bool, c vecCase[T], data []byte) {
	vals := fuzzFloats[T](data, 64)
	i := 0
	fill := func() T { i++; return vals[i%len(vals)] }
	for _, k := range kernels(t) {
		for _, op := range vecOps[T]() {
			if op.rows == rows {
				checkVecOp(t, VecOf[T](k), op, c, fill)
			}
		}
	}
}

// FuzzVectorElementwise checks Axpy, ReLU and ReLUMask, float32 and
// float64, on fuzzer-chosen lengths, scalars and bit patterns, on every
// implementation against the scalar loops.
func FuzzVectorElementwise(f *testing.F) {
	f.Add(uint8(17), uint64(0x3f000000), []byte{0, 0, 0xc0, 0x7f, 0, 0, 0, 0x80, 1, 0, 0, 0})
	f.Add(uint8(70), uint64(0x7ff8000000000001), []byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0x80, 0xff})
	f.Add(uint8(3), uint64(0), []byte{})
	f.Fuzz(func(t *testing.T, n uint8, alpha uint64, data []byte) {
		fuzzVecOps(t, false, vecCase[float32]{n: int(n), alpha: math.Float32frombits(uint32(alpha))}, data)
		fuzzVecOps(t, false, vecCase[float64]{n: int(n), alpha: math.Float64frombits(alpha)}, data)
	})
}

// FuzzVectorRows checks ColSums, AddRow, ColDots and the BatchNorm
// routines, float32 and float64, on
// fuzzer-chosen shapes, leading dimensions and bit patterns, on every
// implementation against the scalar loops.
func FuzzVectorRows(f *testing.F) {
	f.Add(uint8(3), uint8(17), uint8(0), []byte{0, 0, 0xc0, 0x7f, 0, 0, 0x80, 0x7f})
	f.Add(uint8(1), uint8(100), uint8(5), []byte{1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add(uint8(0), uint8(9), uint8(1), []byte{})
	f.Fuzz(func(t *testing.T, m, n, pad uint8, data []byte) {
		c := vecCase[float32]{m: int(m % 12), n: int(n % 150), ld: max(1, int(n%150)+int(pad%9)), alpha: float32(m % 12)}
		fuzzVecOps(t, true, c, data)
		fuzzVecOps(t, true, vecCase[float64]{m: c.m, n: c.n, ld: c.ld, alpha: float64(c.alpha)}, data)
	})
}
