// Package results writes an experiment's result files — JSON, CSV and
// figures — for the headless runner and the lab's Export alike, each under
// a temporary name renamed only when complete, so no partial file ever
// looks finished.
package results

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
)

// Figure builds a result's figure in a language.
type Figure func(*i18n.Localizer) *plot.Figure

// Result is what every experiment result offers the writers: JSON (by
// encoding/json) and CSV.
type Result interface {
	WriteCSV(io.Writer) error
}

// Write writes dir/name.json, .csv and one figure file per format (PNG at
// dpi) and returns the paths written. It creates dir if needed. Figures
// are in tr's language, except PDF, which is always English: gonum/plot's
// PDF text is cp1252 (see plot.PDFText).
func Write(dir, name string, res Result, figure Figure, tr *i18n.Localizer, formats []plot.Format, dpi int) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output directory: %w", err)
	}
	type writer struct {
		ext   string
		write func(io.Writer) error
	}
	writers := []writer{
		{".json", func(w io.Writer) error {
			enc := json.NewEncoder(w)
			enc.SetIndent("", " ")
			return enc.Encode(res)
		}},
		{".csv", res.WriteCSV},
	}
	for _, f := range formats {
		lang := tr
		if f == plot.PDF {
			lang = i18n.For(i18n.English)
		}
		writers = append(writers, writer{"." + string(f), func(w io.Writer) error { return figure(lang).Write(w, f, dpi) }})
	}
	var files []string
	for _, wr := range writers {
		path := filepath.Join(dir, name+wr.ext)
		if err := writeAtomic(path, wr.write); err != nil {
			return files, err
		}
		files = append(files, path)
	}
	return files, nil
}

func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	if err := write(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	// CreateTemp makes the file private (0600); results are ordinary files.
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
