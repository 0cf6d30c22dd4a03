package results

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
)

// Figure builds a result's figure in a language.
type Figure func(*i18n.Localizer) *plot.Figure

// Result is what every experiment result offers the writers: JSON (by
// encoding/json, as an object) and CSV.
type Result interface {
	WriteCSV(io.Writer) error
}

// Set is one result set to write.
type Set struct {
	Name     string          // file names' stem: letters, digits, '_' and '-'
	Result   Result          // NAME.json and NAME.csv
	Figure   Figure          // NAME.<format>, one per format
	Lang     *i18n.Localizer // the figures' language (PDF is always English)
	Formats  []plot.Format   // figure formats; none for no figure
	DPI      int             // PNG resolution
	Manifest *Manifest       // added to NAME.json as "manifest"; nil: none
}

// Write writes dir/name.json, .csv and one figure file per format as a set
// (see the package doc) without a manifest, and returns the paths written.
// It is WriteSet without cancellation.
func Write(dir, name string, res Result, figure Figure, tr *i18n.Localizer, formats []plot.Format, dpi int) ([]string, error) {
	return WriteSet(context.Background(), dir, Set{Name: name, Result: res, Figure: figure, Lang: tr, Formats: formats, DPI: dpi})
}

// WriteSet writes the set s into dir, creating dir if needed, and returns
// the paths written: dir/NAME.json, dir/NAME.csv, then one per format.
// Figures are in s.Lang's language, except PDF, which is always English:
// gonum/plot's PDF text is cp1252 (see plot.PDFText). ctx is checked
// between files; on any error, cancellation included, the old set stays
// whole.
func WriteSet(ctx context.Context, dir string, s Set) ([]string, error) {
	if err := checkName(s.Name); err != nil {
		return nil, err
	}
	// Encoded before anything is touched: a NaN fails here.
	js, err := encodeJSON(s.Result, s.Manifest)
	if err != nil {
		return nil, fmt.Errorf("writing %s.json: %w", s.Name, err)
	}
	files := []file{
		{".json", func(w io.Writer) error { _, err := w.Write(js); return err }},
		{".csv", s.Result.WriteCSV},
	}
	for _, f := range s.Formats {
		lang := s.Lang
		if f == plot.PDF {
			lang = i18n.For(i18n.English)
		}
		files = append(files, file{"." + string(f), func(w io.Writer) error { return s.Figure(lang).Write(w, f, s.DPI) }})
	}
	return writeSet(ctx, dir, s.Name, files)
}

// encodeJSON encodes res indented by one space, with m (if not nil) as its
// first field "manifest".
func encodeJSON(res Result, m *Manifest) ([]byte, error) {
	b, err := json.Marshal(res)
	if err != nil {
		return nil, err
	}
	if m != nil {
		if b, err = withManifest(b, m); err != nil {
			return nil, err
		}
	}
	var out bytes.Buffer
	if err := json.Indent(&out, b, "", " "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}
