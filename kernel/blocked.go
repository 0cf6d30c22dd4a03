package kernel

// problem holds one GEMM call's operands after validation and after C has
// been scaled by beta; what remains is C += alpha·op(A)·op(B).
type problem[T Float] struct {
	spec         *kernelSpec[T]
	tA, tB       Transpose
	k            int
	alpha        T
	a            []T
	lda          int
	b            []T
	ldb          int
	c            []T
	ldc          int
	packA, packB bool // copy operands into panels, or read them in place
}

// serial adds alpha·op(A)·op(B) to the block C[i0:i1, j0:j1] on the
// calling goroutine with the Goto/BLIS loop nest: columns of B in blocks of
// nc (jc), depth in blocks of kc (pc, packing B), rows of A in blocks of mc
// (ic, packing A), then the macro-kernel over register tiles. An operand
// read in place still has its last, partial panel packed (zero-padded), so
// the micro-kernel never reads outside the matrix — unless an edge kernel
// can read it in place: edge kernels load B through the column mask, and a
// short edge kernel whose row count matches the last rows exactly reads
// just those rows of A.
func (p *problem[T]) serial(i0, i1, j0, j1 int) {
	s := p.spec
	m, n := i1-i0, j1-j0
	kcMax := min(s.kc, p.k)
	sizeB, sizeA := kcMax*s.nr, kcMax*s.mr
	if p.packB {
		sizeB = kcMax * min(s.nc, roundUp(n, s.nr))
	}
	if p.packA {
		sizeA = kcMax * min(s.mc, roundUp(m, s.mr))
	}
	sizeTile := 0
	if s.edge == nil {
		sizeTile = s.mr * s.nr // local tile for partial tiles
	}
	buf := getBuffer[T](sizeB + sizeA + sizeTile)
	defer putBuffer(buf)
	packedB, packedA, tile := (*buf)[:sizeB], (*buf)[sizeB:sizeB+sizeA], (*buf)[sizeB+sizeA:]

	for jc := j0; jc < j1; jc += s.nc {
		nb := min(s.nc, j1-jc)
		for pc := 0; pc < p.k; pc += s.kc {
			kb := min(s.kc, p.k-pc)
			if p.packB {
				packB(packedB, p.tB, p.b, p.ldb, pc, jc, kb, nb, s.nr, s.narrow, s.packTrans)
			} else if edge := nb % s.nr; edge != 0 && s.edge == nil {
				packB(packedB, p.tB, p.b, p.ldb, pc, jc+nb-edge, kb, edge, s.nr, s.narrow, s.packTrans)
			}
			for ic := i0; ic < i1; ic += s.mc {
				mb := min(s.mc, i1-ic)
				if p.packA {
					packA(packedA, p.tA, p.a, p.lda, ic, pc, mb, kb, s.mr, s.packRows)
				} else if edge := mb % s.mr; edge != 0 && !s.readsRowsInPlace(edge) {
					packA(packedA, p.tA, p.a, p.lda, ic+mb-edge, pc, edge, kb, s.mr, s.packRows)
				}
				p.macro(packedA, packedB, tile, ic, jc, pc, mb, nb, kb)
			}
		}
	}
}

// macro runs the micro-kernel over the mb×nb block of C at (ic, jc), depth
// pc … pc+kb-1, a row of tiles at a time: the small panel of A (mr×kb)
// stays in L1 while the wider panels of B stream from L2, as BLIS keeps its
// broadcast operand in L1. Columns go in chunks of nc2 so that the part of
// B one row of tiles reads stays in L2. (Measured against the column-first
// order: 2048² one worker, float32 169 → 177, float64 81 → 90 GFLOP/s.)
func (p *problem[T]) macro(packedA, packedB, local []T, ic, jc, pc, mb, nb, kb int) {
	s := p.spec
	chunk := nb
	if s.nc2 > 0 {
		chunk = s.nc2
	}
	for j0 := 0; j0 < nb; j0 += chunk {
		j1 := min(j0+chunk, nb)
		for ir := 0; ir < mb; ir += s.mr {
			for jr := j0; jr < j1; jr += s.nr {
				p.tile(packedA, packedB, local, ic, jc, pc, ir, jr, mb, nb, kb)
			}
		}
	}
}

// tile runs the micro-kernel on the register tile at (ir, jr) of the
// macro-kernel's block. Tiles that stick out of C go to the edge kernels
// or, for implementations without them, are computed into the local tile
// (loaded from and stored back to C's valid part), so the arithmetic of
// every element is the same on edges and inside.
func (p *problem[T]) tile(packedA, packedB, local []T, ic, jc, pc, ir, jr, mb, nb, kb int) {
	s := p.spec
	mr := s.mr
	rows, cols := min(mr, mb-ir), min(s.nr, nb-jr)
	nr, micro, edgeMicro := s.nr, s.micro, s.edge
	narrow := cols <= s.narrow
	if narrow {
		nr, micro, edgeMicro = s.narrow, s.microNarrow, s.edgeNarrow
	}
	if short := s.shortEdgeFor(rows); short != nil {
		edgeMicro = short.edge
		if narrow {
			edgeMicro = short.edgeNarrow
		}
	}

	var bp []T
	rsB := nr
	switch {
	case p.packB:
		bp = packedB[jr*kb:][:nr*kb]
	case cols < s.nr && s.edge == nil:
		bp = packedB[:nr*kb] // the one packed edge panel
	default: // in place (B is not transposed here); edge kernels mask the columns
		bp, rsB = p.b[pc*p.ldb+jc+jr:], p.ldb
	}
	var ap []T
	rsA, csA := 1, mr
	switch {
	case p.packA:
		ap = packedA[ir*kb:][:mr*kb]
	case rows < mr && !s.readsRowsInPlace(rows):
		ap = packedA[:mr*kb]
	case p.tA == NoTrans:
		ap, rsA, csA = p.a[(ic+ir)*p.lda+pc:], p.lda, 1
	default:
		ap, rsA, csA = p.a[pc*p.lda+ic+ir:], 1, p.lda
	}
	c := p.c[(ic+ir)*p.ldc+jc+jr:]
	if rows == mr && cols == nr {
		micro(kb, p.alpha, ap, rsA, csA, bp, rsB, c, p.ldc)
		return
	}
	if edgeMicro != nil {
		edgeMicro(kb, p.alpha, ap, rsA, csA, bp, rsB, c, p.ldc, rows, 1<<cols-1)
		return
	}
	tile := local[:mr*nr]
	for i := 0; i < rows; i++ {
		copy(tile[i*nr:i*nr+cols], c[i*p.ldc:i*p.ldc+cols])
	}
	micro(kb, p.alpha, ap, rsA, csA, bp, rsB, tile, nr)
	for i := 0; i < rows; i++ {
		copy(c[i*p.ldc:i*p.ldc+cols], tile[i*nr:i*nr+cols])
	}
}

func roundUp(x, to int) int { return (x + to - 1) / to * to }
