package lab

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/plot"
	"zerokara/gui/internal/results"
)

// exporter is the "Export…" button of a screen: it writes the screen's
// last complete result as <name>.json, .csv and figures into a folder the
// user picks, the figures in the window's figure language (PDF: English).
type exporter struct {
	Button *widget.Button
	name   string
	result func() (results.Result, results.Figure) // nil result: nothing yet
	window func() fyne.Window
	status *widget.Label
	loc    *loc
}

func newExporter(l *loc, name string, window func() fyne.Window, status *widget.Label, result func() (results.Result, results.Figure)) *exporter {
	e := &exporter{name: name, result: result, window: window, status: status, loc: l}
	e.Button = widget.NewButton(l.T("export.button"), e.ask)
	return e
}

func (e *exporter) ask() {
	w := e.window()
	if w == nil {
		return
	}
	dialog.ShowFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			return
		}
		// Rendering and writing take a moment: off the UI goroutine.
		e.status.SetText(e.loc.T("export.busy"))
		go func() {
			if err := e.exportTo(dir.Path()); err != nil {
				fyne.Do(func() { dialog.ShowError(err, w) })
			}
		}()
	}, w)
}

// exportTo writes the files into dir and reports them in the status line
// (through fyne.Do: it runs on a worker goroutine).
func (e *exporter) exportTo(dir string) error {
	res, fig := e.result()
	if res == nil || fig == nil {
		return errors.New(e.loc.T("export.nothing"))
	}
	files, err := results.WriteSet(context.Background(), dir, results.Set{Name: e.name, Result: res, Figure: fig, Lang: e.loc.fig,
		Formats: plot.Formats(), DPI: plot.DefaultDPI, Manifest: manifestOf(res)})
	if err != nil {
		return errors.New(e.loc.T("export.failed", err))
	}
	fyne.Do(func() { e.status.SetText(e.loc.T("export.done", strings.Join(files, ", "))) })
	return nil
}

// manifestOf describes the run of res: its config's seed and workers (0
// for a result without them), this build and machine.
func manifestOf(res results.Result) *results.Manifest {
	var run struct {
		Config struct {
			Seed    uint64 `json:"seed"`
			Workers int    `json:"workers"`
		} `json:"config"`
	}
	if b, err := json.Marshal(res); err == nil {
		_ = json.Unmarshal(b, &run) // a result without a config: zeros
	}
	return results.NewManifest(run.Config.Seed, run.Config.Workers)
}
