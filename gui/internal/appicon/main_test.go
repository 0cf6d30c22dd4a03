package main

import (
	"bytes"
	"image/png"
	"os"
	"testing"
)

// The committed icon is what the code draws (go run ./gui/internal/appicon
// -o gui/Icon.png after a change), square and with see-through corners.
func TestCommittedIconIsDrawn(t *testing.T) {
	want, err := Encode()
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../Icon.png")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("gui/Icon.png differs from what appicon draws: regenerate it")
	}
	img, err := png.Decode(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != Size || b.Dy() != Size {
		t.Errorf("icon %v, want %d×%d", b, Size, Size)
	}
	if _, _, _, a := img.At(0, 0).RGBA(); a != 0 {
		t.Error("the corner is not transparent")
	}
	if _, _, _, a := img.At(Size/2, Size-30).RGBA(); a != 0xffff {
		t.Error("the square's inside is not opaque")
	}
}
