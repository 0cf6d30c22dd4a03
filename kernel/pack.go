package kernel

import "unsafe"

// packA copies the mb×kb block of op(A) that starts at row i0, column p0
// into dst as ceil(mb/mr) panels. Panel q holds rows q*mr … q*mr+mr-1
// column by column: dst[q*mr*kb + p*mr + i] = op(A)[i0+q*mr+i, p0+p].
// Rows past mb are zero, so the micro-kernel can always run a full tile.
// packRows, if not nil, packs full panels of a non-transposed A.
func packA[T Float](dst []T, tA Transpose, a []T, lda, i0, p0, mb, kb, mr int, packRows func(dst, src []T, ld, blocks int)) {
	for q := 0; q*mr < mb; q++ {
		rows := min(mr, mb-q*mr)
		panel := dst[q*mr*kb : (q+1)*mr*kb]
		if rows < mr {
			clear(panel) // zero padding rows in one call, then fill the valid ones
		}
		if tA == NoTrans {
			transposePanel(panel, a[(i0+q*mr)*lda+p0:], lda, kb, rows, mr, packRows)
		} else {
			// op(A) = Aᵀ: column p of the panel is contiguous in A.
			for p := 0; p < kb; p++ {
				copy(panel[p*mr:p*mr+rows], a[(p0+p)*lda+i0+q*mr:][:rows])
			}
		}
	}
}

// transposePanel writes rows ≤ stride rows of src (ld apart, kb long)
// column by column into a panel: panel[p*stride+i] = src[i*ld+p]. A full
// panel (rows == stride) goes to the assembly packer pack, if there is one,
// for its whole vector-sized blocks of columns — 16 for float32, 8 for
// float64 — and interleaveRows does the rest.
func transposePanel[T Float](panel, src []T, ld, kb, rows, stride int, pack func(dst, src []T, ld, blocks int)) {
	done := 0
	if pack != nil && rows == stride {
		perBlock := 64 / int(unsafe.Sizeof(T(0)))
		if blocks := kb / perBlock; blocks > 0 {
			pack(panel, src, ld, blocks)
			done = blocks * perBlock
		}
	}
	if done < kb {
		interleaveRows(panel[done*stride:], src[done:], ld, kb-done, rows, stride)
	}
}

// packB copies the kb×nb block of op(B) that starts at row p0, column j0
// into dst as ceil(nb/nr) panels. Panel q holds columns q*nr … q*nr+nr-1
// row by row: dst[q*nr*kb + p*nr + j] = op(B)[p0+p, j0+q*nr+j].
// Columns past nb are zero. A last panel of at most narrow columns is
// packed narrow wide instead (for the narrow edge kernel); narrow = 0
// disables that. packTrans, if not nil, packs full transposed panels.
func packB[T Float](dst []T, tB Transpose, b []T, ldb, p0, j0, kb, nb, nrFull, narrow int, packTrans func(dst, src []T, ld, blocks int)) {
	q0 := 0
	if tB == NoTrans {
		q0 = nb / nrFull
		copyPanels(dst, b[p0*ldb+j0:], ldb, kb, nrFull, q0)
	}
	for q := q0; q*nrFull < nb; q++ {
		cols := min(nrFull, nb-q*nrFull)
		nr := nrFull
		if cols <= narrow {
			nr = narrow
		}
		panel := dst[q*nrFull*kb:][:nr*kb]
		if cols < nr {
			clear(panel) // zero padding columns in one call, then fill the valid ones
		}
		if tB == NoTrans {
			// The last, partial panel: row p is contiguous in B.
			src := b[p0*ldb+j0+q*nrFull:]
			for p := 0; p < kb; p++ {
				copy(panel[p*nr:p*nr+cols], src[p*ldb:p*ldb+cols])
			}
		} else {
			// op(B) = Bᵀ: the panel's columns are rows of B, interleaved.
			pack := packTrans // it packs full-width (nrFull) panels only
			if nr != nrFull {
				pack = nil
			}
			transposePanel(panel, b[(j0+q*nrFull)*ldb+p0:], ldb, kb, cols, nr, pack)
		}
	}
}

// copyPanels packs the first panels full panels of nr columns of the kb
// rows of src (ld apart) into dst: dst[q*nr*kb + p*nr + j] =
// src[p*ld + q*nr + j]. It goes along B's rows, p outer, so B is read as
// one sequential stream and the panels are written as panels streams.
// (Panel by panel instead, each 128-byte piece of a row comes from
// another page: 1024³ float32 measured 2.5 % slower on the whole product.)
func copyPanels[T Float](dst, src []T, ld, kb, nr, panels int) {
	if panels == 0 {
		return
	}
	size := nr * kb
	for p := 0; p < kb; p++ {
		row, out := src[p*ld:][:panels*nr], dst[p*nr:]
		if !copyPanelRow(out, row, size, nr) {
			for q := 0; q < panels; q++ {
				copy(out[q*size:][:nr], row[q*nr:])
			}
		}
	}
}

// copyPanelRow copies row, len(row)/nr pieces of nr elements, to dst,
// piece q at dst[q*size:], with fixed-size copies for the widths of the
// SIMD panels (16 or 32 float32, 8 or 16 float64) and of the pure-Go
// kernel (4). It reports false, doing nothing, for other widths.
func copyPanelRow[T Float](dst, row []T, size, nr int) bool {
	switch d := any(dst).(type) {
	case []float32:
		r := any(row).([]float32)
		switch nr {
		case 32:
			for q := range len(r) / 32 {
				*(*[32]float32)(d[q*size:]) = *(*[32]float32)(r[q*32:])
			}
		case 16:
			for q := range len(r) / 16 {
				*(*[16]float32)(d[q*size:]) = *(*[16]float32)(r[q*16:])
			}
		case 4:
			for q := range len(r) / 4 {
				*(*[4]float32)(d[q*size:]) = *(*[4]float32)(r[q*4:])
			}
		default:
			return false
		}
	case []float64:
		r := any(row).([]float64)
		switch nr {
		case 16:
			for q := range len(r) / 16 {
				*(*[16]float64)(d[q*size:]) = *(*[16]float64)(r[q*16:])
			}
		case 8:
			for q := range len(r) / 8 {
				*(*[8]float64)(d[q*size:]) = *(*[8]float64)(r[q*8:])
			}
		case 4:
			for q := range len(r) / 4 {
				*(*[4]float64)(d[q*size:]) = *(*[4]float64)(r[q*4:])
			}
		default:
			return false
		}
	}
	return true
}

// interleaveRows writes rows of src (ld apart, kb long) column by column
// into dst, whose rows are stride apart: dst[p*stride+i] = src[i*ld+p] for
// i < rows ≤ stride. A transposing copy, four rows at a time so the loop
// keeps four read streams and one write stream. It packs A's row panels and
// transposed B's column panels.
func interleaveRows[T Float](dst, src []T, ld, kb, rows, stride int) {
	i0 := 0
	for ; i0+4 <= rows; i0 += 4 {
		interleave4(dst[i0:], src[i0*ld:], ld, kb, stride)
	}
	for ; i0 < rows; i0++ {
		d := dst[i0:]
		for p, v := range src[i0*ld:][:kb] {
			d[p*stride] = v
		}
	}
}

// interleave4 writes four rows of src (ld apart, kb long) into columns 0…3
// of dst, whose rows are stride apart: dst[p*stride+i] = src[i*ld+p].
func interleave4[T Float](dst, src []T, ld, kb, stride int) {
	switch d := any(dst).(type) {
	case []float32:
		interleave4Of(d, any(src).([]float32), ld, kb, stride)
	case []float64:
		interleave4Of(d, any(src).([]float64), ld, kb, stride)
	}
}

func interleave4Of[T float32 | float64](dst, src []T, ld, kb, stride int) {
	r0 := src[:kb]
	r1 := src[ld:][:kb]
	r2 := src[2*ld:][:kb]
	r3 := src[3*ld:][:kb]
	for p := range r0 {
		d := dst[p*stride : p*stride+4 : p*stride+4]
		d[0], d[1], d[2], d[3] = r0[p], r1[p], r2[p], r3[p]
	}
}
