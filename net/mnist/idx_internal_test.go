package mnist

import (
	"bytes"
	"errors"
	"testing"
)

// TestReadGrowing covers the growing buffer that real data reaches only
// beyond eagerAlloc bytes.
func TestReadGrowing(t *testing.T) {
	data := make([]byte, 101) // one spare byte for the trailing-data case
	for i := range data {
		data[i] = byte(i*7 + 1)
	}
	for _, first := range []int{1, 3, 64, 1000} {
		for _, size := range []int{0, 1, 2, 5, 64, 65, 100} {
			got, err := readGrowing(bytes.NewReader(data[:size]), size, first, true)
			if err != nil || !bytes.Equal(got, data[:size]) || cap(got) != size {
				t.Errorf("first %d, size %d: got %d bytes (cap %d), %v; want the %d input bytes",
					first, size, len(got), cap(got), err, size)
			}
			if size == 0 {
				continue
			}
			if _, err := readGrowing(bytes.NewReader(data[:size-1]), size, first, true); !errors.Is(err, ErrTruncated) {
				t.Errorf("first %d, size %d, one byte short: err = %v; want %v", first, size, err, ErrTruncated)
			}
			if _, err := readGrowing(bytes.NewReader(data[:size+1]), size, first, true); !errors.Is(err, ErrFormat) {
				t.Errorf("first %d, size %d, one byte extra: err = %v; want %v", first, size, err, ErrFormat)
			}
		}
	}
}
