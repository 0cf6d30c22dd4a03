// Command asm generates zerokara's GEMM micro-kernels and FMA peak loops
// with avo. Run it through `go generate ./kernel` from the repository root;
// it lives in its own module so avo never enters zerokara's go.mod.
package main

import (
	"fmt"

	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	"github.com/mmcloughlin/avo/reg"
)

// elem describes one floating-point type and its AVX2 instructions.
type elem struct {
	goType    string
	size      int // bytes per element
	broadcast func(ops ...Op)
	fma231    func(ops ...Op) // acc += x*y
	fma213    func(ops ...Op) // acc = acc*x + y
	vecLanes  int             // elements per YMM register
}

var (
	f32 = elem{"float32", 4, VBROADCASTSS, VFMADD231PS, VFMADD213PS, 8}
	f64 = elem{"float64", 8, VBROADCASTSD, VFMADD231PD, VFMADD213PD, 4}
)

func main() {
	ConstraintExpr("!purego")
	microKernel("sgemmKernel6x16AVX2", f32, 6, 2)
	microKernel("sgemmKernel6x8AVX2", f32, 6, 1)
	microKernel("dgemmKernel6x8AVX2", f64, 6, 2)
	microKernel("dgemmKernel6x4AVX2", f64, 6, 1)
	peakLoop("peakFMA32AVX2", VFMADD231PS)
	peakLoop("peakFMA64AVX2", VFMADD231PD)
	Generate()
}

// unroll is how many k steps one loop iteration of a micro-kernel performs.
const unroll = 4

// microKernel emits C[0:mr, 0:nr] += alpha * Apanel * Bpanel where Apanel is
// k×mr packed column by column (a[p*mr+i]) and Bpanel is k×nr packed row by
// row (b[p*nr+j]), nr = vecs*lanes. C rows are ldc elements apart.
func microKernel(name string, e elem, mr, vecs int) {
	nr := vecs * e.vecLanes
	TEXT(name, NOSPLIT, fmt.Sprintf("func(k int, alpha %[1]s, a, b, c []%[1]s, ldc int)", e.goType))
	Doc(fmt.Sprintf("%s computes the %dx%d tile C += alpha*A*B with AVX2 and FMA; see the Go stub.", name, mr, nr))

	k := Load(Param("k"), GP64())
	pa := Load(Param("a").Base(), GP64())
	pb := Load(Param("b").Base(), GP64())

	acc := make([][]reg.VecVirtual, mr)
	for i := range acc {
		acc[i] = make([]reg.VecVirtual, vecs)
		for v := range acc[i] {
			acc[i][v] = YMM()
			VXORPS(acc[i][v], acc[i][v], acc[i][v])
		}
	}
	bv := make([]reg.VecVirtual, vecs)
	for v := range bv {
		bv[v] = YMM()
	}
	av := YMM()

	// step emits one rank-1 update reading panel entries at step offset s.
	step := func(s int) {
		for v := range bv {
			VMOVUPS(Mem{Base: pb, Disp: (s*nr + v*e.vecLanes) * e.size}, bv[v])
		}
		for i := 0; i < mr; i++ {
			e.broadcast(Mem{Base: pa, Disp: (s*mr + i) * e.size}, av)
			for v := range bv {
				e.fma231(bv[v], av, acc[i][v])
			}
		}
	}

	n := GP64()
	MOVQ(k, n)
	SHRQ(Imm(2), n)
	JZ(LabelRef(name + "_tail"))
	Label(name + "_loop4")
	for s := 0; s < unroll; s++ {
		step(s)
	}
	ADDQ(U32(unroll*mr*e.size), pa)
	ADDQ(U32(unroll*nr*e.size), pb)
	DECQ(n)
	JNZ(LabelRef(name + "_loop4"))

	Label(name + "_tail")
	ANDQ(Imm(unroll-1), k)
	JZ(LabelRef(name + "_store"))
	Label(name + "_loop1")
	step(0)
	ADDQ(U32(mr*e.size), pa)
	ADDQ(U32(nr*e.size), pb)
	DECQ(k)
	JNZ(LabelRef(name + "_loop1"))

	Label(name + "_store")
	alpha := YMM()
	alphaArg, err := Param("alpha").Resolve()
	if err != nil {
		panic(err)
	}
	e.broadcast(alphaArg.Addr, alpha)
	pc := Load(Param("c").Base(), GP64())
	ldc := Load(Param("ldc"), GP64())
	SHLQ(Imm(uint64(log2(e.size))), ldc)
	for i := 0; i < mr; i++ {
		for v := 0; v < vecs; v++ {
			m := Mem{Base: pc, Disp: v * e.vecLanes * e.size}
			e.fma213(m, alpha, acc[i][v])
			VMOVUPS(acc[i][v], m)
		}
		if i < mr-1 {
			ADDQ(ldc, pc)
		}
	}
	VZEROUPPER()
	RET()
}

// peakLoop emits a loop of n iterations of 12 independent FMA chains: the
// machine's FMA throughput with no memory traffic, for BenchmarkPeak.
func peakLoop(name string, fma func(ops ...Op)) {
	TEXT(name, NOSPLIT, "func(n int)")
	Doc(name + " runs n iterations of 12 independent 256-bit FMAs.")
	n := Load(Param("n"), GP64())
	acc := make([]reg.VecVirtual, 12)
	for i := range acc {
		acc[i] = YMM()
		VXORPS(acc[i], acc[i], acc[i])
	}
	x, y := YMM(), YMM()
	VXORPS(x, x, x)
	VXORPS(y, y, y)
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
