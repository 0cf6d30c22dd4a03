// Command asm generates zerokara's GEMM micro-kernels, vector kernels
// (vector.go) and FMA peak loops with avo. Run it through
// `go generate ./kernel` from the repository root; it lives in its own
// module so avo never enters zerokara's go.mod.
package main

import (
	"fmt"
	"strings"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// elem describes one floating-point type at one vector width.
type elem struct {
	goType     string
	size       int // bytes per element
	broadcast  func(ops ...Op)
	fma231     func(ops ...Op) // acc += x*y
	fma213     func(ops ...Op) // acc = acc*x + y
	vecLanes   int             // elements per vector register
	isa        string          // for documentation
	vec        func() reg.VecVirtual
	zero       func(ops ...Op) // zero = x ^ x
	maskedLoad func(mxyz, k, xyz Op)
	move       func(ops ...Op) // VMOVUPS/VMOVUPD: masks count lanes of this size
	fma231bcst func(ops ...Op) // acc += x*broadcast(mem) (AVX-512 embedded broadcast)
}

var (
	f32 = elem{"float32", 4, VBROADCASTSS, VFMADD231PS, VFMADD213PS, 8, "AVX2 and FMA", YMM, VXORPS, nil, VMOVUPS, nil}
	f64 = elem{"float64", 8, VBROADCASTSD, VFMADD231PD, VFMADD213PD, 4, "AVX2 and FMA", YMM, VXORPS, nil, VMOVUPS, nil}
	// The AVX-512F forms: 512-bit registers, and VPXORD to clear them
	// (VXORPS on ZMM needs AVX512DQ).
	f32z = elem{"float32", 4, VBROADCASTSS, VFMADD231PS, VFMADD213PS, 16, "AVX-512F", ZMM, VPXORD, VMOVUPS_Z, VMOVUPS, VFMADD231PS_BCST}
	f64z = elem{"float64", 8, VBROADCASTSD, VFMADD231PD, VFMADD213PD, 8, "AVX-512F", ZMM, VPXORD, VMOVUPD_Z, VMOVUPD, VFMADD231PD_BCST}
)

func main() {
	ConstraintExpr("!purego")
	// Each tile kernel comes in two forms: C += alpha·A·B, and the
	// overwrite form C = alpha·A·B ("Beta0"), for the first block of k of a
	// product with beta = 0, which neither clears nor reads C.
	for _, over := range []bool{false, true} {
		microKernel(tileName("sgemmKernel6x16AVX2", over), f32, 6, 2, over)
		microKernel(tileName("sgemmKernel6x8AVX2", over), f32, 6, 1, over)
		microKernel(tileName("dgemmKernel6x8AVX2", over), f64, 6, 2, over)
		microKernel(tileName("dgemmKernel6x4AVX2", over), f64, 6, 1, over)
		microKernel(tileName("sgemmKernel12x32AVX512", over), f32z, 12, 2, over)
		microKernel(tileName("sgemmKernel12x16AVX512", over), f32z, 12, 1, over)
		microKernel(tileName("dgemmKernel12x16AVX512", over), f64z, 12, 2, over)
		microKernel(tileName("dgemmKernel12x8AVX512", over), f64z, 12, 1, over)
		microRow(tileName("sgemmRow12x32AVX512", over), f32z, 12, 2, over)
		microRow(tileName("dgemmRow12x16AVX512", over), f64z, 12, 2, over)
		edgeColumn(tileName("sgemmEdgeColumn12x16AVX512", over), f32z, 12, 1, over)
		edgeColumn(tileName("dgemmEdgeColumn12x8AVX512", over), f64z, 12, 1, over)
		// Edge tiles of 12 rows, and shorter ones, so that the last 1…8
		// rows of C do not cost a whole 12-row tile.
		for _, rows := range []int{12, 4, 8} {
			edgeKernel(tileName(fmt.Sprintf("sgemmEdge%dx32AVX512", rows), over), f32z, rows, 2, over)
			edgeKernel(tileName(fmt.Sprintf("sgemmEdge%dx16AVX512", rows), over), f32z, rows, 1, over)
			edgeKernel(tileName(fmt.Sprintf("dgemmEdge%dx16AVX512", rows), over), f64z, rows, 2, over)
			edgeKernel(tileName(fmt.Sprintf("dgemmEdge%dx8AVX512", rows), over), f64z, rows, 1, over)
		}
		dotKernels(over)
	}
	dotPackKernels()
	transposePack("packBT32AVX512", f32z, 32)
	transposePack("packBT16AVX512", f64z, 16)
	transposePack("spackA12AVX512", f32z, 12)
	transposePack("dpackA12AVX512", f64z, 12)
	peakLoop("peakFMA32AVX2", VFMADD231PS, f32)
	peakLoop("peakFMA64AVX2", VFMADD231PD, f64)
	peakLoop("peakFMA32AVX512", VFMADD231PS, f32z)
	peakLoop("peakFMA64AVX512", VFMADD231PD, f64z)
	vectorKernels()
	Generate()
}

// unroll is how many k steps one loop iteration of a micro-kernel performs.
const unroll = 4

// microKernel emits C[0:mr, 0:nr] += alpha * A * B for an mr×k block A
// with element (i, p) at a[i*rsA + p*csA] and a k×nr block B with row p at
// b[p*rsB : p*rsB+nr], nr = vecs*lanes. Strides let the same kernel read
// packed panels (rsA = 1, csA = mr, rsB = nr) or, with no packing, A in
// either orientation and B in place. C rows are ldc elements apart. With
// overwrite it stores C = alpha·A·B instead, never reading C.
func microKernel(name string, e elem, mr, vecs int, overwrite bool) {
	nr := vecs * e.vecLanes
	TEXT(name, NOSPLIT, fmt.Sprintf("func(k int, alpha %[1]s, a []%[1]s, rsA, csA int, b []%[1]s, rsB int, c []%[1]s, ldc int)", e.goType))
	Doc(fmt.Sprintf("%s computes the %dx%d tile C += alpha*A*B with %s; see the Go stub.", name, mr, nr, e.isa))
	if !overwrite {
		prefetchC(e, Load(Param("c").Base(), GP64()), mr, nr)
	}
	acc := accumulate(name, e, mr, vecs, nil, nil, nil)
	storeTile(e, acc, Load(Param("c").Base(), GP64()), overwrite)
	VZEROUPPER()
	RET()
}

// microRow emits microKernel for tiles ≥ 1 tiles side by side along a row
// of C: tile t reads B from b[t*bNext:] (bNext = nr in place, nr·k for
// packed panels) and writes C from c[t*nr:], all with the same rows of A.
// One call for a row of full tiles saves the driver's per-tile call
// (measured on Zen 4 at about 3 % of a 64³ product).
func microRow(name string, e elem, mr, vecs int, overwrite bool) {
	nr := vecs * e.vecLanes
	TEXT(name, NOSPLIT, fmt.Sprintf("func(k int, alpha %[1]s, a []%[1]s, rsA, csA int, b []%[1]s, rsB int, c []%[1]s, ldc int, tiles, bNext int)", e.goType))
	Doc(fmt.Sprintf("%s computes a row of %dx%d tiles C += alpha*A*B with %s; see the Go stub.", name, mr, nr, e.isa))
	pbTile := Load(Param("b").Base(), GP64())
	pcTile := Load(Param("c").Base(), GP64())
	tiles := Load(Param("tiles"), GP64())
	Label(name + "_tile")
	if !overwrite {
		pf := GP64()
		MOVQ(pcTile, pf)
		prefetchC(e, pf, mr, nr)
	}
	pb := GP64()
	MOVQ(pbTile, pb)
	acc := accumulate(name, e, mr, vecs, nil, pb, nil)
	pc := GP64()
	MOVQ(pcTile, pc)
	storeTile(e, acc, pc, overwrite)
	next := Load(Param("bNext"), GP64())
	SHLQ(Imm(uint64(log2(e.size))), next)
	ADDQ(next, pbTile)
	ADDQ(Imm(uint64(nr*e.size)), pcTile)
	DECQ(tiles)
	JNZ(LabelRef(name + "_tile"))
	VZEROUPPER()
	RET()
}

// storeTile writes the accumulators of a full mr×nr tile to C at pc (rows
// ldc apart): C = fma(alpha, acc, C), or with overwrite fma(alpha, acc, 0)
// without reading C. It advances pc.
func storeTile(e elem, acc [][]reg.VecVirtual, pc reg.Register, overwrite bool) {
	alpha, ldc := storeSetup(e)
	zero := zeroIf(e, overwrite)
	for i := range acc {
		for v := range acc[i] {
			m := Mem{Base: pc, Disp: v * e.vecLanes * e.size}
			if overwrite {
				e.fma213(zero, alpha, acc[i][v])
			} else {
				e.fma213(m, alpha, acc[i][v])
			}
			VMOVUPS(acc[i][v], m)
		}
		if i < len(acc)-1 {
			ADDQ(ldc, pc)
		}
	}
}

// prefetchC asks for the lines of the mr×nr tile of C before the k loop,
// so that they arrive while the tile is computed instead of stalling the
// stores at the end (C is typically in L3 or memory for large products).
// Only full tiles do this: every prefetched line belongs to C.
// The overwrite forms do not call it: they do not read C, and the 12·3
// prefetches cost more than the stores' misses they save (measured on
// Zen 4, alternating: 64³ and 100×100×100 1.2–1.5 % faster without them,
// 1024³ unchanged). It advances p.
func prefetchC(e elem, p reg.Register, mr, nr int) {
	ldc := Load(Param("ldc"), GP64())
	SHLQ(Imm(uint64(log2(e.size))), ldc)
	width := nr * e.size
	// The first and last byte of a row and every 64 bytes between: each
	// line the row touches, however C is aligned.
	var offsets []int
	for off := 0; off < width-1; off += 64 {
		offsets = append(offsets, off)
	}
	offsets = append(offsets, width-1)
	for i := 0; i < mr; i++ {
		for _, off := range offsets {
			PREFETCHT0(Mem{Base: p, Disp: off})
		}
		if i < mr-1 {
			ADDQ(ldc, p)
		}
	}
}

// edgeKernel emits the AVX-512 form of microKernel for a partial tile: the
// same arithmetic, but only the first rows rows of C are touched, and in
// each row of C and of B only the columns whose bit is set in mask (bit j
// for column j), through opmask loads and stores that never access
// masked-out memory. With overwrite it stores C = alpha·A·B instead,
// never reading C.
func edgeKernel(name string, e elem, mr, vecs int, overwrite bool) {
	nr := vecs * e.vecLanes
	TEXT(name, NOSPLIT, fmt.Sprintf("func(k int, alpha %[1]s, a []%[1]s, rsA, csA int, b []%[1]s, rsB int, c []%[1]s, ldc int, rows int, mask uint64)", e.goType))
	Doc(fmt.Sprintf("%s computes rows and masked columns of the %dx%d tile C += alpha*A*B with %s; see the Go stub.", name, mr, nr, e.isa))
	masks := columnMasks(e, vecs)
	acc := accumulate(name, e, mr, vecs, masks, nil, nil)
	alpha, ldc := storeSetup(e)
	pc := Load(Param("c").Base(), GP64())
	zero := zeroIf(e, overwrite)
	rows := Load(Param("rows"), GP64())
	for i := 0; i < mr; i++ {
		if i > 0 {
			CMPQ(rows, U32(i))
			JLE(LabelRef(name + "_done"))
		}
		storeMaskedRow(e, acc[i], pc, masks, alpha, zero)
		if i < mr-1 {
			ADDQ(ldc, pc)
		}
	}
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// edgeColumn emits edgeKernel for tiles ≥ 1 full-height (mr-row) tiles
// stacked down a column of C: tile t reads A from a[t*aNext:] and writes C
// from c[t*mr*ldc:], all with the same columns of B (mask). One call for
// the last, partial column of a block saves the driver's per-tile call.
func edgeColumn(name string, e elem, mr, vecs int, overwrite bool) {
	nr := vecs * e.vecLanes
	TEXT(name, NOSPLIT, fmt.Sprintf("func(k int, alpha %[1]s, a []%[1]s, rsA, csA int, b []%[1]s, rsB int, c []%[1]s, ldc int, mask uint64, tiles, aNext int)", e.goType))
	Doc(fmt.Sprintf("%s computes masked columns of a column of %dx%d tiles C += alpha*A*B with %s; see the Go stub.", name, mr, nr, e.isa))
	masks := columnMasks(e, vecs)
	paTile := Load(Param("a").Base(), GP64())
	pcTile := Load(Param("c").Base(), GP64())
	tiles := Load(Param("tiles"), GP64())
	Label(name + "_tile")
	pa := GP64()
	MOVQ(paTile, pa)
	acc := accumulate(name, e, mr, vecs, masks, nil, pa)
	alpha, ldc := storeSetup(e)
	zero := zeroIf(e, overwrite)
	pc := GP64()
	MOVQ(pcTile, pc)
	for i := 0; i < mr; i++ {
		storeMaskedRow(e, acc[i], pc, masks, alpha, zero)
		ADDQ(ldc, pc)
	}
	MOVQ(pc, pcTile) // mr rows further down
	next := Load(Param("aNext"), GP64())
	SHLQ(Imm(uint64(log2(e.size))), next)
	ADDQ(next, paTile)
	DECQ(tiles)
	JNZ(LabelRef(name + "_tile"))
	VZEROUPPER()
	RET()
}

// storeMaskedRow stores one row of accumulators to C at pc through the
// column masks: C = fma(alpha, acc, C), or fma(alpha, acc, 0) without
// reading C when zero (the overwrite form's addend) is not nil.
func storeMaskedRow(e elem, acc []reg.VecVirtual, pc reg.Register, masks []reg.OpmaskVirtual, alpha, zero reg.VecVirtual) {
	for v := range acc {
		m := Mem{Base: pc, Disp: v * e.vecLanes * e.size}
		old := zero
		if zero == nil {
			old = e.vec()
			e.maskedLoad(m, masks[v], old)
		}
		e.fma213(old, alpha, acc[v])
		e.move(acc[v], masks[v], m)
	}
}

// columnMasks loads the mask argument into one opmask per vector of a
// row: bits v·lanes … of mask for vector v.
func columnMasks(e elem, vecs int) []reg.OpmaskVirtual {
	bits := GP64()
	Load(Param("mask"), bits)
	masks := make([]reg.OpmaskVirtual, vecs)
	for v := range masks {
		masks[v] = K()
		KMOVW(bits.As32(), masks[v])
		SHRQ(U8(e.vecLanes), bits)
	}
	return masks
}

// accumulate emits the k loop of a micro-kernel and returns the registers
// holding the mr×nr sums of A·B. With bMasks, rows of B are loaded through
// those opmasks (zeroing, and never touching masked-out memory), so B can be
// read in place at the right edge of the matrix.
// pb and pa, if not nil, hold B's and A's address instead of the b and a
// arguments', and advance with the loop.
func accumulate(name string, e elem, mr, vecs int, bMasks []reg.OpmaskVirtual, pb, pa reg.Register) [][]reg.VecVirtual {
	shift := uint64(log2(e.size))
	k := Load(Param("k"), GP64())
	if pa == nil {
		pa = Load(Param("a").Base(), GP64())
	}
	if pb == nil {
		pb = Load(Param("b").Base(), GP64())
	}
	rs := Load(Param("rsA"), GP64())
	SHLQ(Imm(shift), rs)
	cs := Load(Param("csA"), GP64())
	SHLQ(Imm(shift), cs)
	rsb := Load(Param("rsB"), GP64())
	SHLQ(Imm(shift), rsb)
	rows := newRowAddr(pa, rs, mr)
	rowAddr := func(i int) Mem { return rows.at(i, 0) }

	acc, bv, av := tileRegisters(e, mr, vecs)

	// step emits one rank-1 update and advances to the next p.
	step := func() {
		for v := range bv {
			m := Mem{Base: pb, Disp: v * e.vecLanes * e.size}
			if bMasks != nil {
				e.maskedLoad(m, bMasks[v], bv[v])
			} else {
				VMOVUPS(m, bv[v])
			}
		}
		for i := 0; i < mr; i++ {
			if e.fma231bcst != nil {
				// AVX-512: each FMA broadcasts A(i, p) from memory itself.
				// Measured on Zen 4 against one broadcast register shared
				// by the row's FMAs: 12×16 in L1 82 → 113 GFLOP/s, and the
				// 12×32 tiles' products 0.5–1.5 % faster (100³, 64³,
				// 128×100×100, 100×100×784, 1024³, alternating).
				for v := range bv {
					e.fma231bcst(rowAddr(i), bv[v], acc[i][v])
				}
				continue
			}
			e.broadcast(rowAddr(i), av)
			for v := range bv {
				e.fma231(bv[v], av, acc[i][v])
			}
		}
		rows.advance(cs)
		ADDQ(rsb, pb)
	}

	n := GP64()
	MOVQ(k, n)
	SHRQ(Imm(2), n)
	JZ(LabelRef(name + "_tail"))
	Label(name + "_loop4")
	for s := 0; s < unroll; s++ {
		step()
	}
	DECQ(n)
	JNZ(LabelRef(name + "_loop4"))

	Label(name + "_tail")
	ANDQ(Imm(unroll-1), k)
	JZ(LabelRef(name + "_store"))
	Label(name + "_loop1")
	step()
	DECQ(k)
	JNZ(LabelRef(name + "_loop1"))

	Label(name + "_store")
	return acc
}

// rowAddr addresses rows 0…mr-1 (mr ≤ 12) of a matrix whose rows are rs
// bytes apart with scaled-index modes: rows 6…11 from a second base six rows
// further, so no row needs a register of its own.
type rowAddr struct {
	pa, pa6, rs, rs3, rs5 reg.Register
}

func newRowAddr(pa, rs reg.Register, mr int) *rowAddr {
	if mr > 12 {
		panic("row addressing supports mr <= 12")
	}
	r := &rowAddr{pa: pa, rs: rs, rs3: GP64(), rs5: GP64()}
	LEAQ(Mem{Base: rs, Index: rs, Scale: 2}, r.rs3)
	LEAQ(Mem{Base: rs, Index: rs, Scale: 4}, r.rs5)
	if mr > 6 {
		r.pa6 = GP64()
		LEAQ(Mem{Base: pa, Index: r.rs3, Scale: 2}, r.pa6)
	}
	return r
}

// at is the address disp bytes into row i.
func (r *rowAddr) at(i, disp int) Mem {
	base := r.pa
	if i >= 6 {
		base, i = r.pa6, i-6
	}
	switch i {
	case 0:
		return Mem{Base: base, Disp: disp}
	case 1:
		return Mem{Base: base, Index: r.rs, Scale: 1, Disp: disp}
	case 2:
		return Mem{Base: base, Index: r.rs, Scale: 2, Disp: disp}
	case 3:
		return Mem{Base: base, Index: r.rs3, Scale: 1, Disp: disp}
	case 4:
		return Mem{Base: base, Index: r.rs, Scale: 4, Disp: disp}
	default:
		return Mem{Base: base, Index: r.rs5, Scale: 1, Disp: disp}
	}
}

// advance moves every row's address by step bytes.
func (r *rowAddr) advance(step Op) {
	ADDQ(step, r.pa)
	if r.pa6 != nil {
		ADDQ(step, r.pa6)
	}
}

// tileRegisters allocates a k loop's registers: rows×vecs accumulators,
// zeroed, vecs for a row of B and one for a broadcast of A.
func tileRegisters(e elem, rows, vecs int) (acc [][]reg.VecVirtual, bv []reg.VecVirtual, av reg.VecVirtual) {
	acc = make([][]reg.VecVirtual, rows)
	for i := range acc {
		acc[i] = make([]reg.VecVirtual, vecs)
		for v := range acc[i] {
			acc[i][v] = e.vec()
			e.zero(acc[i][v], acc[i][v], acc[i][v])
		}
	}
	bv = make([]reg.VecVirtual, vecs)
	for v := range bv {
		bv[v] = e.vec()
	}
	return acc, bv, e.vec()
}

// storeSetup loads what storing a tile needs: alpha broadcast and C's row
// stride in bytes.
func storeSetup(e elem) (alpha reg.VecVirtual, ldc reg.GPVirtual) {
	alpha = e.vec()
	alphaArg, err := Param("alpha").Resolve()
	if err != nil {
		panic(err)
	}
	e.broadcast(alphaArg.Addr, alpha)
	ldc = GP64()
	Load(Param("ldc"), ldc)
	SHLQ(Imm(uint64(log2(e.size))), ldc)
	return alpha, ldc
}

// tileName is the name of a tile kernel's accumulating form, or of its
// overwrite form: "…Beta0" before the instruction set's suffix.
func tileName(name string, overwrite bool) string {
	if !overwrite {
		return name
	}
	for _, isa := range []string{"AVX512", "AVX2"} {
		if base, ok := strings.CutSuffix(name, isa); ok {
			return base + "Beta0" + isa
		}
	}
	panic("tileName: no instruction-set suffix in " + name)
}

// zeroIf returns a zeroed vector register when overwrite is set (the
// addend that replaces C, so that alpha·acc + 0 rounds and signs its
// zeros exactly as the accumulating form does on a cleared C), else nil.
func zeroIf(e elem, overwrite bool) reg.VecVirtual {
	if !overwrite {
		return nil
	}
	z := e.vec()
	e.zero(z, z, z)
	return z
}

// transposePack emits a transposing copy into a panel width elements wide:
// dst[p*width+i] = src[i*ld+p] for i < width and p < lanes*blocks — a full
// panel of a transposed B (width = two vectors) or of A (width = mr = 12).
// Each lanes×lanes block is loaded as rows (missing rows of a partial block
// are zero registers), transposed in registers — interleaving elements
// (and, for float32, then 64-bit pairs) within 128-bit lanes, then
// transposing the lanes — and stored as pieces of panel rows, through an
// opmask where a piece is shorter than a vector.
func transposePack(name string, e elem, width int) {
	lanes := e.vecLanes
	TEXT(name, NOSPLIT, fmt.Sprintf("func(dst []%[1]s, src []%[1]s, ld int, blocks int)", e.goType))
	Doc(fmt.Sprintf("%s packs %d*blocks rows of a %d-wide %s panel from %d source rows with %s; see the Go stub.", name, lanes, width, e.goType, width, e.isa))
	pd := Load(Param("dst").Base(), GP64())
	ps := Load(Param("src").Base(), GP64())
	ld := Load(Param("ld"), GP64())
	SHLQ(Imm(uint64(log2(e.size))), ld)
	n := Load(Param("blocks"), GP64())
	TESTQ(n, n)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	row := GP64()
	perLane := 16 / e.size // columns per 128-bit lane
	halves := (width + lanes - 1) / lanes
	var partial reg.OpmaskVirtual // lanes of a shorter last piece
	if rows := width % lanes; rows != 0 {
		bits := GP32()
		MOVL(U32(1<<rows-1), bits)
		partial = K()
		KMOVW(bits, partial)
	}
	for h := 0; h < halves; h++ {
		// Rows h*lanes … of the source, one block of columns.
		rows := min(lanes, width-h*lanes)
		MOVQ(ps, row)
		for r := 0; r < h*lanes; r++ {
			ADDQ(ld, row)
		}
		z := make([]reg.VecVirtual, lanes)
		for r := range z {
			z[r] = ZMM()
			if r >= rows {
				e.zero(z[r], z[r], z[r])
				continue
			}
			e.move(Mem{Base: row}, z[r])
			if r < rows-1 {
				ADDQ(ld, row)
			}
		}
		// Interleave rows in pairs: t[2k] and t[2k+1] hold rows 2k, 2k+1.
		lo, hi := VUNPCKLPD, VUNPCKHPD
		if e.size == 4 {
			lo, hi = VUNPCKLPS, VUNPCKHPS
		}
		t := make([]reg.VecVirtual, lanes)
		for k := 0; k < lanes/2; k++ {
			t[2*k], t[2*k+1] = ZMM(), ZMM()
			lo(z[2*k+1], z[2*k], t[2*k])
			hi(z[2*k+1], z[2*k], t[2*k+1])
		}
		if e.size == 4 {
			// float32: then 64-bit pairs, so that u[4g+c], 128-bit lane L,
			// is column 4L+c of rows 4g … 4g+3.
			u := make([]reg.VecVirtual, lanes)
			for g := 0; g < 4; g++ {
				a, b, c, d := t[4*g], t[4*g+1], t[4*g+2], t[4*g+3]
				for i := range 4 {
					u[4*g+i] = ZMM()
				}
				VUNPCKLPD(c, a, u[4*g])
				VUNPCKHPD(c, a, u[4*g+1])
				VUNPCKLPD(d, b, u[4*g+2])
				VUNPCKHPD(d, b, u[4*g+3])
			}
			t = u
		}
		// Now lane L of t[g*perLane+c] is column perLane*L+c of the g-th
		// group of perLane rows; the four groups' lanes make a column.
		for c := 0; c < perLane; c++ {
			out := transposeLanes(t[c], t[perLane+c], t[2*perLane+c], t[3*perLane+c])
			for l, o := range out {
				m := Mem{Base: pd, Disp: (perLane*l+c)*width*e.size + h*lanes*e.size}
				if rows < lanes {
					e.move(o, partial, m)
				} else {
					e.move(o, m)
				}
			}
		}
	}
	ADDQ(Imm(uint64(lanes*e.size)), ps)
	ADDQ(U32(uint32(lanes*width*e.size)), pd)
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

// transposeLanes treats a, b, c, d as the rows of a 4×4 matrix of 128-bit
// lanes and returns its columns: out[L] holds lane L of a, b, c and d.
func transposeLanes(a, b, c, d reg.VecVirtual) []reg.VecVirtual {
	v := make([]reg.VecVirtual, 4)
	for i := range v {
		v[i] = ZMM()
	}
	VSHUFF32X4(U8(0x44), b, a, v[0]) // a0 a1 b0 b1
	VSHUFF32X4(U8(0xEE), b, a, v[1]) // a2 a3 b2 b3
	VSHUFF32X4(U8(0x44), d, c, v[2]) // c0 c1 d0 d1
	VSHUFF32X4(U8(0xEE), d, c, v[3]) // c2 c3 d2 d3
	out := make([]reg.VecVirtual, 4)
	for l := range out {
		out[l] = ZMM()
		lo, hi := v[0], v[2]
		if l >= 2 {
			lo, hi = v[1], v[3]
		}
		imm := uint8(0x88) // even lanes of lo and hi
		if l%2 == 1 {
			imm = 0xDD // odd lanes
		}
		VSHUFF32X4(U8(imm), hi, lo, out[l])
	}
	return out
}

// peakLoop emits a loop of n iterations of 12 independent FMA chains: the
// machine's FMA throughput with no memory traffic, for BenchmarkPeak.
func peakLoop(name string, fma func(ops ...Op), e elem) {
	TEXT(name, NOSPLIT, "func(n int)")
	Doc(fmt.Sprintf("%s runs n iterations of 12 independent %d-bit FMAs.", name, e.vecLanes*e.size*8))
	n := Load(Param("n"), GP64())
	acc := make([]reg.VecVirtual, 12)
	for i := range acc {
		acc[i] = e.vec()
		e.zero(acc[i], acc[i], acc[i])
	}
	x, y := e.vec(), e.vec()
	e.zero(x, x, x)
	e.zero(y, y, y)
	TESTQ(n, n)
	JZ(LabelRef(name + "_done"))
	Label(name + "_loop")
	for i := range acc {
		fma(x, y, acc[i])
	}
	DECQ(n)
	JNZ(LabelRef(name + "_loop"))
	Label(name + "_done")
	VZEROUPPER()
	RET()
}

func log2(n int) int {
	r := 0
	for n > 1 {
		n >>= 1
		r++
	}
	return r
}
