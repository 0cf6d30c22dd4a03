package lab

import (
	"context"
	"encoding/json"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/gui/internal/results"
	"zerokara/net/mnist"
)

// tabSpec describes one experiment to its tab: how to start from the
// book's setup, hand it the data, run it and draw it.
type tabSpec[C any, R partialResult[R, E], E event] struct {
	name      string // of the exported files
	reset     string // the reset button's label (a key)
	book      func() C
	withData  func(C, *mnist.Data) C
	newResult func(C) (R, error)
	execute   func(context.Context, C, func(E)) (R, error)
	figure    func(R, *i18n.Localizer) *plot.Figure
	guide     string // the guide's key
}

// experimentTab is what every experiment tab shares: Run/Stop and
// progress, the live result and its figure, export, config save/load and
// the reset to the book's setup. A screen adds its fields: fill shows a
// config in them, read turns them back into one (over Base, which keeps
// what the form does not show).
type experimentTab[C any, R partialResult[R, E], E event] struct {
	*runner
	Reset  *widget.Button
	Help   *widget.Label
	Guide  string // the guide's text
	View   *plot.View
	Export *exporter
	Config *configIO
	Err    error // the last run's error, for tests
	// Base holds the settings of the last reset or loaded config.
	Base C

	spec tabSpec[C, R, E]
	loc  *loc
	data func() (*mnist.Data, error)
	fill func(C)
	read func() (C, error)
	draw func(R) // the live figure; default: View shows spec.figure
	live live[R, E]
}

func newExperimentTab[C any, R partialResult[R, E], E event](l *loc, spec tabSpec[C, R, E], data func() (*mnist.Data, error),
	window func() fyne.Window, fill func(C), read func() (C, error)) *experimentTab[C, R, E] {
	t := &experimentTab[C, R, E]{spec: spec, loc: l, data: data, fill: fill, read: read, View: plot.NewView(), Help: widget.NewLabel(""),
		Guide: l.T(spec.guide)}
	t.draw = func(r R) { t.View.SetFigure(spec.figure(r, l.fig)) }
	t.runner = newRunner(l, t.run)
	t.Export = newExporter(l, spec.name, window, t.Status, func() (results.Result, results.Figure) {
		res, ok := t.live.last()
		if !ok {
			return nil, nil
		}
		return any(res).(results.Result), func(tr *i18n.Localizer) *plot.Figure { return spec.figure(res, tr) }
	})
	t.Config = newConfigIO(l, window, t.Status, func() (any, error) { return t.read() }, t.setConfig)
	t.Reset = widget.NewButton(l.T(spec.reset), func() { t.fill(spec.book()) })
	return t
}

// adopt shows old's last complete result, which export then writes (a
// language switch replaces the tab).
func (t *experimentTab[C, R, E]) adopt(old *experimentTab[C, R, E]) {
	if res, ok := t.live.adopt(&old.live); ok {
		t.draw(res)
	}
}

// setConfig fills the fields from a JSON config over the book's setup:
// what the file leaves out keeps the book's value.
func (t *experimentTab[C, R, E]) setConfig(b []byte) error {
	cfg := t.spec.book()
	if err := json.Unmarshal(b, &cfg); err != nil {
		return err
	}
	t.fill(t.spec.withData(cfg, nil))
	return nil
}

// run starts the experiment with the fields' settings, or says which
// field is wrong.
func (t *experimentTab[C, R, E]) run() {
	cfg, err := t.read()
	if err != nil {
		t.Status.SetText(err.Error())
		return
	}
	run(t.runner, &t.live, func() (C, error) {
		data, err := t.data()
		return t.spec.withData(cfg, data), err
	}, t.spec.newResult, t.spec.execute, func(r R) { t.draw(r) }, func(err error) { t.Err = err })
}
