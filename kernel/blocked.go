package kernel

// problem holds one GEMM call's operands after validation and after C has
// been scaled by beta; what remains is C += alpha·op(A)·op(B).
type problem[T Float] struct {
	spec   *kernelSpec[T]
	tA, tB Transpose
	k      int
	alpha  T
	a      []T
	lda    int
	b      []T
	ldb    int
	c      []T
	ldc    int
}

// serial adds alpha·op(A)·op(B) to the block C[i0:i1, j0:j1] on the
// calling goroutine with the Goto/BLIS loop nest: columns of B in blocks of
// nc (jc), depth in blocks of kc (pc, packing B), rows of A in blocks of mc
// (ic, packing A), then the macro-kernel over register tiles.
func (p *problem[T]) serial(i0, i1, j0, j1 int) {
	s := p.spec
	m, n := i1-i0, j1-j0
	kcMax := min(s.kc, p.k)
	ncMax := min(s.nc, roundUp(n, s.nr))
	mcMax := min(s.mc, roundUp(m, s.mr))
	buf := getBuffer[T](kcMax * (ncMax + mcMax))
	defer putBuffer(buf)
	packedB, packedA := (*buf)[:kcMax*ncMax], (*buf)[kcMax*ncMax:]

	for jc := j0; jc < j1; jc += s.nc {
		nb := min(s.nc, j1-jc)
		for pc := 0; pc < p.k; pc += s.kc {
			kb := min(s.kc, p.k-pc)
			packB(packedB, p.tB, p.b, p.ldb, pc, jc, kb, nb, s.nr, s.narrow)
			for ic := i0; ic < i1; ic += s.mc {
				mb := min(s.mc, i1-ic)
				packA(packedA, p.tA, p.a, p.lda, ic, pc, mb, kb, s.mr)
				p.macro(packedA, packedB, ic, jc, mb, nb, kb)
			}
		}
	}
}

// macro runs the micro-kernel over the mb×nb block of C at (ic, jc) from
// packed panels of depth kb. Tiles that stick out of C are computed into a
// local tile (loaded from and stored back to C's valid part), so the
// arithmetic of every element is the same on edges and inside.
func (p *problem[T]) macro(packedA, packedB []T, ic, jc, mb, nb, kb int) {
	s := p.spec
	mr := s.mr
	var edge [maxTile]T
	for jr := 0; jr < nb; jr += s.nr {
		cols := min(s.nr, nb-jr)
		nr, micro := s.nr, s.micro
		if cols <= s.narrow {
			nr, micro = s.narrow, s.microNarrow
		}
		bp := packedB[jr*kb:][:nr*kb]
		for ir := 0; ir < mb; ir += mr {
			ap := packedA[ir*kb : (ir+mr)*kb]
			rows := min(mr, mb-ir)
			c := p.c[(ic+ir)*p.ldc+jc+jr:]
			if rows == mr && cols == nr {
				micro(kb, p.alpha, ap, bp, c, p.ldc)
				continue
			}
			tile := edge[:mr*nr]
			for i := 0; i < rows; i++ {
				copy(tile[i*nr:i*nr+cols], c[i*p.ldc:i*p.ldc+cols])
			}
			micro(kb, p.alpha, ap, bp, tile, nr)
			for i := 0; i < rows; i++ {
				copy(c[i*p.ldc:i*p.ldc+cols], tile[i*nr:i*nr+cols])
			}
		}
	}
}

// maxTile bounds mr·nr over all micro-kernels.
const maxTile = 16 * 32

func roundUp(x, to int) int { return (x + to - 1) / to * to }
