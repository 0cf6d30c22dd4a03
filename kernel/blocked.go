package kernel

// problem holds one GEMM call's operands after validation and after C has
// been scaled by beta (unless overwrite); what remains is
// C += alpha·op(A)·op(B).
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
	// overwrite: beta is 0 and C was not cleared; the first block of k
	// stores its tiles with the overwrite kernels.
	overwrite bool
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
	sizeDot := 0
	if p.dotsApply() {
		sizeDot = roundUp(kcMax, 4) * s.dotGroups() * s.dotGroup
	}
	buf := getBuffer[T](sizeB + sizeA + sizeTile + sizeDot)
	defer putBuffer(buf)
	var pn panels[T]
	pn.b, pn.a, pn.local = (*buf)[:sizeB], (*buf)[sizeB:sizeB+sizeA], (*buf)[sizeB+sizeA:sizeB+sizeA+sizeTile]
	pn.dot = (*buf)[sizeB+sizeA+sizeTile:]

	for jc := j0; jc < j1; jc += s.nc {
		nb := min(s.nc, j1-jc)
		pn.dotCols = p.dotWidth(nb)
		for pc := 0; pc < p.k; pc += s.kc {
			kb := min(s.kc, p.k-pc)
			if p.packB {
				packB(pn.b, p.tB, p.b, p.ldb, pc, jc, kb, nb, s.nr, s.narrow, s.packTrans)
			} else if edge := nb % s.nr; edge != 0 && s.edge == nil {
				packB(pn.b, p.tB, p.b, p.ldb, pc, jc+nb-edge, kb, edge, s.nr, s.narrow, s.packTrans)
			}
			if w := pn.dotCols; w > 0 {
				s.packDots[(w-1)/s.dotGroup](pn.dot, p.b[pc*p.ldb+jc+nb-w:], p.ldb, kb, 1<<w-1)
			}
			for ic := i0; ic < i1; ic += s.mc {
				mb := min(s.mc, i1-ic)
				if p.packA {
					packA(pn.a, p.tA, p.a, p.lda, ic, pc, mb, kb, s.mr, s.packRows)
				} else if edge := mb % s.mr; edge != 0 && !s.readsRowsInPlace(edge) {
					packA(pn.a, p.tA, p.a, p.lda, ic+mb-edge, pc, edge, kb, s.mr, s.packRows)
				}
				p.macro(&pn, ic, jc, pc, mb, nb, kb)
			}
		}
	}
}

// panels are one serial block's buffers: packed B and A, the local tile
// of implementations without edge kernels, and the last dotCols columns of
// B packed for the dot kernels (dotCols = 0: none).
type panels[T Float] struct {
	b, a, local, dot []T
	dotCols          int
}

// dotsApply reports whether the dot kernels can compute this product's
// last columns: they read A in place by rows and the last columns of B in
// place (packed by packDots), so neither may be transposed; whether the
// other tiles pack A or B does not matter.
func (p *problem[T]) dotsApply() bool {
	return p.spec.dots[0][0] != nil && p.tA == NoTrans && p.tB == NoTrans
}

// dotWidth is how many of the last columns of a block nb wide go to the dot
// kernels: all of a partial tile as wide as they go, or what a narrow
// panel leaves of it; 0 when they do not apply. A dot kernel of g groups
// costs rows·g/4 multiply-adds per step of k where a narrow or full-width
// edge tile costs rows or 2·rows. (Measured on the 12-row, 4-column tail
// tile of 100×100×100 float32: 8 + 4 rows of dot kernels ≈ 210 ns against
// 450 for the narrow edge kernel, plus packing once per block.)
func (p *problem[T]) dotWidth(nb int) int {
	s := p.spec
	edge := nb % s.nr
	if edge == 0 || !p.dotsApply() {
		return 0
	}
	switch most := s.dotGroups() * s.dotGroup; {
	case edge <= most:
		return edge
	case edge > s.narrow && edge-s.narrow <= most:
		return edge - s.narrow
	}
	return 0
}

// dot runs the dot kernels ks.dots on the last w columns (packed in bt) of
// a tile of rows rows (4, 8 or 12: 8 at a time, then 4) read in place;
// C(i, j) is the first element they compute.
func (p *problem[T]) dot(ks *tileKernels[T], bt []T, i, j, pc, kb, rows, w int) {
	s := p.spec
	groups := (w + s.dotGroup - 1) / s.dotGroup
	bt = bt[:roundUp(kb, 4)*groups*s.dotGroup]
	for r := 0; r < rows; r += 8 {
		n := min(8, rows-r)
		ks.dots[n/4-1][groups-1](kb, p.alpha, p.a[(i+r)*p.lda+pc:], p.lda, bt, p.c[(i+r)*p.ldc+j:], p.ldc, 1<<w-1)
	}
}

// macro runs the micro-kernel over the mb×nb block of C at (ic, jc), depth
// pc … pc+kb-1, a row of tiles at a time: the small panel of A (mr×kb)
// stays in L1 while the wider panels of B stream from L2, as BLIS keeps its
// broadcast operand in L1. Columns go in chunks of nc2 so that the part of
// B one row of tiles reads stays in L2. (Measured against the column-first
// order: 2048² one worker, float32 169 → 177, float64 81 → 90 GFLOP/s.)
func (p *problem[T]) macro(pn *panels[T], ic, jc, pc, mb, nb, kb int) {
	s := p.spec
	chunk := nb
	if s.nc2 > 0 {
		chunk = s.nc2
	}
	ks, _ := p.kernelsAt(pc)
	fullEnd := nb - nb%s.nr // full-width tiles end here
	// The last column of tiles, if what the dot kernels leave of it is
	// narrow: its full-height tiles in one call (narrowColumn) after the
	// rows, which run only their dot kernels there.
	narrowCols := nb - fullEnd - pn.dotCols
	column := ks.narrowColumn != nil && narrowCols > 0 && narrowCols <= s.narrow && mb >= s.mr
	for j0 := 0; j0 < nb; j0 += chunk {
		j1 := min(j0+chunk, nb)
		for ir := 0; ir < mb; ir += s.mr {
			jr := j0
			if tiles := (min(j1, fullEnd) - j0) / s.nr; ks.row != nil && mb-ir >= s.mr && tiles > 0 {
				p.rowTiles(pn, ks, ic, jc, pc, ir, jr, kb, tiles)
				jr += tiles * s.nr
			}
			for ; jr < j1; jr += s.nr {
				if column && jr == fullEnd && mb-ir >= s.mr {
					if pn.dotCols > 0 {
						p.dot(ks, pn.dot, ic+ir, jc+jr+narrowCols, pc, kb, s.mr, pn.dotCols)
					}
					continue
				}
				p.tile(pn, ic, jc, pc, ir, jr, mb, nb, kb)
			}
		}
	}
	if column {
		p.columnTiles(pn, ks, ic, jc, pc, fullEnd, kb, mb/s.mr, narrowCols)
	}
}

// columnTiles runs ks.narrowColumn on the tiles full-height tiles of the
// last column of the block (its first cols ≤ narrow columns, from jr), top
// down: what tile does for each, in one call.
func (p *problem[T]) columnTiles(pn *panels[T], ks *tileKernels[T], ic, jc, pc, jr, kb, tiles, cols int) {
	s := p.spec
	bp, rsB := p.bOperand(pn, jc, pc, jr, kb, s.packedWidth(cols+pn.dotCols))
	ap, rsA, csA := p.aOperand(pn, ic, pc, 0, kb, s.mr)
	aNext := s.mr * kb // packed panels
	switch {
	case p.packA:
		ap = pn.a // all the block's panels, not the first only
	case p.tA == NoTrans:
		aNext = s.mr * p.lda
	default:
		aNext = s.mr
	}
	ks.narrowColumn(kb, p.alpha, ap, rsA, csA, bp, rsB, p.c[ic*p.ldc+jc+jr:], p.ldc, 1<<cols-1, tiles, aNext)
}

// rowTiles runs the row kernel of ks on tiles full tiles side by side,
// the first at (ir, jr) of the macro-kernel's block: what tile does for
// each, in one call.
func (p *problem[T]) rowTiles(pn *panels[T], ks *tileKernels[T], ic, jc, pc, ir, jr, kb, tiles int) {
	nr := p.spec.nr
	bp, rsB := p.bOperand(pn, jc, pc, jr, kb, nr)
	bNext := nr * kb // packed panels
	if !p.packB {
		bNext = nr
	}
	ap, rsA, csA := p.aOperand(pn, ic, pc, ir, kb, p.spec.mr)
	ks.row(kb, p.alpha, ap, rsA, csA, bp, rsB, p.c[(ic+ir)*p.ldc+jc+jr:], p.ldc, tiles, bNext)
}

// kernelsAt returns the tile kernels for the block of k that starts at pc,
// and whether they are the overwrite forms.
func (p *problem[T]) kernelsAt(pc int) (ks *tileKernels[T], overwriting bool) {
	overwriting = p.overwrite && pc == 0
	if overwriting {
		return p.spec.overwrite, true
	}
	return &p.spec.tileKernels, false
}

// bOperand returns B from column jr of the block on, with its row stride:
// the packed panel there, panel elements wide (and the panels after it),
// or B in place.
func (p *problem[T]) bOperand(pn *panels[T], jc, pc, jr, kb, panel int) (bp []T, rsB int) {
	if p.packB {
		return pn.b[jr*kb:], panel
	}
	return p.b[pc*p.ldb+jc+jr:], p.ldb
}

// aOperand returns the rows ir… of A's block for a tile of rows rows, with
// its strides: a packed panel, the zero-padded panel of the last rows, or A
// in place (either orientation).
func (p *problem[T]) aOperand(pn *panels[T], ic, pc, ir, kb, rows int) (ap []T, rsA, csA int) {
	s := p.spec
	switch {
	case p.packA:
		return pn.a[ir*kb:][:s.mr*kb], 1, s.mr
	case rows < s.mr && !s.readsRowsInPlace(rows):
		return pn.a[:s.mr*kb], 1, s.mr
	case p.tA == NoTrans:
		return p.a[(ic+ir)*p.lda+pc:], p.lda, 1
	}
	return p.a[pc*p.lda+ic+ir:], 1, p.lda
}

// tile runs the micro-kernel on the register tile at (ir, jr) of the
// macro-kernel's block. Tiles that stick out of C go to the edge kernels
// or, for implementations without them, are computed into the local tile
// (loaded from and stored back to C's valid part), so the arithmetic of
// every element is the same on edges and inside — except in the last
// dotCols columns, which the dot kernels sum in four interleaved parts.
// Which kernel computes an element depends only on the product's shape and
// operands' layout, never on the worker count. On the first block of k of
// an overwriting product, the kernels' overwrite forms store the tile
// without reading C (and the local tile is not loaded from C).
func (p *problem[T]) tile(pn *panels[T], ic, jc, pc, ir, jr, mb, nb, kb int) {
	s := p.spec
	ks, overwriting := p.kernelsAt(pc)
	mr := s.mr
	rows, cols := min(mr, mb-ir), min(s.nr, nb-jr)
	narrow := cols <= s.narrow
	panel := s.packedWidth(cols) // of this tile's packed B panel, if B is packed
	if pn.dotCols > 0 && cols < s.nr && rows%4 == 0 && (rows == mr || s.readsRowsInPlace(rows)) {
		cols -= pn.dotCols
		p.dot(ks, pn.dot, ic+ir, jc+jr+cols, pc, kb, rows, pn.dotCols)
		if cols == 0 {
			return
		}
		// What the dots leave runs narrow, also from a packed panel that
		// packB made full width (it counts the dot columns): the narrow
		// kernel reads its first columns, rows panel apart. (Running the
		// full-width kernel there doubled the time of float64
		// 1000×10×100.)
		narrow = cols <= s.narrow
	}
	nr, micro, edgeMicro := s.nr, ks.micro, ks.edge
	if narrow {
		nr, micro, edgeMicro = s.narrow, ks.microNarrow, ks.edgeNarrow
	}
	if short := ks.shortEdgeFor(rows, mr); short != nil {
		edgeMicro = short.edge
		if narrow {
			edgeMicro = short.edgeNarrow
		}
	}

	// Packed, or in place (B is not transposed then; edge kernels mask
	// the columns), or the one packed edge panel of paths without edge
	// kernels.
	bp, rsB := p.bOperand(pn, jc, pc, jr, kb, panel)
	if !p.packB && cols < s.nr && s.edge == nil {
		bp, rsB = pn.b[:nr*kb], nr
	}
	ap, rsA, csA := p.aOperand(pn, ic, pc, ir, kb, rows)
	c := p.c[(ic+ir)*p.ldc+jc+jr:]
	if rows == mr && cols == nr {
		micro(kb, p.alpha, ap, rsA, csA, bp, rsB, c, p.ldc)
		return
	}
	if edgeMicro != nil {
		edgeMicro(kb, p.alpha, ap, rsA, csA, bp, rsB, c, p.ldc, rows, 1<<cols-1)
		return
	}
	tile := pn.local[:mr*nr]
	for i := 0; i < rows && !overwriting; i++ {
		copy(tile[i*nr:i*nr+cols], c[i*p.ldc:i*p.ldc+cols])
	}
	micro(kb, p.alpha, ap, rsA, csA, bp, rsB, tile, nr)
	for i := 0; i < rows; i++ {
		copy(c[i*p.ldc:i*p.ldc+cols], tile[i*nr:i*nr+cols])
	}
}

func roundUp(x, to int) int { return (x + to - 1) / to * to }
