package plot

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"io"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// svgCanvas is gonum/plot's SVG canvas with its faults mended:
//   - a fully transparent colour (the panels' background, hidden tick
//     labels) comes out as fill:#-8000000000000000…, because vgsvg divides
//     by alpha; ImageMagick stops drawing at it. Drawing in a transparent
//     colour shows nothing, so svgCanvas skips it.
//   - raster images (large heat maps) are PNG data labelled image/jpg;
//     WriteTo labels them image/png, and stretches them to their
//     rectangles as the PNG backend does.
//   - an image drawn into a rectangle whose Max is below its Min (a heat
//     map's rows run down the y axis) gets a negative height, which is
//     invalid SVG: rsvg-convert draws it as a sliver under the axes.
//     DrawImage draws it upright instead (see upright).
//   - ImageMagick outlines fills and text unless stroke="none" is said.
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

// DrawImage draws img into rect (see upright and crisp).
func (c *svgCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	rect, flipX, flipY := upright(rect)
	c.Canvas.DrawImage(rect, crisp(img, flipX, flipY))
}

// mislabelled is how vgsvg opens the data URI of an image it encoded as
// PNG, and embedded how every image's opens. Text cannot contain them:
// vgsvg escapes the quotes of text it writes.
var (
	mislabelled = []byte(`xlink:href="data:image/jpg;base64,`)
	embedded    = []byte(`xlink:href="data:image/`)
)

// WriteTo writes the SVG document, its images labelled as the PNG data
// they are and stretched to their rectangles.
func (c *svgCanvas) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if _, err := c.Canvas.WriteTo(&buf); err != nil {
		return 0, fmt.Errorf("plot: SVG: %w", err)
	}
	doc := bytes.ReplaceAll(buf.Bytes(), mislabelled, []byte(`xlink:href="data:image/png;base64,`))
	// The image fills its rectangle, as in the PNG, instead of keeping its
	// pixels' aspect ratio (the SVG default).
	doc = bytes.ReplaceAll(doc, embedded, []byte(`preserveAspectRatio="none" xlink:href="data:image/`))
	// stroke="none" is SVG's initial value, said on the root group for
	// ImageMagick's own renderer, which otherwise outlines every fill and
	// every letter in black.
	doc = bytes.Replace(doc, []byte("<g "), []byte(`<g stroke="none" `), 1)
	n, err := w.Write(doc)
	return int64(n), err
}
