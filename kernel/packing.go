package kernel

import "unsafe"

// choosePacking decides which operands are copied into panels, by the
// measurements of BenchmarkSgemm/BenchmarkDgemm (see the README): packing
// costs a pass over the operand per cache block, reading in place costs
// strided loads on every reuse. In place wins on the small and skinny
// products of the networks; packing wins when
//   - B is transposed: its rows are not contiguous along N, so a micro-kernel
//     cannot load them as vectors;
//   - B is reused by many row tiles (m > packBMinRows);
//   - rows are a multiple of 4 KiB apart: the lines a micro-kernel reads then
//     all fall into the same L1 sets and evict each other (n = 1024, 2048).
func choosePacking[T Float](m int, tA, tB Transpose, lda, ldb int) (packA, packB bool) {
	const alias = 4096
	size := int(unsafe.Sizeof(T(0)))
	packA = lda*size%alias == 0
	packB = tB == Trans || m > packBMinRows || ldb*size%alias == 0
	return packA, packB
}

// packBMinRows is the number of rows of C from which packing B pays.
const packBMinRows = 192
