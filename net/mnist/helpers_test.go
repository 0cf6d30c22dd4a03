package mnist_test

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"testing"
)

// Paths relative to this package directory.
const (
	dataDir    = "../../testdata/mnist"
	fixtureDir = "../../testdata/mnist/fixtures"
)

// The tiny fixtures: three 2×2 images and their labels.
var (
	tinyPixels = []byte{
		0, 255, 128, 1,
		10, 20, 30, 40,
		255, 0, 255, 0,
	}
	tinyLabels = []uint8{7, 0, 9}
)

// idx builds an IDX file from a magic number, dimension sizes and data.
func idx(magic uint32, dims []uint32, data []byte) []byte {
	b := binary.BigEndian.AppendUint32(nil, magic)
	for _, d := range dims {
		b = binary.BigEndian.AppendUint32(b, d)
	}
	return append(b, data...)
}

func tinyImagesIDX() []byte { return idx(0x803, []uint32{3, 2, 2}, tinyPixels) }
func tinyLabelsIDX() []byte { return idx(0x801, []uint32{3}, tinyLabels) }

// gz compresses b with a header that carries no name or time, so the
// output depends only on b and the compress/flate implementation.
func gz(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
