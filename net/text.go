package net

import "fmt"

// unmarshalWith sets *dst to parse(b), leaving it unchanged on an error:
// the body of every UnmarshalText of the package.
func unmarshalWith[T any](dst *T, b []byte, parse func(string) (T, error)) error {
	v, err := parse(string(b))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// marshalName is the MarshalText of a named choice: its name, or an error
// naming what kind of choice is unknown.
func marshalName[T ~string](kind string, v T, valid bool) ([]byte, error) {
	if !valid {
		return nil, fmt.Errorf("net: unknown %s %q", kind, string(v))
	}
	return []byte(v), nil
}
