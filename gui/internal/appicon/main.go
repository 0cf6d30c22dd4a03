// Command appicon draws the lab's application icon, gui/Icon.png: a
// histogram of a bell curve, as in the book's activation figures, with
// an accuracy curve rising over it, on a dark rounded square. It is drawn by
// code so that the icon is the project's own.
//
//	go run ./gui/internal/appicon -o gui/Icon.png
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

// Size is the icon's width and height in pixels.
const Size = 512

var (
	background = color.NRGBA{0x1b, 0x24, 0x30, 0xff}
	bars       = color.NRGBA{0x1f, 0x77, 0xb4, 0xff} // the figures' first series colour
	curve      = color.NRGBA{0xff, 0x7f, 0x0e, 0xff} // and their second
)

// Draw returns the icon.
func Draw() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, Size, Size))
	const radius, margin = 96.0, 16.0
	for y := range Size {
		for x := range Size {
			if a := roundedCover(float64(x)+0.5, float64(y)+0.5, margin, Size-margin, radius); a > 0 {
				img.SetNRGBA(x, y, withAlpha(background, a))
			}
		}
	}
	// Nine bars of a normal density, base at y = 400.
	const n, barW, gap, base, top = 9, 34.0, 8.0, 400.0, 250.0
	left := (Size - (n*barW + (n-1)*gap)) / 2
	for i := range n {
		z := (float64(i) - (n-1)/2) / 1.6
		h := top * math.Exp(-z*z/2)
		x0 := left + float64(i)*(barW+gap)
		fillRect(img, x0, base-h, x0+barW, base, bars)
	}
	// An accuracy curve: rising from the left and flattening.
	const x0, x1 = 84.0, 428.0
	for t := 0.0; t <= 1; t += 0.0005 {
		dot(img, x0+t*(x1-x0), 360-250*(1-math.Exp(-5*t)), 12, curve)
	}
	return img
}

// roundedCover is how much of the pixel at (x, y) lies inside the square
// [lo, hi]² with corners rounded by r (1 inside, 0 outside, a ramp on
// the edge for antialiasing).
func roundedCover(x, y, lo, hi, r float64) float64 {
	cx := math.Max(lo+r, math.Min(x, hi-r))
	cy := math.Max(lo+r, math.Min(y, hi-r))
	d := math.Hypot(x-cx, y-cy) - r
	return math.Max(0, math.Min(1, 0.5-d))
}

func withAlpha(c color.NRGBA, a float64) color.NRGBA {
	c.A = uint8(float64(c.A) * a)
	return c
}

func fillRect(img *image.NRGBA, x0, y0, x1, y1 float64, c color.NRGBA) {
	for y := int(y0); y < int(y1); y++ {
		for x := int(x0); x < int(x1); x++ {
			img.SetNRGBA(x, y, c)
		}
	}
}

// dot paints a disc of diameter d at (x, y).
func dot(img *image.NRGBA, x, y, d float64, c color.NRGBA) {
	r := d / 2
	for py := int(y - r - 1); py <= int(y+r+1); py++ {
		for px := int(x - r - 1); px <= int(x+r+1); px++ {
			a := math.Max(0, math.Min(1, r+0.5-math.Hypot(float64(px)+0.5-x, float64(py)+0.5-y)))
			if a == 0 || !image.Pt(px, py).In(img.Rect) {
				continue
			}
			old := img.NRGBAAt(px, py)
			img.SetNRGBA(px, py, blend(old, c, a))
		}
	}
}

// blend puts c over old with coverage a.
func blend(old, c color.NRGBA, a float64) color.NRGBA {
	mix := func(o, n uint8) uint8 { return uint8(float64(o)*(1-a) + float64(n)*a + 0.5) }
	return color.NRGBA{mix(old.R, c.R), mix(old.G, c.G), mix(old.B, c.B), uint8(math.Max(float64(old.A), 255*a))}
}

// Encode returns the icon as PNG.
func Encode() ([]byte, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, Draw()); err != nil {
		return nil, fmt.Errorf("appicon: %w", err)
	}
	return buf.Bytes(), nil
}

func main() {
	out := flag.String("o", "gui/Icon.png", "where to write the icon")
	flag.Parse()
	b, err := Encode()
	if err == nil {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "appicon: %v\n", err)
		os.Exit(1)
	}
}
