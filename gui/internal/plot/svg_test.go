package plot

import (
	"bytes"
	"encoding/base64"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// The SVG canvas draws nothing in a fully transparent colour (gonum
// writes it as fill:#-8000…), and keeps the colour across Push and Pop.
func TestSVGCanvasMendsGonum(t *testing.T) {
	square := vg.Path{}
	square.Move(vg.Point{})
	square.Line(vg.Point{X: 10})
	square.Line(vg.Point{X: 10, Y: 10})
	square.Close()
	for _, tc := range []struct {
		name  string
		draw  func(c *svgCanvas)
		paths int
	}{
		{"opaque", func(c *svgCanvas) { c.SetColor(Ink); c.Fill(square); c.Stroke(square) }, 2},
		{"transparent", func(c *svgCanvas) { c.SetColor(color.Transparent); c.Fill(square); c.Stroke(square) }, 0},
		{"half alpha", func(c *svgCanvas) { c.SetColor(color.NRGBA{R: 9, A: 0x80}); c.Fill(square) }, 1},
		{"nil is black", func(c *svgCanvas) { c.SetColor(nil); c.Fill(square) }, 1},
		{"restored by Pop", func(c *svgCanvas) {
			c.SetColor(color.Transparent)
			c.Push()
			c.SetColor(Ink)
			c.Fill(square)
			c.Pop()
			c.Fill(square)
		}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newSVGCanvas(20, 20)
			tc.draw(c)
			var buf bytes.Buffer
			if _, err := c.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			if n := strings.Count(buf.String(), "<path"); n != tc.paths {
				t.Errorf("%d paths, want %d", n, tc.paths)
			}
			if strings.Contains(buf.String(), "#-") {
				t.Errorf("invalid colour in %s", buf.String())
			}
		})
	}
}

// Images are labelled as the PNG data they are, fill their rectangle,
// and are flipped, not given a negative size, in a rectangle that runs
// backwards (as a heat map's does).
func TestSVGCanvasImages(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 1, 2))
	img.Pix[0] = 0xff // white top, black bottom
	for _, tc := range []struct {
		name string
		rect vg.Rectangle
		top  uint8 // the top pixel of the image written
	}{
		{"upright", vg.Rectangle{Max: vg.Point{X: 10, Y: 10}}, 0xff},
		{"rows down", vg.Rectangle{Min: vg.Point{Y: 10}, Max: vg.Point{X: 10}}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newSVGCanvas(20, 20)
			c.DrawImage(tc.rect, img)
			var buf bytes.Buffer
			if _, err := c.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			s := buf.String()
			if !strings.Contains(s, `preserveAspectRatio="none" xlink:href="data:image/png;base64,`) || strings.Contains(s, "image/jpg") {
				t.Errorf("image not labelled as PNG, or not stretched: %s", s)
			}
			if strings.Contains(s, `height="-`) || strings.Contains(s, `width="-`) {
				t.Errorf("negative image size: %s", s)
			}
			_, data, _ := strings.Cut(s, "base64,")
			data, _, _ = strings.Cut(data, `"`)
			b, err := base64.StdEncoding.DecodeString(data)
			if err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if r, _, _, _ := got.At(0, 0).RGBA(); uint8(r>>8) != tc.top {
				t.Errorf("top pixel %d, want %d", r>>8, tc.top)
			}
		})
	}
}
