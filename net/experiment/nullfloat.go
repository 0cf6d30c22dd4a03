package experiment

import (
	"math"
	"strconv"
)

// nullFloats marshals to a JSON array in which NaN and ±Inf (points where a
// network had diverged) are null, since JSON has no NaN.
type nullFloats []float64

// MarshalJSON writes the values, null for non-finite ones.
func (f nullFloats) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	for i, v := range f {
		if i > 0 {
			b = append(b, ',')
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			b = append(b, "null"...)
		} else {
			b = strconv.AppendFloat(b, v, 'g', -1, 64)
		}
	}
	return append(b, ']'), nil
}

// nullFloat marshals a number as JSON, null when it is NaN or ±Inf.
type nullFloat float64

// MarshalJSON writes the value, or null.
func (f nullFloat) MarshalJSON() ([]byte, error) {
	v := float64(f)
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, v, 'g', -1, 64), nil
}
