package plot

import (
	"bytes"
	"fmt"
	"image/color"
	"io"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// svgCanvas is gonum/plot's SVG canvas with two of its faults mended:
//   - a fully transparent colour (the panels' background, hidden tick
//     labels) comes out as fill:#-8000000000000000…, because vgsvg divides
//     by alpha; ImageMagick stops drawing at it. Drawing in a transparent
//     colour shows nothing, so svgCanvas skips it.
//   - raster images (large heat maps) are PNG data labelled image/jpg;
//     WriteTo labels them image/png.
type svgCanvas struct {
	*vgsvg.Canvas
	// hidden[i] tells whether the colour of the i-th saved state (the last
	// one: the current state) is fully transparent.
	hidden []bool
}

// newSVGCanvas returns an SVG canvas of w × h points.
func newSVGCanvas(w, h vg.Length) *svgCanvas {
	return &svgCanvas{Canvas: vgsvg.New(w, h), hidden: []bool{false}}
}

// SetColor sets the colour of what is drawn next.
func (c *svgCanvas) SetColor(col color.Color) {
	c.Canvas.SetColor(col)
	hidden := false // nil is black to vgsvg
	if col != nil {
		_, _, _, a := col.RGBA()
		hidden = a == 0
	}
	c.hidden[len(c.hidden)-1] = hidden
}

// Push saves the drawing state (colour included).
func (c *svgCanvas) Push() {
	c.Canvas.Push()
	c.hidden = append(c.hidden, c.hidden[len(c.hidden)-1])
}

// Pop restores the state the last Push saved.
func (c *svgCanvas) Pop() {
	c.Canvas.Pop()
	if len(c.hidden) > 1 {
		c.hidden = c.hidden[:len(c.hidden)-1]
	}
}

// shows tells whether the current colour can be seen.
func (c *svgCanvas) shows() bool { return !c.hidden[len(c.hidden)-1] }

// Stroke draws the path's outline unless the colour is transparent.
func (c *svgCanvas) Stroke(p vg.Path) {
	if c.shows() {
		c.Canvas.Stroke(p)
	}
}

// Fill fills the path unless the colour is transparent.
func (c *svgCanvas) Fill(p vg.Path) {
	if c.shows() {
		c.Canvas.Fill(p)
	}
}

// FillString draws text unless the colour is transparent.
func (c *svgCanvas) FillString(f font.Face, pt vg.Point, s string) {
	if c.shows() {
		c.Canvas.FillString(f, pt, s)
	}
}

// mislabelled is how vgsvg opens the data URI of an image it encoded as
// PNG. Text cannot contain it: vgsvg escapes the quote of text it writes.
var mislabelled = []byte(`xlink:href="data:image/jpg;base64,`)

// WriteTo writes the SVG document, its images labelled as the PNG data
// they are.
func (c *svgCanvas) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if _, err := c.Canvas.WriteTo(&buf); err != nil {
		return 0, fmt.Errorf("plot: SVG: %w", err)
	}
	doc := bytes.ReplaceAll(buf.Bytes(), mislabelled, []byte(`xlink:href="data:image/png;base64,`))
	n, err := w.Write(doc)
	return int64(n), err
}
