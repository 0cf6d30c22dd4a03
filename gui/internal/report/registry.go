package report

import (
	"fmt"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/net/experiment"
)

// Options are the figure choices that are not part of an experiment's
// config (they change the picture, not the run).
type Options struct {
	// Fit draws each activation histogram over the activation's own range
	// instead of the book's [0, 1] (activations).
	Fit bool
}

// Drawer draws an experiment's result (its typed result, e.g.
// *experiment.OverfitResult) in a language.
type Drawer func(result any, opt Options, tr *i18n.Localizer) (*plot.Figure, error)

var figures = map[string]Drawer{}

// register adds the figure of the experiment called name (each figure
// file registers its own).
func register[R any](name string, draw func(R, Options, *i18n.Localizer) *plot.Figure) {
	if _, dup := figures[name]; dup {
		panic("report: figure " + name + " registered twice")
	}
	figures[name] = func(result any, opt Options, tr *i18n.Localizer) (*plot.Figure, error) {
		r, ok := result.(R)
		if !ok {
			return nil, fmt.Errorf("report: %s: cannot draw a %T", name, result)
		}
		return draw(r, opt, tr), nil
	}
}

// Figure draws the result of a run of the experiment called name (a
// Partial's typed result). An experiment without a registered figure is
// an error.
func Figure(name string, result any, opt Options, tr *i18n.Localizer) (*plot.Figure, error) {
	draw, ok := figures[name]
	if !ok {
		return nil, fmt.Errorf("report: no figure for experiment %q", name)
	}
	return draw(result, opt, tr)
}

// Has reports whether the experiment called name has a figure.
func Has(name string) bool { _, ok := figures[name]; return ok }

// The figures of §6.2–6.4, whose files predate the registry.
func init() {
	register("activations", func(r *experiment.ActivationsResult, o Options, tr *i18n.Localizer) *plot.Figure {
		return Activations(r, o.Fit, tr)
	})
	register("initcompare", ignoreOptions(InitCompare))
	register("batchnorm", ignoreOptions(BatchNorm))
	register("symmetry", ignoreOptions(Symmetry))
	register("overfit", ignoreOptions(Overfit))
	register("sweep", ignoreOptions(Sweep))
}

// ignoreOptions adapts a figure without options.
func ignoreOptions[R any](draw func(R, *i18n.Localizer) *plot.Figure) func(R, Options, *i18n.Localizer) *plot.Figure {
	return func(r R, _ Options, tr *i18n.Localizer) *plot.Figure { return draw(r, tr) }
}
