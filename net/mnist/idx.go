package mnist

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Limits checked against a header before anything is allocated. They are
// far above MNIST (60 000 images of 28×28) yet keep a hostile header from
// demanding more than 2 GiB.
const (
	maxCount = 10_000_000 // images or labels in one file
	maxSide  = 1024       // rows and columns of an image
	maxBytes = 1 << 31    // count×rows×cols of an images file
)

const (
	typeUint8   = 0x08
	imagesDims  = 3
	labelsDims  = 1
	eagerAlloc  = 64 << 20 // data up to this size is allocated at once
	initialRead = 64 << 10 // first buffer size when the data is larger
)

// ReadImages reads an IDX file of uint8 images (magic 0x00000803), raw or
// gzip-compressed, and returns the image count, the image size and the
// pixels, row-major, image after image. The header is checked against the
// limits described at ErrTooLarge before the pixels are allocated. It
// reads r to the end and reports ErrFormat if anything follows the data.
func ReadImages(r io.Reader) (n, rows, cols int, pixels []byte, err error) {
	n, _, rows, cols, pixels, err = readImages(r, -1)
	if err != nil {
		return 0, 0, 0, nil, fmt.Errorf("mnist: images: %w", err)
	}
	return n, rows, cols, pixels, nil
}

// ReadLabels reads an IDX file of uint8 labels (magic 0x00000801), raw or
// gzip-compressed. Labels are returned as stored; their range is not
// checked. It reads r to the end and reports ErrFormat if anything follows
// the data.
func ReadLabels(r io.Reader) (labels []uint8, err error) {
	_, labels, err = readLabels(r, -1)
	if err != nil {
		return nil, fmt.Errorf("mnist: labels: %w", err)
	}
	return labels, nil
}

// readImages reads the header and the first limit images (all of them
// when limit < 0 or beyond the count); total is the header's count, kept
// the number read. Only a whole read checks what follows the data.
func readImages(r io.Reader, limit int) (total, kept, rows, cols int, pixels []byte, err error) {
	src, err := decompress(r)
	if err != nil {
		return 0, 0, 0, 0, nil, err
	}
	dims, err := readHeader(src, imagesDims)
	if err != nil {
		return 0, 0, 0, 0, nil, err
	}
	count, h, w := dims[0], dims[1], dims[2]
	if count > maxCount {
		return 0, 0, 0, 0, nil, fmt.Errorf("%w: %d images (limit %d)", ErrTooLarge, count, maxCount)
	}
	if h == 0 || w == 0 {
		return 0, 0, 0, 0, nil, fmt.Errorf("%w: empty image size %d×%d", ErrFormat, h, w)
	}
	if h > maxSide || w > maxSide {
		return 0, 0, 0, 0, nil, fmt.Errorf("%w: image size %d×%d (limit %d)", ErrTooLarge, h, w, maxSide)
	}
	// Each factor is below 2^24 here, so the product fits in a uint64.
	size := uint64(count) * uint64(h) * uint64(w)
	if size > maxBytes || size > math.MaxInt {
		return 0, 0, 0, 0, nil, fmt.Errorf("%w: %d×%d×%d bytes (limit %d)", ErrTooLarge, count, h, w, uint64(maxBytes))
	}
	kept = keep(int(count), limit)
	pixels, err = readData(src, kept*int(h)*int(w), kept == int(count))
	if err != nil {
		return 0, 0, 0, 0, nil, err
	}
	return int(count), kept, int(h), int(w), pixels, nil
}

// readLabels is readImages for a labels file.
func readLabels(r io.Reader, limit int) (total int, labels []uint8, err error) {
	src, err := decompress(r)
	if err != nil {
		return 0, nil, err
	}
	dims, err := readHeader(src, labelsDims)
	if err != nil {
		return 0, nil, err
	}
	if dims[0] > maxCount {
		return 0, nil, fmt.Errorf("%w: %d labels (limit %d)", ErrTooLarge, dims[0], maxCount)
	}
	kept := keep(int(dims[0]), limit)
	labels, err = readData(src, kept, kept == int(dims[0]))
	return int(dims[0]), labels, err
}

// keep is how many of count samples a read limited to limit keeps (all of
// them when limit < 0).
func keep(count, limit int) int {
	if limit < 0 {
		return count
	}
	return min(count, limit)
}

// errTrailingGzip reports bytes after the last gzip member that do not
// start another member.
var errTrailingGzip = errors.New("trailing data after gzip stream")

// decompress returns r itself, buffered, or a gzip reader over it if it
// starts with the gzip magic bytes 1f 8b.
func decompress(r io.Reader) (io.Reader, error) {
	br := bufio.NewReader(r)
	if !isGzip(br) {
		return br, nil // a short input fails later, as a truncated header
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, classify("gzip header", err)
	}
	zr.Multistream(false)
	return &members{br, zr}, nil
}

func isGzip(br *bufio.Reader) bool {
	magic, _ := br.Peek(2)
	return len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b
}

// members reads a stream of one or more gzip members, as gzip.Reader does
// by default, but tells garbage after the last member (errTrailingGzip)
// apart from a member that is cut short (io.ErrUnexpectedEOF), which the
// default mode reports alike when the garbage is short.
type members struct {
	br *bufio.Reader
	zr *gzip.Reader
}

func (m *members) Read(p []byte) (int, error) {
	for {
		n, err := m.zr.Read(p)
		if err != io.EOF {
			return n, err
		}
		switch magic, err := m.br.Peek(2); {
		case len(magic) == 0 && err == io.EOF:
			return n, io.EOF
		case err != nil && err != io.EOF: // an I/O error or a cancel
			return n, err
		case len(magic) < 2 || magic[0] != 0x1f || magic[1] != 0x8b:
			return n, errTrailingGzip
		}
		if err := m.zr.Reset(m.br); err != nil {
			return n, err
		}
		m.zr.Multistream(false)
		if n > 0 {
			return n, nil
		}
	}
}

// readHeader reads the magic number and the dimension sizes, checking that
// the elements are uint8 and that there are exactly ndims dimensions.
func readHeader(r io.Reader, ndims int) ([]uint32, error) {
	var magic [4]byte
	if _, err := io.ReadFull(r, magic[:]); err != nil {
		return nil, classify("header", err)
	}
	m := binary.BigEndian.Uint32(magic[:])
	switch {
	case magic[0] != 0 || magic[1] != 0:
		return nil, fmt.Errorf("%w: bad magic %#08x", ErrFormat, m)
	case magic[2] != typeUint8:
		return nil, fmt.Errorf("%w: element type %#02x, want %#02x (uint8)", ErrFormat, magic[2], typeUint8)
	case int(magic[3]) != ndims:
		return nil, fmt.Errorf("%w: %d dimensions, want %d", ErrFormat, magic[3], ndims)
	}
	buf := make([]byte, 4*ndims)
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, classify("header", err)
	}
	dims := make([]uint32, ndims)
	for i := range dims {
		dims[i] = binary.BigEndian.Uint32(buf[4*i:])
	}
	return dims, nil
}

// readData reads exactly size bytes and then, if toEnd, checks that r is
// at its end.
// Data up to eagerAlloc (which covers MNIST's 47 MB) is read into one
// buffer of the final size; larger data grows its buffer as it arrives, up
// to size, so that a header promising gigabytes the input does not hold
// costs little memory. Growing costs copies, page faults and GC: it made
// loading MNIST about 2.5 times slower.
func readData(r io.Reader, size int, toEnd bool) ([]byte, error) {
	if size > eagerAlloc {
		return readGrowing(r, size, initialRead, toEnd)
	}
	return readGrowing(r, size, size, toEnd)
}

// readGrowing is readData with a first buffer of min(first, size) bytes,
// doubled until it holds size bytes. With toEnd it then checks that the
// input ends there.
func readGrowing(r io.Reader, size, first int, toEnd bool) ([]byte, error) {
	buf := make([]byte, min(first, size))
	read := 0
	for {
		m, err := io.ReadFull(r, buf[read:])
		read += m
		if err != nil {
			return nil, classify(fmt.Sprintf("data: got %d of %d bytes", read, size), err)
		}
		if read == size {
			break
		}
		grown := make([]byte, min(2*len(buf), size))
		copy(grown, buf)
		buf = grown
	}
	if !toEnd {
		return buf, nil
	}
	// Reading on to EOF also makes a gzip reader verify its checksum.
	var extra [1]byte
	switch _, err := io.ReadFull(r, extra[:]); {
	case err == nil:
		return nil, fmt.Errorf("%w: trailing data after %d bytes", ErrFormat, size)
	case err != io.EOF:
		return nil, classify("end of data", err)
	}
	return buf, nil
}

// classify wraps an error from reading the input with the matching
// sentinel: early EOF is truncation, corrupt gzip is a format error, and
// anything else (an I/O error) is passed through.
func classify(what string, err error) error {
	var corrupt flate.CorruptInputError
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%w: %s: %w", ErrTruncated, what, err)
	case errors.Is(err, gzip.ErrHeader), errors.Is(err, gzip.ErrChecksum),
		errors.Is(err, errTrailingGzip), errors.As(err, &corrupt):
		return fmt.Errorf("%w: %s: %w", ErrFormat, what, err)
	}
	return fmt.Errorf("%s: %w", what, err)
}
