package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/gomlx/compute"
	"github.com/gomlx/compute/dtypes"
	"github.com/gomlx/compute/gobackend"
	"github.com/gomlx/compute/shapes"

	"zerokara/kernel"
)

// gomlxBackends holds one gomlx/compute Go backend per thread count, made
// once per process: gobackend.New("parallelism=N") caps the workers of the
// backend's scheduler at N (intra-op and concurrent Execute calls).
var gomlxBackends = map[int]compute.Backend{}

// gomlxBackend returns the Go backend limited to threads workers, creating it
// on first use. gobackend.New prints "Go backend: parallelism set to N" on
// stdout, which would land in the Markdown table: the line is sent to
// /dev/null.
func gomlxBackend(threads int) (compute.Backend, error) {
	if b, ok := gomlxBackends[threads]; ok {
		return b, nil
	}
	stdout := os.Stdout
	if null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0); err == nil {
		os.Stdout = null
		defer func() { os.Stdout = stdout; null.Close() }()
	}
	b, err := gobackend.New(fmt.Sprintf("parallelism=%d", threads))
	if err != nil {
		return nil, err
	}
	gomlxBackends[threads] = b
	return b, nil
}

// gomlxDescription returns the Go backend's own description, which names the
// SIMD paths it registered (e.g. "linux/amd64, SIMD, AVX2, AVX512") — the
// only public way to tell whether its AVX-512 GEMM is in the binary and
// enabled.
func gomlxDescription(threads int) string {
	b, err := gomlxBackend(threads)
	if err != nil {
		return "unavailable: " + err.Error()
	}
	return b.Description()
}

// gomlxMatmul is one compiled gomlx graph computing a single DotGeneral
// C = op(A)·op(B) for one shape, with its input buffers holding the shared
// operands.
type gomlxMatmul struct {
	exec   compute.Executable
	inputs []compute.Buffer
}

// newGomlxMatmul builds and compiles, once, the graph of one DotGeneral for
// shape o.s on backend: parameters A ([m,k], or [k,m] contracted on axis 0
// for Aᵀ) and B ([k,n], or [n,k] contracted on axis 1 for Bᵀ), no batch
// axes. A and B are copied into shared buffers (gomlx-owned memory the
// graph reads directly), so each call only runs the compiled graph.
func newGomlxMatmul[T kernel.Float](backend compute.Backend, o *operands[T]) (*gomlxMatmul, error) {
	s := o.s
	dt := dtypes.Float64
	if _, ok := any(o.a).([]float32); ok {
		dt = dtypes.Float32
	}
	aShape, aContract := shapes.Make(dt, s.m, s.k), []int{1}
	if s.tA == kernel.Trans {
		aShape, aContract = shapes.Make(dt, s.k, s.m), []int{0}
	}
	bShape, bContract := shapes.Make(dt, s.k, s.n), []int{0}
	if s.tB == kernel.Trans {
		bShape, bContract = shapes.Make(dt, s.n, s.k), []int{1}
	}
	builder := backend.Builder("matmul " + s.String())
	fn := builder.Main()
	a, err := fn.Parameter("a", aShape, nil)
	if err != nil {
		return nil, err
	}
	b, err := fn.Parameter("b", bShape, nil)
	if err != nil {
		return nil, err
	}
	c, err := fn.DotGeneral(a, aContract, nil, b, bContract, nil, compute.DotGeneralConfig{})
	if err != nil {
		return nil, err
	}
	if err := fn.Return([]compute.Value{c}, nil); err != nil {
		return nil, err
	}
	exec, err := builder.Compile()
	if err != nil {
		return nil, err
	}
	g := &gomlxMatmul{exec: exec}
	for _, in := range []struct {
		shape shapes.Shape
		data  []T
	}{{aShape, o.a}, {bShape, o.b}} {
		buf, flat, err := backend.NewSharedBuffer(0, in.shape)
		if err != nil {
			g.close()
			return nil, err
		}
		copy(flat.([]T), in.data)
		g.inputs = append(g.inputs, buf)
	}
	return g, nil
}

// run executes the compiled graph once and hands C to keep, then releases
// the output buffer back to the backend's pool, as gomlx's own DotGeneral
// benchmark does per call.
func (g *gomlxMatmul) run(keep func(compute.Buffer) error) error {
	out, err := g.exec.Execute(g.inputs, nil, 0)
	if err != nil {
		return err
	}
	if keep != nil {
		err = keep(out[0])
	}
	if ferr := out[0].Finalize(); err == nil {
		err = ferr
	}
	return err
}

// close frees the executable and the input buffers.
func (g *gomlxMatmul) close() {
	for _, b := range g.inputs {
		b.Finalize()
	}
	g.exec.Finalize()
}

// gomlxContender wraps g as a contender; an Execute error aborts the run
// (it cannot happen once the graph compiled, short of a bug). Its result
// executes the graph once more and copies C out.
func gomlxContender[T kernel.Float](g *gomlxMatmul, o *operands[T]) contender {
	return contender{
		name: "gomlx",
		call: func() float64 {
			if err := g.run(nil); err != nil {
				fatalf("gomlx %v: %v", o.s, err)
			}
			return 0
		},
		result: func() []float64 {
			c := make([]T, o.s.m*o.s.n)
			if err := g.run(func(out compute.Buffer) error { return out.ToFlatData(c) }); err != nil {
				fatalf("gomlx %v: reading C: %v", o.s, err)
			}
			return toFloat64(c)
		},
	}
}

// gomlxVersion returns the gomlx/compute module version linked in.
func gomlxVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "github.com/gomlx/compute" {
				return m.Version
			}
		}
	}
	return "(unknown version)"
}
