package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	"github.com/mmcloughlin/avo/gotypes"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// vecElem is an elem with the instructions of the vector kernels. With
// AVX-512 (maskedLoad set) a kernel finishes a partial last vector through
// an opmask; the AVX2 kernels process whole vectors only and leave the last
// len%vecLanes elements (or columns) to their Go wrapper.
type vecElem struct {
	elem
	add, sub, mul func(ops ...Op)
	cmp           func(ops ...Op)
	and           func(ops ...Op) // AVX2: VANDPS/VANDPD
	cmpEq         func(ops ...Op) // AVX2: VPCMPEQD/VPCMPEQQ, integer lanes
	testm         func(ops ...Op) // AVX-512: VPTESTMD/VPTESTMQ
}

var (
	v32  = vecElem{f32, VADDPS, VSUBPS, VMULPS, VCMPPS, VANDPS, VPCMPEQD, nil}
	v64  = vecElem{f64, VADDPD, VSUBPD, VMULPD, VCMPPD, VANDPD, VPCMPEQQ, nil}
	v32z = vecElem{f32z, VADDPS, VSUBPS, VMULPS, VCMPPS, nil, nil, VPTESTMD}
	v64z = vecElem{f64z, VADDPD, VSUBPD, VMULPD, VCMPPD, nil, nil, VPTESTMQ}
)

// vecUnroll is how many vectors one iteration of a vector kernel's main
// loop handles.
const vecUnroll = 4

// cmpNLEUQ is the VCMPPS/VCMPPD predicate "not less than or equal,
// unordered is true": x > 0 or x is NaN, when comparing x with 0.
const cmpNLEUQ = 0x16

// vectorKernels emits the vector kernels of both element types for the
// AVX2 and the AVX-512 forms.
func vectorKernels() {
	for _, v := range []struct {
		e      vecElem
		prefix string
		isa    string
	}{{v32, "s", "AVX2"}, {v64, "d", "AVX2"}, {v32z, "s", "AVX512"}, {v64z, "d", "AVX512"}} {
		axpyKernel(v.prefix+"axpy"+v.isa, v.e)
		reluKernel(v.prefix+"relu"+v.isa, v.e)
		reluMaskKernel(v.prefix+"reluMask"+v.isa, v.e)
		colSumsKernel(v.prefix+"colSums"+v.isa, v.e)
		addRowKernel(v.prefix+"addRow"+v.isa, v.e)
		batchNormKernels(v.prefix, v.isa, v.e)
	}
}

// masked reports whether v finishes partial vectors through opmasks.
func (v vecElem) masked() bool { return v.maskedLoad != nil }

// load emits dst = *m, through the zeroing opmask tail unless it is nil.
func (v vecElem) load(m Mem, tail reg.OpmaskVirtual, dst reg.VecVirtual) {
	if tail != nil {
		v.maskedLoad(m, tail, dst)
		return
	}
	VMOVUPS(m, dst)
}

// store emits *m = src, only in the lanes of tail unless it is nil.
func (v vecElem) store(src reg.VecVirtual, tail reg.OpmaskVirtual, m Mem) {
	if tail != nil {
		v.move(src, tail, m)
		return
	}
	VMOVUPS(src, m)
}

// columns emits the walk of a kernel over n elements (or columns): blocks
// of vecUnroll vectors, then single vectors, then with AVX-512 the last
// n%vecLanes elements as one partial vector whose lanes are the opmask
// tail. body emits one block of vecs vectors at the pointers ptrs (tail is
// nil for whole vectors; tag makes its labels unique); columns advances
// ptrs after each block. n is clobbered.
func columns(name string, v vecElem, n reg.GPVirtual, ptrs []reg.GPVirtual, body func(tag string, vecs int, tail reg.OpmaskVirtual)) {
	columnsBy(name, v, n, ptrs, vecUnroll, body)
}

// columnsBy is columns with blocks of unroll (> 1) vectors.
func columnsBy(name string, v vecElem, n reg.GPVirtual, ptrs []reg.GPVirtual, unroll int, body func(tag string, vecs int, tail reg.OpmaskVirtual)) {
	lanes := v.vecLanes
	width := lanes * v.size
	count := GP64()
	loop := func(tag string, vecs int) {
		Label(name + "_" + tag)
		body(tag, vecs, nil)
		for _, p := range ptrs {
			ADDQ(U32(uint32(vecs*width)), p)
		}
		DECQ(count)
		JNZ(LabelRef(name + "_" + tag))
	}
	MOVQ(n, count)
	SHRQ(U8(uint8(log2(lanes*unroll))), count)
	JZ(LabelRef(name + "_singles"))
	loop("blocks", unroll)
	Label(name + "_singles")
	MOVQ(n, count)
	ANDQ(U32(uint32(lanes*unroll-1)), count)
	SHRQ(U8(uint8(log2(lanes))), count)
	JZ(LabelRef(name + "_tail"))
	loop("single", 1)
	Label(name + "_tail")
	if v.masked() {
		ANDQ(U32(uint32(lanes-1)), n)
		JZ(LabelRef(name + "_done"))
		// tail = the low n bits: (1 << n) - 1, shifting by CL.
		MOVQ(n, reg.RCX)
		bits := GP32()
		MOVL(U32(1), bits)
		SHLL(reg.CL, bits)
		DECL(bits)
		tail := K()
		KMOVW(bits, tail)
		body("partial", 1, tail)
	}
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// elementwise is columns for kernels that treat each vector on its own:
// each emits one vector at byte offset disp from the pointers.
func elementwise(name string, v vecElem, n reg.GPVirtual, ptrs []reg.GPVirtual, one func(disp int, tail reg.OpmaskVirtual)) {
	columns(name, v, n, ptrs, func(_ string, vecs int, tail reg.OpmaskVirtual) {
		for i := 0; i < vecs; i++ {
			one(i*v.vecLanes*v.size, tail)
		}
	})
}

// gp loads an argument into a new general-purpose register.
func gp(arg gotypes.Component) reg.GPVirtual {
	r := GP64()
	Load(arg, r)
	return r
}

// twoSlices loads the bases of the slice arguments out and in, and the
// length of out: the operands of an elementwise kernel.
func twoSlices(out, in string) (po, pi, n reg.GPVirtual) {
	return gp(Param(out).Base()), gp(Param(in).Base()), gp(Param(out).Len())
}

// vecTEXT declares a vector kernel and its documentation line.
func vecTEXT(name string, v vecElem, sig, what string) {
	TEXT(name, NOSPLIT, fmt.Sprintf(sig, v.goType))
	Doc(fmt.Sprintf("%s computes %s with %s; see the Go stub.", name, what, v.isa))
}

// axpyKernel emits y[i] += alpha*x[i] for i < len(y), the product rounded
// before the sum (VMULPS then VADDPS, no FMA), so that every path rounds as
// the scalar Go loop does.
func axpyKernel(name string, v vecElem) {
	vecTEXT(name, v, "func(alpha %[1]s, x, y []%[1]s)", "y += alpha*x")
	alpha := v.vec()
	arg, err := Param("alpha").Resolve()
	if err != nil {
		panic(err)
	}
	v.broadcast(arg.Addr, alpha)
	py, px, n := twoSlices("y", "x")
	elementwise(name, v, n, []reg.GPVirtual{px, py}, func(disp int, tail reg.OpmaskVirtual) {
		x, y := v.vec(), v.vec()
		v.load(Mem{Base: px, Disp: disp}, tail, x)
		v.load(Mem{Base: py, Disp: disp}, tail, y)
		v.mul(alpha, x, x)
		v.add(x, y, y)
		v.store(y, tail, Mem{Base: py, Disp: disp})
	})
}

// reluKernel emits y[i] = x[i] where x[i] > 0 or x[i] is NaN, and +0
// elsewhere, for i < len(y): a compare (NaN compares as unordered, kept)
// and a bitwise select, never a max, whose NaN rule depends on operand order.
func reluKernel(name string, v vecElem) {
	vecTEXT(name, v, "func(y, x []%[1]s)", "y = relu(x), NaN kept")
	zero := v.vec()
	v.zero(zero, zero, zero)
	py, px, n := twoSlices("y", "x")
	elementwise(name, v, n, []reg.GPVirtual{py, px}, func(disp int, tail reg.OpmaskVirtual) {
		x, out := v.vec(), v.vec()
		v.load(Mem{Base: px, Disp: disp}, tail, x)
		if v.masked() {
			keep := K()
			v.cmp(U8(cmpNLEUQ), zero, x, keep)
			v.maskedLoad(x, keep, out)
		} else {
			keep := v.vec()
			v.cmp(U8(cmpNLEUQ), zero, x, keep)
			v.and(x, keep, out)
		}
		v.store(out, tail, Mem{Base: py, Disp: disp})
	})
}

// reluMaskKernel emits d[i] = +0 where y[i] is +0 (all bits zero), d[i]
// unchanged elsewhere, for i < len(d): integer lane tests, so any NaN or −0
// in y keeps its gradient.
func reluMaskKernel(name string, v vecElem) {
	vecTEXT(name, v, "func(d, y []%[1]s)", "the ReLU mask of d by y")
	pd, py, n := twoSlices("d", "y")
	var zero reg.VecVirtual
	if !v.masked() {
		zero = v.vec()
		v.zero(zero, zero, zero)
	}
	elementwise(name, v, n, []reg.GPVirtual{pd, py}, func(disp int, tail reg.OpmaskVirtual) {
		y, out := v.vec(), v.vec()
		v.load(Mem{Base: py, Disp: disp}, tail, y)
		if v.masked() {
			keep := K()
			// Lanes past a partial vector loaded as zero: not kept.
			v.testm(y, y, keep)
			v.maskedLoad(Mem{Base: pd, Disp: disp}, keep, out)
		} else {
			isZero := v.vec()
			v.cmpEq(zero, y, isZero)
			VPANDN(Mem{Base: pd, Disp: disp}, isZero, out)
		}
		v.store(out, tail, Mem{Base: pd, Disp: disp})
	})
}

// colSumsKernel emits dst[j] = Σ_{i<m} a[i*lda+j] for j < len(dst), adding
// rows in order to sums that start at +0, as the scalar loop does; column
// blocks of up to vecUnroll vectors stay in registers across the rows.
func colSumsKernel(name string, v vecElem) {
	vecTEXT(name, v, "func(dst, a []%[1]s, lda, m int)", "the column sums of a")
	pa, lda, m, pd, n := matrixArgs(v, "a", "lda", "dst")
	width := v.vecLanes * v.size
	columns(name, v, n, []reg.GPVirtual{pd, pa}, func(tag string, vecs int, tail reg.OpmaskVirtual) {
		acc := make([]reg.VecVirtual, vecs)
		for i := range acc {
			acc[i] = v.vec()
			v.zero(acc[i], acc[i], acc[i])
		}
		overRows(name+"_"+tag, pa, lda, m, func(p reg.GPVirtual) {
			for i := range acc {
				row := Mem{Base: p, Disp: i * width}
				if tail != nil {
					x := v.vec()
					v.load(row, tail, x)
					v.add(x, acc[i], acc[i])
				} else {
					v.add(row, acc[i], acc[i])
				}
			}
		})
		for i := range acc {
			v.store(acc[i], tail, Mem{Base: pd, Disp: i * width})
		}
	})
}

// addRowKernel emits c[i*ldc+j] += x[j] for i < m and j < len(x): a block
// of x stays in registers while it is added to every row.
func addRowKernel(name string, v vecElem) {
	vecTEXT(name, v, "func(c []%[1]s, ldc, m int, x []%[1]s)", "c[i,:] += x for every row i")
	pc, ldc, m, px, n := matrixArgs(v, "c", "ldc", "x")
	width := v.vecLanes * v.size
	columns(name, v, n, []reg.GPVirtual{pc, px}, func(tag string, vecs int, tail reg.OpmaskVirtual) {
		xs := make([]reg.VecVirtual, vecs)
		for i := range xs {
			xs[i] = v.vec()
			v.load(Mem{Base: px, Disp: i * width}, tail, xs[i])
		}
		overRows(name+"_"+tag, pc, ldc, m, func(p reg.GPVirtual) {
			for i := range xs {
				row := Mem{Base: p, Disp: i * width}
				c := v.vec()
				v.load(row, tail, c)
				v.add(xs[i], c, c)
				v.store(c, tail, row)
			}
		})
	})
}

// matrixArgs loads the arguments of a kernel over the m rows of a matrix
// and a row vector: the matrix's base, its leading dimension in bytes, m,
// and the vector's base and length (the number of columns).
func matrixArgs(v vecElem, mat, ld, vec string) (pm, ldBytes, m, pv, n reg.GPVirtual) {
	pm, ldBytes, m = gp(Param(mat).Base()), gp(Param(ld)), gp(Param("m"))
	SHLQ(U8(uint8(log2(v.size))), ldBytes)
	return pm, ldBytes, m, gp(Param(vec).Base()), gp(Param(vec).Len())
}

// overRows emits body once per row i < m of a matrix whose first row is at
// base and whose rows are ld bytes apart, with p pointing at row i.
func overRows(label string, base, ld, m reg.GPVirtual, body func(p reg.GPVirtual)) {
	p, rows := GP64(), GP64()
	MOVQ(base, p)
	MOVQ(m, rows)
	TESTQ(rows, rows)
	JZ(LabelRef(label + "_end"))
	Label(label + "_rows")
	body(p)
	ADDQ(ld, p)
	DECQ(rows)
	JNZ(LabelRef(label + "_rows"))
	Label(label + "_end")
}
