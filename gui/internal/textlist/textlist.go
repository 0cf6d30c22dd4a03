// Package textlist reads and writes comma-separated lists of typed values
// (net.Init, net.Activation, …) through their encoding.TextUnmarshaler and
// TextMarshaler: the one way the lab's flags and entry fields parse them.
package textlist

import (
	"encoding"
	"errors"
	"strings"
)

// Parse reads "a, b, c": each non-empty item through T's UnmarshalText.
// An empty list is an error.
func Parse[T any, P interface {
	*T
	encoding.TextUnmarshaler
}](s string) ([]T, error) {
	var out []T
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		var v T
		if err := P(&v).UnmarshalText([]byte(f)); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	if len(out) == 0 {
		return nil, errors.New("an empty list")
	}
	return out, nil
}

// Texts returns each value's text form (a value that cannot marshal shows
// as "").
func Texts[T encoding.TextMarshaler](vs []T) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		b, _ := v.MarshalText()
		out[i] = string(b)
	}
	return out
}

// Format writes the values as Parse reads them: "a, b, c".
func Format[T encoding.TextMarshaler](vs []T) string { return strings.Join(Texts(vs), ", ") }
