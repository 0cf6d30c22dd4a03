package report

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // image.Decode of embedded JPEG data
	_ "image/png"  // and of PNG data
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
)

// paint is a valid SVG fill or stroke as our figures write them.
var paint = regexp.MustCompile(`^(none|#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3})$`)

// dataURI is an embedded image: its label and its base64 bytes.
var dataURI = regexp.MustCompile(`^data:([a-z]+/[a-z+.-]+);base64,(.*)$`)

// checkSVG parses an SVG document and reports what a renderer would
// stumble on: a malformed document, an invalid colour or opacity, a
// coordinate that is not a number, an embedded image whose label does
// not match its bytes. It returns the number of images it checked.
func checkSVG(doc []byte) (images int, err error) {
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var errs []error
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return images, fmt.Errorf("not well-formed: %w", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range el.Attr {
			switch name := a.Name.Local; {
			case name == "style":
				for decl := range strings.SplitSeq(a.Value, ";") {
					prop, val, _ := strings.Cut(decl, ":")
					errs = append(errs, checkProperty(el.Name.Local, strings.TrimSpace(prop), strings.TrimSpace(val)))
				}
			case name == "href":
				images++
				errs = append(errs, checkImage(a.Value))
			default:
				errs = append(errs, checkProperty(el.Name.Local, name, a.Value))
			}
		}
	}
	return images, errors.Join(errs...)
}

// checkProperty checks one attribute or style property of an element.
func checkProperty(el, prop, val string) error {
	switch {
	case prop == "fill" || prop == "stroke":
		if !paint.MatchString(val) {
			return fmt.Errorf("<%s> %s:%q is not a colour", el, prop, val)
		}
	case strings.HasSuffix(prop, "opacity"):
		var f float64
		if _, err := fmt.Sscan(val, &f); err != nil || !(f >= 0 && f <= 1) {
			return fmt.Errorf("<%s> %s:%q is not an opacity", el, prop, val)
		}
	case prop == "d" || prop == "x" || prop == "y" || prop == "width" || prop == "height" || prop == "transform" || prop == "viewBox":
		if low := strings.ToLower(val); strings.Contains(low, "nan") || strings.Contains(low, "inf") {
			return fmt.Errorf("<%s> %s=%.40q is not a number", el, prop, val)
		}
		if f, err := strconv.ParseFloat(strings.TrimSuffix(val, "pt"), 64); err == nil && f < 0 && (prop == "width" || prop == "height") {
			return fmt.Errorf("<%s> %s=%q is negative", el, prop, val)
		}
	}
	return nil
}

// checkImage checks that an embedded image's data URI is labelled with
// the type of its bytes, and that they decode.
func checkImage(uri string) error {
	m := dataURI.FindStringSubmatch(uri)
	if m == nil {
		return fmt.Errorf("image href %.40q is not a base64 data URI", uri)
	}
	b, err := base64.StdEncoding.DecodeString(m[2])
	if err != nil {
		return fmt.Errorf("image data: %w", err)
	}
	if sniffed := http.DetectContentType(b); sniffed != m[1] {
		return fmt.Errorf("image labelled %s holds %s data", m[1], sniffed)
	}
	if _, _, err := image.Decode(bytes.NewReader(b)); err != nil {
		return fmt.Errorf("%s image: %w", m[1], err)
	}
	return nil
}

// The checker rejects what gonum/plot's SVG backend writes unmended, and
// accepts a valid document.
func TestCheckSVGRejectsInvalidDocuments(t *testing.T) {
	var png bytes.Buffer
	if err := (&plot.Figure{Title: "x", Cols: 1, PanelSize: fyne.NewSize(40, 20)}).WritePNG(&png); err != nil {
		t.Fatal(err)
	}
	pngData := base64.StdEncoding.EncodeToString(png.Bytes())
	doc := func(body string) []byte {
		return []byte(`<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">` + body + `</svg>`)
	}
	for _, tc := range []struct {
		name, body string
		valid      bool
	}{
		{"valid", `<path d="M0 0L1 1" style="fill:#1F77B4;fill-opacity:0.5;stroke:none"/><image xlink:href="data:image/png;base64,` + pngData + `"/>`, true},
		{"alpha-0 fill", `<path d="M0 0L1 1" style="fill:#-8000000000000000-8000000000000000-8000000000000000;fill-opacity:0"/>`, false},
		{"alpha-0 text", `<text style="fill:#-8000000000000000-8000000000000000-8000000000000000">1</text>`, false},
		{"stroke attribute", `<path d="M0 0" stroke="#12"/>`, false},
		{"opacity above 1", `<path d="M0 0" style="stroke-opacity:2"/>`, false},
		{"NaN in a path", `<path d="M0 0L1 NaN"/>`, false},
		{"negative height", `<image height="-17" xlink:href="data:image/png;base64,` + pngData + `"/>`, false},
		{"PNG labelled JPEG", `<image xlink:href="data:image/jpg;base64,` + pngData + `"/>`, false},
		{"not base64", `<image xlink:href="data:image/png;base64,@@@"/>`, false},
		{"not a data URI", `<image xlink:href="figure.png"/>`, false},
		{"malformed", `<path d="M0 0">`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := checkSVG(doc(tc.body))
			if (err == nil) != tc.valid {
				t.Errorf("checkSVG = %v, want valid %v", err, tc.valid)
			}
		})
	}
}

// Every SVG of every figure, healthy or drawn from a diverged run, in
// every language with a font, is valid: colours, numbers and embedded
// images (the symmetry figure's heat maps are rasters).
func TestEverySVGIsValid(t *testing.T) {
	images := 0
	for _, lang := range []i18n.Lang{i18n.English, i18n.Japanese} {
		tr, err := Localizer(lang)
		if err != nil {
			t.Logf("%s figures drawn in English: %v", lang, err)
		}
		for _, fc := range everyFigure() {
			for _, dv := range divergedValues {
				t.Run(fmt.Sprintf("%s/%s/%s", tr.Lang(), fc.name, dv.name), func(t *testing.T) {
					b, err := writeFigure(fc.build(dv.v, tr), plot.SVG)
					if err != nil {
						t.Fatal(err)
					}
					n, err := checkSVG(b)
					if err != nil {
						t.Error(err)
					}
					images += n
				})
			}
		}
	}
	if images == 0 {
		t.Error("no figure embedded an image: the image check never ran")
	}
}
