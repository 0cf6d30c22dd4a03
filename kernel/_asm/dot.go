package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// dotKernels emits the AVX-512 tail kernels of a product whose A is read in
// place by rows: rows ∈ {4, 8} and dotGroups groups of columns. (Three
// groups, 8×12 and 4×12 float32, measured slower than the narrow edge
// kernel on 100×10×100: 0.79×; a 12-row kernel measured no faster than
// 8 + 4 rows.) With overwrite, the forms that store C = alpha·A·B.
func dotKernels(overwrite bool) {
	for _, e := range []elem{f32z, f64z} {
		prefix := "sgemm"
		if e.size == 8 {
			prefix = "dgemm"
		}
		var perm Mem
		if overwrite {
			perm = NewDataAddr(Symbol{Name: prefix + "DotPerm", Static: true}, 0) // emitted with the accumulating forms
		} else {
			perm = dotPermTable(prefix, e)
		}
		for _, rows := range []int{4, 8} {
			for groups := 1; groups <= dotGroups(e); groups++ {
				name := tileName(fmt.Sprintf("%sDot%dx%dAVX512", prefix, rows, groups*e.vecLanes/4), overwrite)
				dotKernel(name, e, rows, groups, perm, overwrite)
			}
		}
	}
}

// dotGroups is how many column groups the dot kernels of e take: two for
// float32 (up to 8 columns); one for float64 (2 columns), as its two-group
// kernels (the 4-column tail of 100×100×100) measured no faster than the
// narrow edge kernel (0.92–1.02× in three sessions).
func dotGroups(e elem) int {
	if e.size == 8 {
		return 1
	}
	return 2
}

// dotKernel emits C[0:rows, 0:w] += alpha·A·B for the last w columns of a
// product, w = groups·vecLanes/4, with four steps of k in each vector lane
// group: lane 4j+q of a group's accumulator sums A(i, p)·B(p, j) over
// p ≡ q (mod 4), so one 128-bit (float32) or 256-bit (float64) broadcast of
// A(i, p…p+3) feeds every column of the group, and each multiply-add uses
// all lanes however few the columns. A row i is a[i*lda+p] (in place); B
// comes packed as b[(p/4)·4w + 4j + p%4], zero beyond k. The four partial
// sums of an element are added as (q0 + q2) + (q1 + q3) for float32 and
// (q0 + q1) + (q2 + q3) for float64, then C = fma(alpha, sum, C) in the
// columns of mask (C = fma(alpha, sum, 0) with overwrite: C is not read).
func dotKernel(name string, e elem, rows, groups int, perm Mem, overwrite bool) {
	TEXT(name, NOSPLIT, fmt.Sprintf("func(k int, alpha %[1]s, a []%[1]s, lda int, b []%[1]s, c []%[1]s, ldc int, mask uint64)", e.goType))
	Doc(fmt.Sprintf("%s computes masked columns of the %dx%d tail tile C += alpha*A*B with %s; see the Go stub.", name, rows, groups*e.vecLanes/4, e.isa))
	shift := uint64(log2(e.size))
	k := Load(Param("k"), GP64())
	pa := Load(Param("a").Base(), GP64())
	pb := Load(Param("b").Base(), GP64())
	lda := Load(Param("lda"), GP64())
	SHLQ(Imm(shift), lda)
	r := newRowAddr(pa, lda, rows)

	acc, bv, av := tileRegisters(e, rows, groups)
	block := 4 * e.size // bytes of A per step of four k
	loadB := func() {
		for g := range bv {
			VMOVUPS(Mem{Base: pb, Disp: g * e.vecLanes * e.size}, bv[g])
		}
	}

	n := GP64()
	MOVQ(k, n)
	SHRQ(Imm(2), n)
	JZ(LabelRef(name + "_tail"))
	Label(name + "_loop")
	loadB()
	for i := 0; i < rows; i++ {
		if e.size == 4 {
			VBROADCASTF32X4(r.at(i, 0), av)
		} else {
			VBROADCASTF64X4(r.at(i, 0), av)
		}
		for g := range bv {
			e.fma231(bv[g], av, acc[i][g])
		}
	}
	r.advance(Imm(uint64(block)))
	ADDQ(U32(uint32(groups*e.vecLanes*e.size)), pb)
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))

	// The last k%4 steps: step q goes into lanes 4j+q only (merge-masked
	// multiply-adds), so A is read element by element, never past row end.
	Label(name + "_tail")
	ANDQ(Imm(3), k)
	JZ(LabelRef(name + "_store"))
	loadB()
	lanes := GP32()
	laneMask := K()
	for q := 0; q < 3; q++ {
		if q > 0 {
			CMPQ(k, Imm(uint64(q)))
			JE(LabelRef(name + "_store"))
		}
		bits := uint32(0)
		for l := q; l < e.vecLanes; l += 4 {
			bits |= 1 << l
		}
		MOVL(U32(bits), lanes)
		KMOVW(lanes, laneMask)
		for i := 0; i < rows; i++ {
			e.broadcast(r.at(i, q*e.size), av)
			for g := range bv {
				e.fma231(bv[g], av, laneMask, acc[i][g])
			}
		}
	}

	Label(name + "_store")
	dotStore(e, acc, groups, perm, overwrite)
	VZEROUPPER()
	RET()
}

// dotStore adds alpha times the sums of dotKernel's accumulators to C,
// four rows at a time: the partial sums are reduced within their lane
// groups into one vector per group, each row's elements are permuted to
// the low lanes (perm) and added to C through the column mask (or, with
// overwrite, stored there).
func dotStore(e elem, acc [][]reg.VecVirtual, groups int, perm Mem, overwrite bool) {
	cols := e.vecLanes / 4 // columns per group
	alpha, ldc := storeSetup(e)
	pc := Load(Param("c").Base(), GP64())
	zero := zeroIf(e, overwrite)
	bits := GP64()
	Load(Param("mask"), bits)
	masks := make([]reg.OpmaskVirtual, groups)
	t := GP64()
	for g := range masks {
		masks[g] = K()
		MOVQ(bits, t)
		ANDQ(Imm(uint64(1<<cols-1)), t)
		KMOVW(t.As32(), masks[g])
		SHRQ(U8(cols), bits)
	}
	for r0 := 0; r0 < len(acc); r0 += 4 {
		sums := make([]reg.VecVirtual, groups)
		for g := range sums {
			sums[g] = reduce4(e, acc[r0][g], acc[r0+1][g], acc[r0+2][g], acc[r0+3][g])
		}
		for i := 0; i < 4; i++ {
			idx := e.vec()
			VMOVUPS(perm.Offset(i*64), idx)
			for g := range sums {
				row := e.vec()
				m := Mem{Base: pc, Disp: g * cols * e.size}
				if e.size == 4 {
					VPERMPS(sums[g], idx, row)
				} else {
					VPERMPD(sums[g], idx, row)
				}
				if overwrite {
					e.fma213(zero, alpha, row) // alpha·row + 0, as on a cleared C
					e.move(row, masks[g], m)
					continue
				}
				old := e.vec()
				e.maskedLoad(m, masks[g], old)
				e.fma231(alpha, row, old)
				e.move(old, masks[g], m)
			}
			if r0+i < len(acc)-1 {
				ADDQ(ldc, pc)
			}
		}
	}
}

// reduce4 sums the four lanes of each lane group of the accumulators of
// rows a, b, c, d (one column group). float32: lane 4j+r of the result is
// row r's sum for column j; float64: lanes 4(r/2)+2j+r%2.
func reduce4(e elem, a, b, c, d reg.VecVirtual) reg.VecVirtual {
	pair := func(x, y reg.VecVirtual) reg.VecVirtual {
		lo, hi := e.vec(), e.vec()
		if e.size == 4 {
			VUNPCKLPS(y, x, lo)
			VUNPCKHPS(y, x, hi)
			VADDPS(hi, lo, lo)
		} else {
			VUNPCKLPD(y, x, lo)
			VUNPCKHPD(y, x, hi)
			VADDPD(hi, lo, lo)
		}
		return lo
	}
	ab, cd := pair(a, b), pair(c, d)
	lo, hi := e.vec(), e.vec()
	if e.size == 4 {
		// ab = (a0+a2, b0+b2, a1+a3, b1+b3) per 128-bit lane, cd alike.
		VUNPCKLPD(cd, ab, lo)
		VUNPCKHPD(cd, ab, hi)
		VADDPS(hi, lo, lo)
	} else {
		// ab: 128-bit lane L holds (a, b) pairs summed over q = 2L%4, 2L%4+1
		// of column L/2; add lanes 0+1 and 2+3.
		VSHUFF64X2(U8(0x88), cd, ab, lo)
		VSHUFF64X2(U8(0xDD), cd, ab, hi)
		VADDPD(hi, lo, lo)
	}
	return lo
}

// dotPermTable emits the index vectors that move row r's sums of reduce4's
// result to the low lanes, 64 bytes per row.
func dotPermTable(prefix string, e elem) Mem {
	m := GLOBL(prefix+"DotPerm", RODATA|NOPTR)
	for r := 0; r < 4; r++ {
		for l := 0; l < e.vecLanes; l++ {
			off := r*64 + l*e.size
			if e.size == 4 {
				DATA(off, U32(uint32(4*(l%4)+r)))
			} else {
				DATA(off, U64(uint64(4*(r/2)+2*(l%2)+r%2)))
			}
		}
	}
	return m
}

// dotPackKernels emits the packers of B's last columns for the dot
// kernels, one per element type and number of groups.
func dotPackKernels() {
	for _, e := range []elem{f32z, f64z} {
		prefix := "s"
		if e.size == 8 {
			prefix = "d"
		}
		for groups := 1; groups <= dotGroups(e); groups++ {
			dotPack(fmt.Sprintf("%spackDot%dAVX512", prefix, groups*e.vecLanes/4), e, groups)
		}
	}
}

// dotPack emits dst[(p/4)·4w + 4j + p%4] = b[p*ldb+j] for p < kb and the
// columns j < w = groups·vecLanes/4 whose bit is set in mask, zero for the
// other columns and for p from kb up to a multiple of 4. Per four rows and
// group, each row's few columns are loaded through an opmask into lanes
// 4q… (float32) or 2q… (float64) — the address is moved back by as many
// lanes, and masked-out lanes are never accessed — and one permute
// transposes them into the group's layout.
func dotPack(name string, e elem, groups int) {
	cols := e.vecLanes / 4 // columns per group
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst []%[1]s, b []%[1]s, ldb int, kb int, mask uint64)", e.goType))
	Doc(fmt.Sprintf("%s packs the last %d columns of B for the dot kernels with %s; see the Go stub.", name, groups*cols, e.isa))
	pd := Load(Param("dst").Base(), GP64())
	pb := Load(Param("b").Base(), GP64())
	ldb := Load(Param("ldb"), GP64())
	SHLQ(Imm(uint64(log2(e.size))), ldb)
	kb := Load(Param("kb"), GP64())
	colMask := Load(Param("mask"), GP64())
	r := newRowAddr(pb, ldb, 4)
	ld4 := GP64()
	LEAQ(Mem{Base: ldb, Index: ldb, Scale: 2}, ld4)
	ADDQ(ldb, ld4)
	idx := e.vec()
	perm := GLOBL(name+"Perm", RODATA|NOPTR)
	for l := 0; l < e.vecLanes; l++ { // out lane 4j+q ← in lane cols·q+j
		j, q := l/4, l%4
		if e.size == 4 {
			DATA(4*l, U32(uint32(cols*q+j)))
		} else {
			DATA(8*l, U64(uint64(cols*q+j)))
		}
	}
	VMOVUPS(perm, idx)
	bits, t := GP64(), GP64()
	k := K()
	z, out := e.vec(), e.vec()
	// block emits one block of four rows, the first rows of them present.
	block := func(rows reg.Register, tag string) {
		for g := 0; g < groups; g++ {
			e.zero(z, z, z)
			MOVQ(colMask, bits)
			if g > 0 {
				SHRQ(U8(cols*g), bits)
			}
			ANDQ(Imm(uint64(1<<cols-1)), bits)
			for q := 0; q < 4; q++ {
				if rows != nil && q > 0 {
					CMPQ(rows, Imm(uint64(q)))
					JLE(LabelRef(fmt.Sprintf("%s_%s%d", name, tag, g)))
				}
				MOVQ(bits, t)
				if q > 0 {
					SHLQ(U8(cols*q), t)
				}
				KMOVW(t.As32(), k)
				e.move(r.at(q, (cols*g-cols*q)*e.size), k, z)
			}
			if rows != nil {
				Label(fmt.Sprintf("%s_%s%d", name, tag, g))
			}
			if e.size == 4 {
				VPERMPS(z, idx, out)
			} else {
				VPERMPD(z, idx, out)
			}
			VMOVUPS(out, Mem{Base: pd, Disp: g * 64})
		}
		r.advance(ld4)
		ADDQ(U32(uint32(groups*64)), pd)
	}
	n := GP64()
	MOVQ(kb, n)
	SHRQ(Imm(2), n)
	JZ(LabelRef(name + "_tail"))
	Label(name + "_loop")
	block(nil, "full")
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_tail")
	ANDQ(Imm(3), kb)
	JZ(LabelRef(name + "_done"))
	block(kb, "rest")
	Label(name + "_done")
	VZEROUPPER()
	RET()
}
