package plot

import (
	"image"
	"image/color"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// upright returns rect with Min below and left of Max, and whether it
// ran backwards along x and y: the image drawn into it must then be
// mirrored (see crisp). A raster heat map's rectangle runs downwards (its
// rows go down the y axis): the PNG backend draws that mirrored, through
// a negative scale, while the SVG backend writes an invalid negative
// height and the PDF backend draws the image above its panel. Drawn
// upright, all three show the same picture.
func upright(rect vg.Rectangle) (r vg.Rectangle, flipX, flipY bool) {
	flipX, flipY = rect.Max.X < rect.Min.X, rect.Max.Y < rect.Min.Y
	if flipX {
		rect.Min.X, rect.Max.X = rect.Max.X, rect.Min.X
	}
	if flipY {
		rect.Min.Y, rect.Max.Y = rect.Max.Y, rect.Min.Y
	}
	return rect, flipX, flipY
}

// crispSide is the size that crisp enlarges an image's longer side to,
// at least: a heat map's cells then span several pixels of the image.
const crispSide = 512

// crisp returns a copy of img, mirrored left to right and/or top to
// bottom, with every pixel a k×k block, k the smallest whole factor that
// makes the longer side at least crispSide. Renderers smooth an image as
// they scale it, some (the PNG backend, rsvg) blending neighbouring
// pixels across the whole of a cell, others (pdftoppm) not at all: on the
// enlarged image the smoothing only softens the cells' edges, so a heat
// map of weights shows the same crisp cells in every format and viewer.
func crisp(img image.Image, flipX, flipY bool) image.Image {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w == 0 || h == 0 {
		return img
	}
	k := max(1, (crispSide+max(w, h)-1)/max(w, h))
	// 8 bits a channel: the PDF backend garbles 16-bit images with alpha
	// (NaN cells are transparent).
	out := image.NewNRGBA(image.Rect(0, 0, k*w, k*h))
	for j := range h {
		sj := j
		if flipY {
			sj = h - 1 - j
		}
		for i := range w {
			si := i
			if flipX {
				si = w - 1 - i
			}
			c := color.NRGBAModel.Convert(img.At(b.Min.X+si, b.Min.Y+sj)).(color.NRGBA)
			for y := j * k; y < (j+1)*k; y++ {
				for x := i * k; x < (i+1)*k; x++ {
					out.SetNRGBA(x, y, c)
				}
			}
		}
	}
	return out
}

// pngCanvas is gonum/plot's image canvas drawing images upright and
// crisp, like the others.
type pngCanvas struct{ vgimg.PngCanvas }

// DrawImage draws img into rect (see upright and crisp).
func (c pngCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	rect, flipX, flipY := upright(rect)
	c.PngCanvas.DrawImage(rect, crisp(img, flipX, flipY))
}

// pdfCanvas is gonum/plot's PDF canvas drawing images upright and crisp.
type pdfCanvas struct{ *vgpdf.Canvas }

// DrawImage draws img into rect (see upright and crisp). vgpdf draws an
// upright rectangle's image upside down, so it gets the image mirrored.
func (c pdfCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	rect, flipX, flipY := upright(rect)
	c.Canvas.DrawImage(rect, crisp(img, flipX, !flipY))
}
