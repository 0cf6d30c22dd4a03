package net

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Init is a weight initializer: W = scale·N(0, 1) with a scale that may
// depend on the layer's fan-in and fan-out, or a constant. The zero value is
// Std(0), i.e. all zeros.
type Init struct {
	kind  initKind
	value float64
}

type initKind uint8

const (
	initStd initKind = iota
	initXavier
	initGlorot
	initHe
	initConst
)

// Std draws W = σ·N(0, 1) for every layer (the book's numeric
// weight_init_std).
func Std(sigma float64) Init { return Init{initStd, sigma} }

// Xavier draws W = √(1/fan_in)·N(0, 1): the book's "Xavier" (its 'sigmoid'
// and 'xavier' settings). Not Glorot's formula; see Glorot.
func Xavier() Init { return Init{kind: initXavier} }

// Glorot draws W = √(2/(fan_in+fan_out))·N(0, 1), the normal form of Glorot
// and Bengio's initialization, which the book simplifies to Xavier.
func Glorot() Init { return Init{kind: initGlorot} }

// He draws W = √(2/fan_in)·N(0, 1) (the book's 'relu' and 'he' settings).
func He() Init { return Init{kind: initHe} }

// Constant sets every weight to c and draws nothing. Constant(0) (Zero)
// shows the symmetry problem: all neurons of a layer stay identical.
func Constant(c float64) Init { return Init{initConst, c} }

// Zero sets every weight to 0.
func Zero() Init { return Constant(0) }

// Scale returns the standard deviation of the weights of a fan_in×fan_out
// layer (0 for constants).
func (in Init) Scale(fanIn, fanOut int) float64 {
	switch in.kind {
	case initXavier:
		return math.Sqrt(1 / float64(fanIn))
	case initGlorot:
		return math.Sqrt(2 / float64(fanIn+fanOut))
	case initHe:
		return math.Sqrt(2 / float64(fanIn))
	case initConst:
		return 0
	}
	return in.value
}

// String names the initializer as the book's legends do: "std=0.01",
// "Xavier", "He", plus "Glorot" and "const=0".
func (in Init) String() string {
	switch in.kind {
	case initXavier:
		return "Xavier"
	case initGlorot:
		return "Glorot"
	case initHe:
		return "He"
	case initConst:
		return "const=" + strconv.FormatFloat(in.value, 'g', -1, 64)
	}
	return "std=" + strconv.FormatFloat(in.value, 'g', -1, 64)
}

// Formula describes the initializer's rule for people.
func (in Init) Formula() string {
	switch in.kind {
	case initXavier:
		return "W ~ N(0,1)·√(1/fan_in)  (the book's Xavier)"
	case initGlorot:
		return "W ~ N(0,1)·√(2/(fan_in+fan_out))  (Glorot & Bengio)"
	case initHe:
		return "W ~ N(0,1)·√(2/fan_in)  (He)"
	case initConst:
		return "W = " + strconv.FormatFloat(in.value, 'g', -1, 64) + " everywhere (no randomness: neurons stay identical)"
	}
	return "W ~ N(0,1)·" + strconv.FormatFloat(in.value, 'g', -1, 64)
}

// MarshalText writes the initializer as String does; UnmarshalText reads
// it back.
func (in Init) MarshalText() ([]byte, error) { return []byte(in.String()), nil }

// UnmarshalText reads an initializer as ParseInit does.
func (in *Init) UnmarshalText(b []byte) error { return unmarshalWith(in, b, ParseInit) }

// ParseInit reads an initializer: "he"/"relu", "xavier"/"sigmoid",
// "glorot", "zero", "const=C", "std=σ" or a bare number σ (as the book's
// weight_init_std argument). It is what UnmarshalText runs; configs, flags
// and entry fields go through UnmarshalText.
func ParseInit(s string) (Init, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	switch t {
	case "he", "relu":
		return He(), nil
	case "xavier", "sigmoid":
		return Xavier(), nil
	case "glorot":
		return Glorot(), nil
	case "zero":
		return Zero(), nil
	}
	num, isConst := strings.CutPrefix(t, "const=")
	if !isConst {
		num, _ = strings.CutPrefix(t, "std=")
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || (!isConst && v < 0) {
		return Init{}, fmt.Errorf("net: bad initializer %q (want he, xavier, glorot, zero, const=C, or std=σ with σ ≥ 0)", s)
	}
	if isConst {
		return Constant(v), nil
	}
	return Std(v), nil
}

// Fill sets the fan_in×fan_out matrix w by the rule, drawing w's elements
// in row-major order from rng (the book's draw order).
func Fill[T Float](w *Matrix[T], in Init, rng *rand.Rand) {
	if in.kind == initConst {
		for i := range w.Data {
			w.Data[i] = T(in.value)
		}
		return
	}
	scale := in.Scale(w.Rows, w.Cols)
	for i := range w.Data {
		w.Data[i] = T(scale * rng.NormFloat64())
	}
}
