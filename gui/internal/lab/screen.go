package lab

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/gui/internal/report"
	"zerokara/gui/internal/results"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

// ExperimentScreen is the tab of one experiment, built from its
// description: the settings form (one field per setting, checked as
// typed), Run/Stop and progress, the live figure with its options,
// export, config save/load and the reset to the book's setup. Its exported
// fields are what tests drive.
type ExperimentScreen struct {
	*runner
	Desc  *experiment.Description
	Form  *settingsForm
	Reset *widget.Button
	Help  *widget.Label
	Guide string // the guide's text
	View  *plot.View
	// FigureOptions are the figure's choices (e.g. raw curves), by name.
	FigureOptions map[string]*widget.Check
	Export        *exporter
	Config        *configIO
	Err           error // the last run's error, for tests

	loc  *loc
	data func(context.Context) (*mnist.Data, error)
	live live[experiment.Partial, experiment.Event]
	opts report.Options
}

// memoryBudget is the estimated memory above which the window refuses a
// run: the experiments' fixed default, as the headless runner's (tests
// lift it to reach the fields' own limits).
var memoryBudget = experiment.DefaultMemoryBudget

func newExperimentScreen(l *loc, d *experiment.Description, data func(context.Context) (*mnist.Data, error), window func() fyne.Window) *ExperimentScreen {
	s := &ExperimentScreen{Desc: d, loc: l, data: data, View: plot.NewView(), Help: widget.NewLabel(l.T("help." + d.Name)),
		Guide: l.T("guide." + d.Name), FigureOptions: map[string]*widget.Check{}}
	s.runner = newRunner(l, s.run)
	s.Form = newSettingsForm(l, d)
	s.Export = newExporter(l, d.Name, window, s.Status, s.lastResult)
	s.Config = newConfigIO(l, d, window, s.Status, s.config, s.setConfig)
	s.Reset = widget.NewButton(l.T("reset.book"), func() { s.fill(d.Book()) })
	for _, name := range report.OptionNames(d.Name) {
		s.FigureOptions[name] = widget.NewCheck(l.T("figopt."+name), func(bool) { s.redraw() })
	}
	s.fill(d.Book())
	s.drawEmpty()
	return s
}

// fill shows cfg in the form and the seed field.
func (s *ExperimentScreen) fill(cfg experiment.Config) {
	s.Form.fill(cfg)
	if seed, err := s.Desc.Text(cfg, "seed"); err == nil {
		s.Seed.SetText(seed)
	}
}

// setConfig fills the form from a config file's bytes (checked as the
// headless runner checks -config).
func (s *ExperimentScreen) setConfig(b []byte) error {
	cfg, err := s.Desc.DecodeConfig(b, memoryBudget)
	if err != nil {
		return err
	}
	s.fill(cfg)
	return nil
}

// config reads the form and the seed, or says what is wrong.
func (s *ExperimentScreen) config() (experiment.Config, error) {
	cfg, err := s.Form.config()
	if err != nil {
		return nil, err
	}
	seed, ok := s.seed()
	if !ok {
		return nil, errors.New(s.loc.T("check.fix"))
	}
	if cfg, err = s.Desc.Set(cfg, "seed", fmt.Sprint(seed)); err != nil {
		return nil, err
	}
	if err := s.Desc.Check(cfg, memoryBudget); err != nil {
		return nil, err
	}
	return cfg, nil
}

// object lays the tab out.
func (s *ExperimentScreen) object() fyne.CanvasObject {
	buttons := []fyne.CanvasObject{s.Reset, s.Config.Save, s.Config.Load}
	for _, name := range report.OptionNames(s.Desc.Name) {
		buttons = append(buttons, s.FigureOptions[name])
	}
	settings := container.NewVBox(s.Form.object(), container.NewHBox(buttons...))
	controls := container.NewVBox(container.NewHBox(s.runner.Run, s.runner.Stop, s.Export.Button, s.runner.seedRow()), s.Progress, s.Status)
	var figure fyne.CanvasObject = s.View
	if extend, ok := tabExtensions[s.Desc.Name]; ok {
		figure = extend(s, figure)
	}
	return screenLayout(s.loc, s.Help, s.Guide, settings, controls, figure)
}

// tabExtensions add to an experiment's generic tab what it cannot offer
// (e.g. a plot that answers clicks), by experiment name: a tab file
// registers its own from an init function. The function gets the screen
// and its figure and returns what fills the figure's place.
var tabExtensions = map[string]func(s *ExperimentScreen, figure fyne.CanvasObject) fyne.CanvasObject{}

// run starts the experiment with the form's settings, or says what is
// wrong. A panic in the run ends it with an error; the window stays.
func (s *ExperimentScreen) run() {
	cfg, err := s.config()
	if err != nil {
		s.Status.SetText(err.Error())
		return
	}
	s.runner.start(func(ctx context.Context, work func(experiment.Work)) (err error) {
		defer recoverAsError(&err)
		if s.Desc.UsesMNIST {
			data, err := s.data(ctx)
			if err != nil {
				return err
			}
			cfg = s.Desc.WithData(cfg, data)
			if err := s.Desc.CheckData(cfg); err != nil {
				return err
			}
		}
		partial, err := s.Desc.NewPartial(cfg)
		if err != nil {
			return err
		}
		s.live.begin(partial)
		res, err := s.Desc.Run(ctx, cfg, func(e experiment.Event) {
			s.live.apply(e)
			work(e.Progress())
		})
		if err == nil {
			s.live.keep(res)
		}
		return err
	}, func() {
		if snap, ok := s.live.snapshot(); ok {
			s.draw(snap)
		}
	}, func(err error) { s.Err = err })
}

// draw shows a result (partial or complete) with the figure options.
func (s *ExperimentScreen) draw(r experiment.Partial) {
	fig, err := s.figure(r, s.loc.fig)
	if err != nil {
		s.Status.SetText(s.loc.T("run.error", err))
		return
	}
	s.View.SetFigure(fig)
}

// figure draws r in tr's language; a panic while building it is an error.
func (s *ExperimentScreen) figure(r experiment.Partial, tr *i18n.Localizer) (fig *plot.Figure, err error) {
	defer recoverAsError(&err)
	opts := report.Options{}
	for name, c := range s.FigureOptions {
		opts = opts.With(name, c.Checked)
	}
	return report.Figure(s.Desc.Name, r.Typed(), opts, tr)
}

// drawEmpty shows the book's setup as empty axes before the first run.
// An empty result reads no data, but the experiments check that data is
// attached before they make one: a stand-in of MNIST's sizes serves.
func (s *ExperimentScreen) drawEmpty() {
	stand := &mnist.Data{Train: mnist.Set{N: 60000, Rows: 28, Cols: 28}, Test: mnist.Set{N: 10000, Rows: 28, Cols: 28}}
	if p, err := s.Desc.NewPartial(s.Desc.WithData(s.Desc.Book(), stand)); err == nil {
		s.draw(p)
	}
}

// redraw draws the last result again (a figure option changed).
func (s *ExperimentScreen) redraw() {
	if snap, ok := s.live.snapshot(); ok {
		s.draw(snap)
	}
}

// lastResult is the last complete result and its figure, for export.
func (s *ExperimentScreen) lastResult() (results.Result, results.Figure) {
	res, ok := s.live.last()
	if !ok {
		return nil, nil
	}
	return res, func(tr *i18n.Localizer) *plot.Figure {
		fig, err := s.figure(res, tr)
		if err != nil {
			return report.ErrorFigure(err)
		}
		return fig
	}
}

// adopt shows old's last complete result, which export then writes (a
// language switch replaces the tab).
func (s *ExperimentScreen) adopt(old *ExperimentScreen) {
	if res, ok := s.live.adopt(&old.live); ok {
		s.draw(res)
	}
}

// recoverAsError turns a panic into *err (deferred).
func recoverAsError(err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("internal error: %v", p) // i18n:ignore (a bug report, shown inside run.error)
	}
}
