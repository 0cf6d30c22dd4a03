package report

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
)

// longSuite skips slow tests unless ZEROKARA_LONG is set (CI sets it).
func longSuite(t *testing.T) {
	t.Helper()
	if os.Getenv("ZEROKARA_LONG") == "" {
		t.Skip("long suite: set ZEROKARA_LONG=1")
	}
}

// rasterisers draw an SVG or PDF file into a PNG file at the PNGs'
// DefaultDPI, so that its points become the PNG's pixels; limit is the largest
// mean difference from the PNG, in 8-bit levels averaged over every
// channel of every pixel, allowed for each.
//
// What legitimately differs is text and antialiasing: neither finds the
// Liberation font the PNG is drawn with unless it is installed, and each
// hints and smooths edges its own way. rsvg-convert measured 0.9–3.5
// levels on the figures here, so its limit is 5. ImageMagick's own
// renderer (MSVG) swaps in a sans font and draws some polylines with a
// stray segment: 2.2–7.4 levels, limit 10. What the limits catch is a
// renderer that stops drawing (ImageMagick at gonum's invalid colours
// drew the sweep figure as a blank page with a title) or an image that
// is not drawn: a blank page differs from the PNG by 124 levels (sweep),
// 16–28 (activations, gradients) and 19 (symmetry). A figure of thin
// lines on white differs from a blank page by only 2–3 levels (init
// comparison, batch norm, overfitting, kernel), which no mean can tell
// from font differences: checkSVG guards those.
var rasterisers = []struct {
	name   string
	format plot.Format
	limit  float64
	cmd    func(in, png string) *exec.Cmd
}{
	{"rsvg-convert", plot.SVG, 5, func(svg, png string) *exec.Cmd {
		dpi := strconv.Itoa(plot.DefaultDPI)
		return exec.Command("rsvg-convert", "--dpi-x", dpi, "--dpi-y", dpi, "--background-color", "white", "-o", png, svg)
	}},
	{"convert", plot.SVG, 10, func(svg, png string) *exec.Cmd {
		// ImageMagick 6's own SVG renderer (MSVG) sizes the document as
		// if its points were CSS pixels, 96 to the inch: 4/3 of the
		// density gives the PNG's pixels.
		dpi := strconv.Itoa(plot.DefaultDPI * 96 / 72)
		return exec.Command("convert", "-density", dpi, svg, "-background", "white", "-flatten", png)
	}},
	// The PDF embeds the PNG's own font: 0.7–4.0 levels, limit 5 (the
	// most where PDFText spells out letters: λ as "lambda" in the
	// overfitting legend).
	{"pdftoppm", plot.PDF, 5, func(pdf, png string) *exec.Cmd {
		return exec.Command("pdftoppm", "-r", strconv.Itoa(plot.DefaultDPI), "-png", "-singlefile", pdf, strings.TrimSuffix(png, ".png"))
	}},
}

// Every figure's SVG renders with rsvg-convert and ImageMagick, and its
// PDF with pdftoppm, without an error, at the PNG's size, and looks like
// the PNG: the mean difference of their pixels stays under the
// rasteriser's limit.
func TestVectorFiguresMatchPNG(t *testing.T) {
	longSuite(t)
	for _, r := range rasterisers {
		if _, err := exec.LookPath(r.cmd("", "").Args[0]); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing; .ci/run installs librsvg2-bin, imagemagick and poppler-utils", r.name)
			}
			t.Skipf("%s not installed (Debian: librsvg2-bin, imagemagick, poppler-utils)", r.name)
		}
	}
	tr := i18n.For(i18n.English)
	dir := t.TempDir()
	for _, fc := range everyFigure() {
		for _, dv := range divergedValues[:2] { // healthy and NaN
			fig := fc.build(dv.v, tr)
			name := fc.name + "-" + dv.name
			want := writeFile(t, fig, plot.PNG, filepath.Join(dir, name+".png"))
			for _, format := range []plot.Format{plot.SVG, plot.PDF} {
				writeFile(t, fig, format, filepath.Join(dir, name+"."+string(format)))
			}
			for _, r := range rasterisers {
				t.Run(name+"/"+r.name, func(t *testing.T) {
					in, out := filepath.Join(dir, name+"."+string(r.format)), filepath.Join(dir, name+"."+r.name+".png")
					if msg, err := r.cmd(in, out).CombinedOutput(); err != nil || len(msg) > 0 {
						t.Fatalf("%s: %v\n%s", r.name, err, msg)
					}
					got := readPNG(t, out)
					if got.Bounds().Size() != want.Bounds().Size() {
						t.Fatalf("%s drew %v, the PNG is %v", r.name, got.Bounds().Size(), want.Bounds().Size())
					}
					d := meanDiff(got, want)
					t.Logf("mean difference %.2f levels", d)
					if d > r.limit {
						t.Errorf("%s's rendering of the %s differs from the PNG by %.2f levels on average (limit %g)", r.name, r.format, d, r.limit)
					}
				})
			}
		}
	}
}

// writeFile writes the figure in format to path, and returns it decoded
// when it is a PNG.
func writeFile(t *testing.T, f *plot.Figure, format plot.Format, path string) image.Image {
	t.Helper()
	b, err := writeFigureAt(f, format, plot.DefaultDPI)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if format != plot.PNG {
		return nil
	}
	return readPNG(t, path)
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return img
}

// meanDiff is the mean absolute difference of two images of the same
// size, in 8-bit levels over the R, G and B channels of every pixel, each
// composited on white.
func meanDiff(a, b image.Image) float64 {
	var sum float64
	ba, bb := a.Bounds(), b.Bounds()
	for y := range ba.Dy() {
		for x := range ba.Dx() {
			ca, cb := onWhite(a, ba.Min.X+x, ba.Min.Y+y), onWhite(b, bb.Min.X+x, bb.Min.Y+y)
			for i := range ca {
				sum += max(ca[i]-cb[i], cb[i]-ca[i])
			}
		}
	}
	return sum / float64(3*ba.Dx()*ba.Dy())
}

// onWhite returns a pixel's R, G and B in 8-bit levels, composited on
// white.
func onWhite(img image.Image, x, y int) [3]float64 {
	r, g, b, a := img.At(x, y).RGBA() // premultiplied, 16 bits
	white := float64(0xffff - a)
	return [3]float64{(float64(r) + white) / 257, (float64(g) + white) / 257, (float64(b) + white) / 257}
}
