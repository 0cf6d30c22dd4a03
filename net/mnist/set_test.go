package mnist_test

import (
	"slices"
	"testing"

	"zerokara/net/mnist"
)

func tinySet() mnist.Set {
	return mnist.Set{Images: slices.Clone(tinyPixels), Labels: slices.Clone(tinyLabels), N: 3, Rows: 2, Cols: 2}
}

func TestNormalize(t *testing.T) {
	pixels := []byte{0, 1, 127, 128, 254, 255}
	got32 := make([]float32, len(pixels)+1) // longer dst is allowed
	got32[len(pixels)] = -1
	mnist.Normalize(got32, pixels)
	got64 := make([]float64, len(pixels))
	mnist.Normalize(got64, pixels)
	for i, p := range pixels {
		// float32 must be the float32 quotient (as NumPy's
		// x.astype(float32) / 255.0), not a rounded float64 one.
		if want := float32(p) / 255; got32[i] != want {
			t.Errorf("float32: pixel %d → %v; want %v", p, got32[i], want)
		}
		if want := float64(p) / 255; got64[i] != want {
			t.Errorf("float64: pixel %d → %v; want %v", p, got64[i], want)
		}
	}
	if got32[0] != 0 || got32[5] != 1 || got64[0] != 0 || got64[5] != 1 {
		t.Errorf("0 and 255 map to %v, %v and %v, %v; want 0 and 1", got32[0], got32[5], got64[0], got64[5])
	}
	if got32[len(pixels)] != -1 {
		t.Error("Normalize wrote past len(pixels)")
	}
	if got := tinySet().NormalizedImages32(); len(got) != 12 || got[1] != 1 || got[2] != float32(128)/255 {
		t.Errorf("NormalizedImages32 = %v", got)
	}
}

func TestNormalizeShortDst(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Normalize with a short dst did not panic")
		}
	}()
	mnist.Normalize(make([]float32, 2), []byte{1, 2, 3})
}

func TestOneHot(t *testing.T) {
	for _, tc := range []struct {
		name    string
		labels  []uint8
		classes int
		want    []float64
	}{
		{"none", nil, 10, []float64{}},
		{"tiny", []uint8{2, 0, 1}, 3, []float64{
			0, 0, 1,
			1, 0, 0,
			0, 1, 0,
		}},
		{"one class", []uint8{0, 0}, 1, []float64{1, 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := mnist.OneHot[float64](tc.labels, tc.classes); !slices.Equal(got, tc.want) {
				t.Errorf("OneHot[float64] = %v; want %v", got, tc.want)
			}
			got32 := mnist.OneHot[float32](tc.labels, tc.classes)
			for i, v := range tc.want {
				if got32[i] != float32(v) {
					t.Fatalf("OneHot[float32] = %v; want %v", got32, tc.want)
				}
			}
		})
	}
}

func TestOneHotPanics(t *testing.T) {
	for _, tc := range []struct {
		name    string
		labels  []uint8
		classes int
	}{
		{"label = classes", []uint8{1, 10}, 10},
		{"label > classes", []uint8{255}, 10},
		{"no classes", []uint8{0}, 0},
		{"negative classes", nil, -1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("OneHot(%v, %d) did not panic", tc.labels, tc.classes)
				}
			}()
			mnist.OneHot[float32](tc.labels, tc.classes)
		})
	}
}

func TestSubset(t *testing.T) {
	s := tinySet()
	for _, tc := range []struct{ n, want int }{{-1, 0}, {0, 0}, {2, 2}, {3, 3}, {4, 3}} {
		sub := s.Subset(tc.n)
		if sub.N != tc.want || len(sub.Labels) != tc.want || len(sub.Images) != tc.want*4 ||
			sub.Rows != 2 || sub.Cols != 2 {
			t.Errorf("Subset(%d) = %+v; want %d samples of 2×2", tc.n, sub, tc.want)
			continue
		}
		if !slices.Equal(sub.Images, s.Images[:tc.want*4]) || !slices.Equal(sub.Labels, s.Labels[:tc.want]) {
			t.Errorf("Subset(%d) is not a prefix of the set", tc.n)
		}
	}

	// Subset shares memory, but appending to it must not reach the parent.
	sub := s.Subset(1)
	sub.Images[0] = 42
	_ = append(sub.Images, 99)
	_ = append(sub.Labels, 99)
	if s.Images[0] != 42 || s.Images[4] != tinyPixels[4] || s.Labels[1] != tinyLabels[1] {
		t.Errorf("parent after writes to the subset: %v %v", s.Images, s.Labels)
	}
}

func TestPixels(t *testing.T) {
	s := tinySet()
	for i := range s.N {
		if got, want := s.Pixels(i), tinyPixels[4*i:4*i+4]; !slices.Equal(got, want) {
			t.Errorf("Pixels(%d) = %v; want %v", i, got, want)
		}
	}
	_ = append(s.Pixels(0), 99)
	if s.Images[4] != tinyPixels[4] {
		t.Error("appending to Pixels(0) overwrote image 1")
	}
	for _, i := range []int{-1, 3} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Pixels(%d) did not panic", i)
				}
			}()
			s.Pixels(i)
		}()
	}
}
