package plot

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

func smallFigure() *Figure {
	return &Figure{Title: "weight scale σ and decay λ", Cols: 2, PanelSize: fyne.NewSize(300, 220), FooterText: "footer −1", Panels: []*Panel{
		{Title: "line σ=0.01", XLabel: "epochs", YLabel: "accuracy", XMin: 0, XMax: 2, YMin: 0, YMax: 1, Legend: true, Series: []Series{
			{Name: "solid λ", X: []float64{0, 1, 2}, Y: []float64{0.1, 0.5, 0.9}, Color: Palette(0)},
			{Name: "dashed", X: []float64{0, 1, 2}, Y: []float64{0.9, math.NaN(), 0.2}, Color: Palette(1), Dashed: true},
		}, Marks: []Mark{{X: 1, Y: 0.1, Text: "× diverged"}}},
		{Title: "hist", Bars: &Bars{Lo: 0, Hi: 1, Counts: []int{3, 0, 5}}, XLog: false},
	}}
}

func TestWriteEveryFormat(t *testing.T) {
	for _, f := range Formats() {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			if err := smallFigure().Write(&buf, f, DefaultDPI); err != nil {
				t.Fatal(err)
			}
			switch f {
			case PNG:
				img, err := png.Decode(&buf)
				if err != nil {
					t.Fatal(err)
				}
				if b := img.Bounds(); b.Dx() != 1200 || b.Dy() < 400 {
					t.Errorf("PNG is %v, want twice the 600-point width", b)
				}
			case SVG:
				paths := countSVGPaths(t, buf.Bytes())
				// grid, axes, ticks, histogram bars, and one path per segment
				// of each series: at least the 3 series segments.
				if paths < 3 {
					t.Errorf("SVG has %d path elements", paths)
				}
			case PDF:
				if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF")) {
					t.Errorf("PDF starts with %q", buf.Bytes()[:min(8, buf.Len())])
				}
			}
		})
	}
	if err := smallFigure().Write(io.Discard, "gif", DefaultDPI); err == nil {
		t.Error("unknown format accepted")
	}
	if err := smallFigure().Write(io.Discard, PNG, 5); err == nil {
		t.Error("dpi 5 accepted")
	}
}

// countSVGPaths parses the SVG (it must be well-formed) and counts its
// path elements.
func countSVGPaths(t *testing.T, b []byte) int {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	n := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return n
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v", err)
		}
		if el, ok := tok.(xml.StartElement); ok && el.Name.Local == "path" {
			n++
		}
	}
}

// A solid series is drawn as one continuous line: every pixel column it
// crosses holds its colour; a dashed one has gaps (which shows the scan
// can tell them apart).
func TestSolidSeriesIsContinuous(t *testing.T) {
	red, blue := color.NRGBA{R: 0xd0, A: 0xff}, color.NRGBA{B: 0xd0, A: 0xff}
	fig := func(dashed bool, c color.NRGBA) *Figure {
		return &Figure{Cols: 1, PanelSize: fyne.NewSize(400, 300), Panels: []*Panel{{XMin: 0, XMax: 1, YMin: 0, YMax: 1,
			Series: []Series{{X: []float64{0, 1}, Y: []float64{0.5, 0.5}, Color: c, Dashed: dashed}}}}}
	}
	gaps := func(f *Figure, c color.NRGBA) (covered, gapCols int) {
		var buf bytes.Buffer
		if err := f.Write(&buf, PNG, 72); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&buf)
		if err != nil {
			t.Fatal(err)
		}
		first, last := -1, -1
		cols := map[int]bool{}
		b := img.Bounds()
		for x := b.Min.X; x < b.Max.X; x++ {
			for y := b.Min.Y; y < b.Max.Y; y++ {
				if near(img, x, y, c) {
					cols[x] = true
					if first < 0 {
						first = x
					}
					last = x
					break
				}
			}
		}
		for x := first; x <= last; x++ {
			if !cols[x] {
				gapCols++
			}
		}
		return last - first + 1, gapCols
	}
	if span, g := gaps(fig(false, red), red); span < 300 || g != 0 {
		t.Errorf("solid line: spans %d px with %d empty columns, want ≥ 300 and 0", span, g)
	}
	if span, g := gaps(fig(true, blue), blue); span < 300 || g < 20 {
		t.Errorf("dashed line: spans %d px with %d empty columns, want visible gaps", span, g)
	}
}

// near reports whether the pixel has c's hue: c's dominant channel (red
// or blue here) stands out from the other two, as it does in every
// antialiased pixel of the line and in none of the grey or white ones.
func near(img image.Image, x, y int, c color.NRGBA) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	r, g, b = r>>8, g>>8, b>>8
	if c.R > c.B {
		return int(r)-int(max(g, b)) > 40
	}
	return int(b)-int(max(r, g)) > 40
}

// PDF text comes back legible: what cp1252 cannot hold is spelled out.
func TestPDFTextIsLegible(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext (poppler-utils) is missing; .ci/run installs it")
		}
		t.Skip("pdftotext (poppler-utils) not installed")
	}
	var buf bytes.Buffer
	if err := smallFigure().Write(&buf, PDF, DefaultDPI); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = &buf
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	text := string(out)
	for _, want := range []string{"weight scale sigma and decay lambda", "line sigma=0.01", "solid lambda", "footer -1", "x diverged", "epochs", "accuracy"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext lacks %q; it read:\n%s", want, text)
		}
	}
}

// The data areas of a grid line up in rows and columns, even in small
// panels where only the outer ones show tick and axis labels.
func TestGridDataAreasAlign(t *testing.T) {
	x := []float64{0, 1, 2}
	f := &Figure{Cols: 4, PanelSize: fyne.NewSize(230, 180)}
	for i := range 16 {
		p := &Panel{Title: "W:0.1", XMin: 0, XMax: 2, YMin: 0, YMax: 1, HideYTicks: i%4 != 0, HideXTicks: i/4 != 3,
			Series: []Series{{Name: "BN", X: x, Y: []float64{0.1, 0.5, 0.6}, Color: Palette(0)}}, Legend: i == 15}
		if i%4 == 0 {
			p.YLabel = "accuracy"
		}
		if i/4 == 3 {
			p.XLabel = "epochs"
		}
		f.Panels = append(f.Panels, p)
	}
	for _, size := range []fyne.Size{{Width: 1270, Height: 430}, {Width: 920, Height: 720}, {Width: 600, Height: 300}} {
		dc := draw.New(vgimg.New(vg.Length(size.Width), vg.Length(size.Height)))
		plots, canvases := f.grid(dc, nil, f.scale(dc))
		for r := range plots {
			for c := range plots[r] {
				got := plots[r][c].DataCanvas(canvases[r][c]).Rectangle
				row := plots[r][0].DataCanvas(canvases[r][0]).Rectangle
				col := plots[0][c].DataCanvas(canvases[0][c]).Rectangle
				if math.Abs(float64(got.Min.Y-row.Min.Y)) > 0.5 || math.Abs(float64(got.Max.Y-row.Max.Y)) > 0.5 ||
					math.Abs(float64(got.Min.X-col.Min.X)) > 0.5 || math.Abs(float64(got.Max.X-col.Max.X)) > 0.5 {
					t.Errorf("%v: panel (%d, %d) data area %v, row starts %v, column %v", size, r, c, got, row, col)
				}
			}
		}
	}
}
