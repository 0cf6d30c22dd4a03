package net

import (
	"fmt"

	"zerokara/kernel"
)

// Float is the element type of matrices and networks.
type Float = kernel.Float

// Matrix is a dense row-major matrix: element (i, j) is Data[i*Cols+j].
type Matrix[T Float] struct {
	Rows, Cols int
	Data       []T
}

// NewMatrix returns a zero rows×cols matrix.
func NewMatrix[T Float](rows, cols int) *Matrix[T] {
	return &Matrix[T]{Rows: rows, Cols: cols, Data: make([]T, rows*cols)}
}

// FromSlice wraps data (not copied) as a rows×cols matrix.
func FromSlice[T Float](rows, cols int, data []T) (*Matrix[T], error) {
	if rows < 0 || cols < 0 || len(data) != rows*cols {
		return nil, fmt.Errorf("net: %d values cannot form a %d×%d matrix", len(data), rows, cols)
	}
	return &Matrix[T]{Rows: rows, Cols: cols, Data: data}, nil
}

// At returns element (i, j).
func (m *Matrix[T]) At(i, j int) T { return m.Data[i*m.Cols+j] }

// Set sets element (i, j) to v.
func (m *Matrix[T]) Set(i, j int, v T) { m.Data[i*m.Cols+j] = v }

// Row returns row i, sharing memory with m.
func (m *Matrix[T]) Row(i int) []T { return m.Data[i*m.Cols : (i+1)*m.Cols] }

// Clone returns a deep copy of m.
func (m *Matrix[T]) Clone() *Matrix[T] {
	return &Matrix[T]{Rows: m.Rows, Cols: m.Cols, Data: append([]T(nil), m.Data...)}
}

// GatherRows sets m to the rows idx[0], idx[1], … of src (a mini-batch),
// reusing m's storage when it is large enough.
func (m *Matrix[T]) GatherRows(src *Matrix[T], idx []int) {
	m.resize(len(idx), src.Cols)
	for r, i := range idx {
		copy(m.Row(r), src.Row(i))
	}
}

// resize makes m rows×cols, keeping its storage when it is large enough.
// The contents are unspecified afterwards.
func (m *Matrix[T]) resize(rows, cols int) {
	if cap(m.Data) < rows*cols {
		m.Data = make([]T, rows*cols)
	}
	m.Rows, m.Cols, m.Data = rows, cols, m.Data[:rows*cols]
}

// reuse returns *p resized to rows×cols, allocating it on first use: the
// output buffers of layers.
func reuse[T Float](p **Matrix[T], rows, cols int) *Matrix[T] {
	if *p == nil {
		*p = &Matrix[T]{}
	}
	(*p).resize(rows, cols)
	return *p
}

// gemm sets c = alpha·op(a)·op(b) + beta·c with the kernel on w workers.
func gemm[T Float](w kernel.Workers, tA, tB kernel.Transpose, alpha T, a, b *Matrix[T], beta T, c *Matrix[T]) {
	m, k := a.Rows, a.Cols
	if tA == kernel.Trans {
		m, k = k, m
	}
	n := b.Cols
	if tB == kernel.Trans {
		n = b.Rows
	}
	kernel.Gemm(w, tA, tB, m, n, k, alpha, a.Data, max(1, a.Cols), b.Data, max(1, b.Cols), beta, c.Data, max(1, c.Cols))
}
