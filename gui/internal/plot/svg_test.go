package plot

import (
	"bytes"
	"image"
	"image/color"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// The SVG canvas draws nothing in a fully transparent colour (gonum
// writes it as fill:#-8000…), keeps the colour across Push and Pop, and
// labels embedded images as the PNG data they are.
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
	c := newSVGCanvas(20, 20)
	c.DrawImage(vg.Rectangle{Max: vg.Point{X: 10, Y: 10}}, image.NewGray(image.Rect(0, 0, 2, 2)))
	var buf bytes.Buffer
	if _, err := c.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if s := buf.String(); !strings.Contains(s, `xlink:href="data:image/png;base64,iVBOR`) || strings.Contains(s, "image/jpg") {
		t.Errorf("image not labelled as PNG: %s", s)
	}
}
