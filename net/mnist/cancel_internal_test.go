package mnist

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/binary"
	"errors"
	"io"
	"testing"
)

// cancelAfter hands out at most n bytes of r, then cancels.
type cancelAfter struct {
	r      io.Reader
	n      int
	cancel context.CancelFunc
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	if c.n == 0 {
		c.cancel()
	}
	p = p[:min(len(p), c.n)]
	m, err := c.r.Read(p)
	c.n -= m
	return m, err
}

// gzipMembers compresses each part as a gzip member of its own, one after
// the other.
func gzipMembers(t *testing.T, parts ...[]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, part := range parts {
		w := gzip.NewWriter(&buf)
		_, err := w.Write(part)
		if err = errors.Join(err, w.Close()); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// TestReadImagesCanceled cancels in the middle of an images file, raw or
// gzip, including between two gzip members (which must not read as
// trailing data): the error wraps context.Canceled and no format error.
func TestReadImagesCanceled(t *testing.T) {
	file := binary.BigEndian.AppendUint32(nil, 0x803)
	for _, d := range []uint32{4, 8, 8} {
		file = binary.BigEndian.AppendUint32(file, d)
	}
	for i := range 4 * 8 * 8 {
		file = append(file, byte(i))
	}
	first := gzipMembers(t, file[:40])
	for _, tc := range []struct {
		name  string
		input []byte
		after int // bytes handed out before the cancel
	}{
		{"raw, in the header", file, 8},
		{"raw, in the data", file, 100},
		{"gzip, in the header", gzipMembers(t, file), 5},
		{"gzip, in the data", gzipMembers(t, file), 30},
		{"gzip, between members", gzipMembers(t, file[:40], file[40:]), len(first)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			r := canceling{ctx, &cancelAfter{bytes.NewReader(tc.input), tc.after, cancel}}
			_, _, _, _, pixels, err := readImages(r, -1)
			if !errors.Is(err, context.Canceled) || errors.Is(err, ErrFormat) || errors.Is(err, ErrTruncated) {
				t.Fatalf("err = %v; want %v alone", err, context.Canceled)
			}
			if pixels != nil {
				t.Errorf("%d pixels with an error", len(pixels))
			}
		})
	}
}

// TestCancelingReadsInChunks checks that one large read reaches the
// reader below in pieces of at most cancelChunk bytes, each after a look
// at the context.
func TestCancelingReadsInChunks(t *testing.T) {
	for _, size := range []int{0, 1, cancelChunk, cancelChunk + 1, 3 * cancelChunk} {
		src := &largest{r: bytes.NewReader(make([]byte, size))}
		got, err := io.ReadAll(canceling{context.Background(), src})
		if err != nil || len(got) != size || src.max > cancelChunk {
			t.Errorf("size %d: read %d bytes, %v, largest read %d; want all, nil, at most %d",
				size, len(got), err, src.max, cancelChunk)
		}
	}
}

// largest records the largest buffer it was asked to fill.
type largest struct {
	r   io.Reader
	max int
}

func (l *largest) Read(p []byte) (int, error) {
	l.max = max(l.max, len(p))
	return l.r.Read(p)
}
