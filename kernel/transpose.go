package kernel

// Transpose says whether an operand enters a product as it is or transposed.
type Transpose uint8

const (
	// NoTrans uses the matrix as stored.
	NoTrans Transpose = iota
	// Trans uses the transpose of the stored matrix.
	Trans
)

// String returns "NoTrans" or "Trans".
func (t Transpose) String() string {
	switch t {
	case NoTrans:
		return "NoTrans"
	case Trans:
		return "Trans"
	}
	return "Transpose(invalid)"
}
