package report

import (
	"fmt"
	"slices"

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
	// Raw draws the loss of every step instead of the book's smoothed
	// curve (initcompare).
	Raw bool
}

// With returns o with the option called name ("fit", "raw") set to on;
// other names leave it as it is.
func (o Options) With(name string, on bool) Options {
	switch name {
	case "fit":
		o.Fit = on
	case "raw":
		o.Raw = on
	}
	return o
}

var optionNames = map[string][]string{}

// OptionNames returns the names of the options the figure of the
// experiment called name takes (Options.With).
func OptionNames(name string) []string { return optionNames[name] }

// Drawer draws an experiment's result (its typed result, e.g.
// *experiment.OverfitResult) in a language.
type Drawer func(result any, opt Options, tr *i18n.Localizer) (*plot.Figure, error)

var figures = map[string]Drawer{}

// register adds the figure of the experiment called name (each figure
// file registers its own).
func register[R any](name string, draw func(R, Options, *i18n.Localizer) *plot.Figure, options ...string) {
	if _, dup := figures[name]; dup {
		panic("report: figure " + name + " registered twice")
	}
	optionNames[name] = options
	figures[name] = func(result any, opt Options, tr *i18n.Localizer) (*plot.Figure, error) {
		r, ok := result.(R)
		if !ok {
			return nil, fmt.Errorf("report: %s: cannot draw a %T", name, result) // i18n:ignore (a bug, shown inside run.error)
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
		return nil, fmt.Errorf("report: no figure for experiment %q", name) // i18n:ignore (a bug, shown inside run.error)
	}
	return draw(result, opt, tr)
}

// Has reports whether the experiment called name has a figure.
func Has(name string) bool { _, ok := figures[name]; return ok }

// The figures of §6.2–6.4, whose files predate the registry.
func init() {
	register("activations", func(r *experiment.ActivationsResult, o Options, tr *i18n.Localizer) *plot.Figure {
		return Activations(r, o.Fit, tr)
	}, "fit")
	register("initcompare", func(r *experiment.InitCompareResult, o Options, tr *i18n.Localizer) *plot.Figure {
		if o.Raw {
			raw := *r
			raw.Series = slices.Clone(r.Series)
			for i := range raw.Series {
				raw.Series[i].Smoothed = raw.Series[i].Loss
			}
			r = &raw
		}
		return InitCompare(r, tr)
	}, "raw")
	register("batchnorm", ignoreOptions(BatchNorm))
	register("symmetry", ignoreOptions(Symmetry))
	register("overfit", ignoreOptions(Overfit))
	register("sweep", ignoreOptions(Sweep))
}

// ignoreOptions adapts a figure without options.
func ignoreOptions[R any](draw func(R, *i18n.Localizer) *plot.Figure) func(R, Options, *i18n.Localizer) *plot.Figure {
	return func(r R, _ Options, tr *i18n.Localizer) *plot.Figure { return draw(r, tr) }
}

// ErrorFigure is a figure that only says err (a figure that could not be
// drawn, in an export).
func ErrorFigure(err error) *plot.Figure {
	return &plot.Figure{Title: err.Error()}
}
