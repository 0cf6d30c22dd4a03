package main

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// rowsSpec describes a kernel over the m rows of n-column matrices that
// share the leading dimension ld (the Go arguments ld and m), with
// per-column vectors: cols are read, sums are set to column sums that start
// at +0, and length names the slice whose length is n.
type rowsSpec struct {
	name, sig, what string
	mats            []string // matrix arguments, in the order of rowArgs.mat
	cols, sums      []string // per-column vectors read, and set to sums
	scalars         []string // scalar arguments, broadcast
	length          string
	// row emits one vector of one row.
	row func(r rowArgs)
}

// rowArgs is what rowsSpec.row works with: the vector at column offset
// disp (bytes) of row off of each matrix, the column vectors, sums and
// scalars at that offset, and the tail opmask (nil for whole vectors).
type rowArgs struct {
	v               vecElem
	mats            []reg.GPVirtual
	off             reg.GPVirtual
	disp            int
	tail            reg.OpmaskVirtual
	cols, sums, scl []reg.VecVirtual
}

// mem is the operand of matrix i at the current row and column.
func (r rowArgs) mem(i int) Mem {
	return Mem{Base: r.mats[i], Index: r.off, Scale: 1, Disp: r.disp}
}

// load returns matrix i's vector at the current row and column.
func (r rowArgs) load(i int) reg.VecVirtual {
	x := r.v.vec()
	r.v.load(r.mem(i), r.tail, x)
	return x
}

// store writes x to matrix i at the current row and column.
func (r rowArgs) store(x reg.VecVirtual, i int) { r.v.store(x, r.tail, r.mem(i)) }

// rowsKernel emits the kernel that spec describes: column blocks of two
// vectors (AVX2: sixteen registers) or four (AVX-512), each block's column
// vectors and sums in registers while the rows go by in order.
func rowsKernel(spec rowsSpec, v vecElem) {
	vecTEXT(spec.name, v, spec.sig, spec.what)
	ld := gp(Param("ld"))
	SHLQ(U8(uint8(log2(v.size))), ld)
	m := gp(Param("m"))
	n := gp(Param(spec.length).Len())
	var ptrs []reg.GPVirtual
	for _, name := range spec.mats {
		ptrs = append(ptrs, gp(Param(name).Base()))
	}
	colPtrs := map[string]reg.GPVirtual{}
	for _, name := range append(append([]string(nil), spec.cols...), spec.sums...) {
		colPtrs[name] = gp(Param(name).Base())
		ptrs = append(ptrs, colPtrs[name])
	}
	var scl []reg.VecVirtual
	for _, name := range spec.scalars {
		x := v.vec()
		arg, err := Param(name).Resolve()
		if err != nil {
			panic(err)
		}
		v.broadcast(arg.Addr, x)
		scl = append(scl, x)
	}
	unroll := vecUnroll
	if !v.masked() {
		unroll = 2
	}
	width := v.vecLanes * v.size
	columnsBy(spec.name, v, n, ptrs, unroll, func(tag string, vecs int, tail reg.OpmaskVirtual) {
		args := make([]rowArgs, vecs)
		for i := range args {
			args[i] = rowArgs{v: v, mats: ptrs[:len(spec.mats)], disp: i * width, tail: tail, scl: scl}
			for _, name := range spec.cols {
				x := v.vec()
				v.load(Mem{Base: colPtrs[name], Disp: i * width}, tail, x)
				args[i].cols = append(args[i].cols, x)
			}
			for range spec.sums {
				x := v.vec()
				v.zero(x, x, x)
				args[i].sums = append(args[i].sums, x)
			}
		}
		off, rows := GP64(), GP64()
		XORQ(off, off)
		MOVQ(m, rows)
		TESTQ(rows, rows)
		label := spec.name + "_" + tag
		JZ(LabelRef(label + "_end"))
		Label(label + "_rows")
		for i := range args {
			args[i].off = off
			spec.row(args[i])
		}
		ADDQ(ld, off)
		DECQ(rows)
		JNZ(LabelRef(label + "_rows"))
		Label(label + "_end")
		for i := range args {
			for s, name := range spec.sums {
				v.store(args[i].sums[s], tail, Mem{Base: colPtrs[name], Disp: i * width})
			}
		}
	})
}

// batchNormKernels emits ColDots and the three BatchNorm kernels for one
// element type and ISA; each rounds every product and sum on its own (no
// fused multiply-add), in the order of the scalar loop of its Go stub.
func batchNormKernels(prefix, isa string, v vecElem) {
	rowsKernel(rowsSpec{name: prefix + "colDots" + isa, what: "the column dot products of a and b",
		sig: "func(dots, a, b []%[1]s, ld, m int)", mats: []string{"a", "b"}, sums: []string{"dots"}, length: "dots",
		row: func(r rowArgs) {
			x, y := r.load(0), r.load(1)
			r.v.mul(y, x, x)
			r.v.add(x, r.sums[0], r.sums[0])
		}}, v)
	rowsKernel(rowsSpec{name: prefix + "bnCenter" + isa, what: "xc = x - mu and ss = column sums of xc²",
		sig: "func(xc, x []%[1]s, ld, m int, mu, ss []%[1]s)", mats: []string{"xc", "x"}, cols: []string{"mu"},
		sums: []string{"ss"}, length: "mu",
		row: func(r rowArgs) {
			c := r.load(1)
			r.v.sub(r.cols[0], c, c)
			r.store(c, 0)
			sq := r.v.vec()
			r.v.mul(c, c, sq)
			r.v.add(sq, r.sums[0], r.sums[0])
		}}, v)
	rowsKernel(rowsSpec{name: prefix + "bnScale" + isa, what: "xc *= s and out = gamma*xc + beta",
		sig: "func(xc, out []%[1]s, ld, m int, s, gamma, beta []%[1]s)", mats: []string{"xc", "out"},
		cols: []string{"s", "gamma", "beta"}, length: "s",
		row: func(r rowArgs) {
			c := r.load(0)
			r.v.mul(r.cols[0], c, c)
			r.store(c, 0)
			o := r.v.vec()
			r.v.mul(c, r.cols[1], o)
			r.v.add(r.cols[2], o, o)
			r.store(o, 1)
		}}, v)
	rowsKernel(rowsSpec{name: prefix + "bnGrad" + isa, what: "dx = s*(fn*dout - p - xn*q)",
		sig: "func(dx, dout, xn []%[1]s, ld, m int, fn %[1]s, s, p, q []%[1]s)", mats: []string{"dx", "dout", "xn"},
		cols: []string{"s", "p", "q"}, scalars: []string{"fn"}, length: "s",
		row: func(r rowArgs) {
			t := r.load(1)
			r.v.mul(r.scl[0], t, t)
			r.v.sub(r.cols[1], t, t)
			u := r.load(2)
			r.v.mul(r.cols[2], u, u)
			r.v.sub(u, t, t)
			r.v.mul(r.cols[0], t, t)
			r.store(t, 0)
		}}, v)
}
