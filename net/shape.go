package net

import (
	"errors"
	"fmt"
)

// The sentinel errors below carry no "net:" prefix: they are wrapped as
// "net: Method: shape mismatch: batch has 783 columns, expected 784".

// ErrShape is wrapped by every error (and panic value) that reports a
// matrix of the wrong size: a batch whose column count is not the
// network's input size, a gradient shaped unlike the layer's last output,
// or a hand-built Matrix whose Data does not hold Rows×Cols values.
var ErrShape = errors.New("shape mismatch")

// ErrLabels is wrapped by every error that reports bad class labels: a
// label count that differs from the batch's rows, or a label outside
// [0, classes).
var ErrLabels = errors.New("bad labels")

// ErrNoForward is the panic value (wrapped) of a Backward called without
// the Forward it differentiates: before any Forward, or after a test-mode
// Forward of a layer whose gradient needs training-mode state.
var ErrNoForward = errors.New("Backward without a training Forward")

// check reports whether m is a well-formed matrix: non-nil, non-negative
// sizes and exactly Rows·Cols values.
func (m *Matrix[T]) check() error {
	switch {
	case m == nil:
		return fmt.Errorf("%w: nil matrix", ErrShape)
	case m.Rows < 0 || m.Cols < 0:
		return fmt.Errorf("%w: matrix has negative size %d×%d", ErrShape, m.Rows, m.Cols)
	case len(m.Data) != m.Rows*m.Cols:
		return fmt.Errorf("%w: matrix of %d×%d holds %d values", ErrShape, m.Rows, m.Cols, len(m.Data))
	}
	return nil
}

// checkBatch reports whether x is a well-formed batch of at least one row.
func checkBatch[T Float](x *Matrix[T]) error {
	if err := x.check(); err != nil {
		return err
	}
	if x.Rows == 0 {
		return fmt.Errorf("%w: batch has 0 rows", ErrShape)
	}
	return nil
}

// checkInput reports whether x is a well-formed batch of at least one row
// and exactly cols columns.
func checkInput[T Float](x *Matrix[T], cols int) error {
	if err := checkBatch(x); err != nil {
		return err
	}
	if x.Cols != cols {
		return fmt.Errorf("%w: batch has %d columns, expected %d", ErrShape, x.Cols, cols)
	}
	return nil
}

// checkGrad reports whether dout is a well-formed rows×cols gradient.
func checkGrad[T Float](dout *Matrix[T], rows, cols int) error {
	if err := dout.check(); err != nil {
		return err
	}
	if dout.Rows != rows || dout.Cols != cols {
		return fmt.Errorf("%w: gradient is %d×%d, last output was %d×%d", ErrShape, dout.Rows, dout.Cols, rows, cols)
	}
	return nil
}

// checkLabels reports whether labels holds one class in [0, classes) per
// row.
func checkLabels(labels []int, rows, classes int) error {
	if len(labels) != rows {
		return fmt.Errorf("%w: %d labels for %d rows", ErrLabels, len(labels), rows)
	}
	for i, t := range labels {
		if t < 0 || t >= classes {
			return fmt.Errorf("%w: label %d of row %d is outside [0, %d)", ErrLabels, t, i, classes)
		}
	}
	return nil
}

// mustLayer panics with err, prefixed by the layer method, when err is not
// nil: the convention for layers (see the package doc).
func mustLayer(method string, err error) {
	if err != nil {
		panic(fmt.Errorf("net: %s: %w", method, err))
	}
}

// noForward is the panic of a Backward without its Forward.
func noForward(method string) {
	panic(fmt.Errorf("net: %s: %w", method, ErrNoForward))
}
