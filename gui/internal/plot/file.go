package plot

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgpdf"
)

// Format is a figure file format.
type Format string

// The formats a figure is written in.
const (
	PNG Format = "png"
	SVG Format = "svg"
	PDF Format = "pdf"
)

// Formats lists every format, in the order files are written.
func Formats() []Format { return []Format{PNG, SVG, PDF} }

// DefaultDPI renders PNG files at twice the 72-dpi point size.
const DefaultDPI = 144

// ParseFormats reads a comma-separated list such as "png,svg".
func ParseFormats(s string) ([]Format, error) {
	var out []Format
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if !slices.Contains(Formats(), Format(f)) {
			return nil, fmt.Errorf("unknown figure format %q (want png, svg or pdf)", f)
		}
		if !slices.Contains(out, Format(f)) {
			out = append(out, Format(f))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no figure format given (want png, svg or pdf)")
	}
	return out, nil
}

// points is the figure's size in points: one point per pixel of Size().
func (f *Figure) points() (w, h vg.Length) {
	s := f.Size()
	return vg.Length(s.Width), vg.Length(s.Height)
}

// Write draws the figure in the given format; dpi sets the PNG's
// resolution (the size in points is Size()).
func (f *Figure) Write(w io.Writer, format Format, dpi int) error {
	width, height := f.points()
	if !(width >= 1 && height >= 1) {
		return fmt.Errorf("plot: a figure of %.4g×%.4g points has nothing to draw", float64(width), float64(height))
	}
	var c interface {
		vg.CanvasSizer
		io.WriterTo
	}
	text := func(s string) string { return s }
	switch format {
	case PNG:
		if dpi < 18 || dpi > 1200 {
			return fmt.Errorf("plot: dpi %d outside [18, 1200]", dpi)
		}
		c = pngCanvas{vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(dpi))}}
	case SVG:
		c = newSVGCanvas(width, height)
	case PDF:
		pdf := vgpdf.New(width, height)
		pdf.EmbedFonts(true)
		c, text = pdfCanvas{pdf}, PDFText
		// PDF text is cp1252 (see PDFText): the default font, whatever
		// the figure asked for.
		g := *f
		g.Typeface = ""
		f = &g
	default:
		return fmt.Errorf("plot: unknown format %q", format)
	}
	if err := f.drawGuarded(draw.New(c), text); err != nil {
		return err
	}
	if _, err := c.WriteTo(w); err != nil {
		return fmt.Errorf("plot: writing %s: %w", format, err)
	}
	return nil
}

// WritePNG writes the figure as PNG at DefaultDPI.
func (f *Figure) WritePNG(w io.Writer) error { return f.Write(w, PNG, DefaultDPI) }
