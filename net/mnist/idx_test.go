package mnist_test

import (
	"bytes"
	"errors"
	"runtime"
	"slices"
	"testing"

	"zerokara/net/mnist"
)

func TestReadValid(t *testing.T) {
	for _, tc := range []struct {
		name           string
		images, labels []byte
	}{
		{"raw", tinyImagesIDX(), tinyLabelsIDX()},
		{"gzip", gz(t, tinyImagesIDX()), gz(t, tinyLabelsIDX())},
		{"gzip members", // as from cat a.gz b.gz
			append(gz(t, tinyImagesIDX()[:10]), gz(t, tinyImagesIDX()[10:])...),
			append(append(gz(t, tinyLabelsIDX()[:3]), gz(t, nil)...), gz(t, tinyLabelsIDX()[3:])...)},
		{"no images", idx(0x803, []uint32{0, 28, 28}, nil), idx(0x801, []uint32{0}, nil)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, rows, cols, pixels, err := mnist.ReadImages(bytes.NewReader(tc.images))
			if err != nil {
				t.Fatal(err)
			}
			if len(pixels) != n*rows*cols {
				t.Errorf("len(pixels) = %d; want %d×%d×%d", len(pixels), n, rows, cols)
			}
			labels, err := mnist.ReadLabels(bytes.NewReader(tc.labels))
			if err != nil {
				t.Fatal(err)
			}
			if len(labels) != n {
				t.Errorf("%d labels for %d images", len(labels), n)
			}
		})
	}
}

func TestReadImagesErrors(t *testing.T) {
	valid := tinyImagesIDX()
	validGz := gz(t, valid)
	badCRC := slices.Clone(validGz)
	badCRC[len(badCRC)-8] ^= 0xff // first byte of the CRC-32 trailer

	for _, tc := range []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, mnist.ErrTruncated},
		{"short magic", []byte{0, 0}, mnist.ErrTruncated},
		{"truncated header", valid[:10], mnist.ErrTruncated},
		{"bad magic", idx(0x01000803, []uint32{3, 2, 2}, tinyPixels), mnist.ErrFormat},
		{"wrong type byte", idx(0x00000d03, []uint32{3, 2, 2}, tinyPixels), mnist.ErrFormat},
		{"wrong dims", idx(0x00000802, []uint32{3, 4}, tinyPixels), mnist.ErrFormat},
		{"labels file", tinyLabelsIDX(), mnist.ErrFormat},
		{"rows=0", idx(0x803, []uint32{3, 0, 2}, nil), mnist.ErrFormat},
		{"cols=0", idx(0x803, []uint32{3, 2, 0}, nil), mnist.ErrFormat},
		{"cols too large", idx(0x803, []uint32{1, 1, 1025}, nil), mnist.ErrTooLarge},
		{"count too large", idx(0x803, []uint32{10_000_001, 1, 1}, nil), mnist.ErrTooLarge},
		{"huge count", idx(0x803, []uint32{1e9, 28, 28}, nil), mnist.ErrTooLarge},
		{"max count", idx(0x803, []uint32{0xffffffff, 28, 28}, nil), mnist.ErrTooLarge},
		{"too many bytes", idx(0x803, []uint32{1<<21 + 1, 32, 32}, nil), mnist.ErrTooLarge},
		{"largest allowed, no data", idx(0x803, []uint32{1 << 21, 32, 32}, nil), mnist.ErrTruncated},
		{"truncated data", valid[:len(valid)-1], mnist.ErrTruncated},
		{"trailing data", append(slices.Clone(valid), 0), mnist.ErrFormat},
		{"gzip magic only", []byte{0x1f, 0x8b}, mnist.ErrTruncated},
		{"gzip bad header", []byte{0x1f, 0x8b, 0x07, 0, 0, 0, 0, 0, 0, 0}, mnist.ErrFormat},
		{"gzip cut in data", validGz[:len(validGz)/2], mnist.ErrTruncated},
		{"gzip cut in trailer", validGz[:len(validGz)-4], mnist.ErrTruncated},
		{"gzip bad checksum", badCRC, mnist.ErrFormat},
		{"gzip trailing garbage", append(slices.Clone(validGz), "junk"...), mnist.ErrFormat},
		{"gzip trailing byte", append(slices.Clone(validGz), 0x1f), mnist.ErrFormat},
		{"gzip second header cut", append(slices.Clone(validGz), validGz[:5]...), mnist.ErrTruncated},
		{"gzip second member bad", append(slices.Clone(validGz), 0x1f, 0x8b, 9, 9, 9, 9, 9, 9, 9, 9), mnist.ErrFormat},
		{"gzip truncated data", gz(t, valid[:len(valid)-1]), mnist.ErrTruncated},
		{"gzip trailing data", gz(t, append(slices.Clone(valid), 0)), mnist.ErrFormat},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, rows, cols, pixels, err := mnist.ReadImages(bytes.NewReader(tc.in))
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v; want %v", err, tc.want)
			}
			if n != 0 || rows != 0 || cols != 0 || pixels != nil {
				t.Errorf("got %d, %d, %d, %d pixels with an error; want zero values", n, rows, cols, len(pixels))
			}
			t.Log(err)
		})
	}
}

func TestReadLabelsErrors(t *testing.T) {
	valid := tinyLabelsIDX()
	validGz := gz(t, valid)
	for _, tc := range []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, mnist.ErrTruncated},
		{"truncated header", valid[:6], mnist.ErrTruncated},
		{"bad magic", idx(0x00010801, []uint32{3}, tinyLabels), mnist.ErrFormat},
		{"wrong type byte", idx(0x00000901, []uint32{3}, tinyLabels), mnist.ErrFormat},
		{"images file", tinyImagesIDX(), mnist.ErrFormat},
		{"count too large", idx(0x801, []uint32{10_000_001}, nil), mnist.ErrTooLarge},
		{"huge count", idx(0x801, []uint32{1e9}, nil), mnist.ErrTooLarge},
		{"truncated data", valid[:len(valid)-1], mnist.ErrTruncated},
		{"trailing data", append(slices.Clone(valid), 0), mnist.ErrFormat},
		{"gzip cut in data", validGz[:len(validGz)-10], mnist.ErrTruncated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			labels, err := mnist.ReadLabels(bytes.NewReader(tc.in))
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v; want %v", err, tc.want)
			}
			if labels != nil {
				t.Errorf("got %d labels with an error", len(labels))
			}
		})
	}
}

// TestHeaderAllocation checks that a header's claims cost memory only as
// the data arrives: rejected or unbacked headers allocate little.
func TestHeaderAllocation(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		want error
	}{
		{"10^9 images", idx(0x803, []uint32{1e9, 28, 28}, nil), mnist.ErrTooLarge},
		{"2 GiB promised, none given", idx(0x803, []uint32{1 << 21, 32, 32}, nil), mnist.ErrTruncated},
		{"2 GiB promised gzipped, none given", gz(t, idx(0x803, []uint32{1 << 21, 32, 32}, nil)), mnist.ErrTruncated},
	} {
		t.Run(tc.name, func(t *testing.T) {
			const limit = 1 << 20
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			_, _, _, _, err := mnist.ReadImages(bytes.NewReader(tc.in))
			runtime.ReadMemStats(&after)
			if !errors.Is(err, tc.want) {
				t.Fatalf("err = %v; want %v", err, tc.want)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > limit {
				t.Errorf("allocated %d bytes; want at most %d", got, limit)
			}
		})
	}
}
