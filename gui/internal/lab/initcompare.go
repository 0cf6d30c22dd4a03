package lab

import (
	"encoding"
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/report"
	"zerokara/gui/internal/textlist"
	"zerokara/net"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

// InitCompareScreen trains one network per initializer on MNIST and draws
// the loss curves as they form.
type InitCompareScreen struct {
	*experimentTab[experiment.InitCompareConfig, *experiment.InitCompareResult, experiment.InitCompareEvent]
	Iterations, Batch, LR, Inits *field
	Optimizer, Activation, DType *widget.Select
	Raw                          *widget.Check
}

func newInitCompareScreen(l *loc, data func() (*mnist.Data, error), window func() fyne.Window) *InitCompareScreen {
	s := &InitCompareScreen{}
	s.experimentTab = newExperimentTab(l, tabSpec[experiment.InitCompareConfig, *experiment.InitCompareResult, experiment.InitCompareEvent]{
		name: "initcompare", reset: "reset.book", guide: "guide.ic", book: experiment.BookInitCompareConfig,
		withData:  func(c experiment.InitCompareConfig, d *mnist.Data) experiment.InitCompareConfig { c.Data = d; return c },
		newResult: experiment.NewInitCompareResult, execute: experiment.InitCompare, figure: report.InitCompare,
	}, data, window, s.fill, s.config)
	s.draw = s.drawLive
	s.Iterations = newField("", l.positiveInt(100000))
	s.Batch = newField("", l.positiveInt(10000))
	s.LR = newField("", l.nonNegative)
	s.Inits = newField("", l.list(parseInits))
	s.Optimizer = widget.NewSelect(textlist.Texts(net.OptimizerNames()), nil)
	s.Activation = widget.NewSelect(textlist.Texts(net.Activations()), nil)
	s.DType = widget.NewSelect(textlist.Texts([]experiment.DType{experiment.Float32, experiment.Float64}), nil)
	s.Raw = widget.NewCheck(l.T("ic.raw"), func(bool) { s.redraw() })
	s.fill(experiment.BookInitCompareConfig())
	return s
}

// parseInits checks a list of initializers (std=σ, xavier, he, …).
func parseInits(t string) error {
	_, err := textlist.Parse[net.Init](t)
	return err
}

// fill shows cfg in the fields and keeps the rest of it as the base.
func (s *InitCompareScreen) fill(cfg experiment.InitCompareConfig) {
	s.Base = cfg
	s.Iterations.Entry.SetText(strconv.Itoa(cfg.Iterations))
	s.Batch.Entry.SetText(strconv.Itoa(cfg.Batch))
	s.LR.Entry.SetText(strconv.FormatFloat(cfg.LR, 'g', -1, 64))
	s.Inits.Entry.SetText(textlist.Format(cfg.Inits))
	s.Optimizer.SetSelected(string(cfg.Optimizer))
	s.Activation.SetSelected(string(cfg.Activation))
	s.DType.SetSelected(string(cfg.DType))
	s.Seed.SetText(strconv.FormatUint(cfg.Seed, 10))
	s.Help.SetText(s.loc.T("ic.help", report.Architecture(cfg.Hidden)))
}

func (s *InitCompareScreen) object() fyne.CanvasObject {
	small := func(f *field) fyne.CanvasObject {
		return container.NewHBox(container.NewGridWrap(fyne.NewSize(80, 36), f.Entry), f.Error)
	}
	form := widget.NewForm(
		widget.NewFormItem(s.loc.T("form.inits"), container.NewBorder(nil, s.Inits.Error, nil, nil, s.Inits.Entry)),
		widget.NewFormItem(s.loc.T("form.iterations"), small(s.Iterations)),
		widget.NewFormItem(s.loc.T("form.batch"), small(s.Batch)),
		widget.NewFormItem(s.loc.T("form.lr"), container.NewHBox(small(s.LR), s.Optimizer, s.Activation, s.DType)),
		widget.NewFormItem("", container.NewHBox(s.Raw, s.Reset, s.Export.Button, s.Config.Save, s.Config.Load)),
	)
	return screenLayout(s.loc, s.Help, s.Guide, form, s.runner.object(), s.View)
}

// config reads the settings from the fields over the base, or reports
// which is wrong.
func (s *InitCompareScreen) config() (experiment.InitCompareConfig, error) {
	seed, ok := s.seed()
	valid := s.Iterations.valid() && s.Batch.valid() && s.LR.valid() && s.Inits.valid()
	if !valid || !ok {
		return experiment.InitCompareConfig{}, errors.New(s.loc.T("check.fix"))
	}
	cfg := s.Base
	cfg.Inits, _ = textlist.Parse[net.Init](s.Inits.Entry.Text)
	cfg.Iterations, cfg.Batch, cfg.LR, cfg.Seed = atoi(s.Iterations.Entry.Text), atoi(s.Batch.Entry.Text), atof(s.LR.Entry.Text), seed
	for _, sel := range []struct {
		text string
		dst  encoding.TextUnmarshaler
	}{{s.Optimizer.Selected, &cfg.Optimizer}, {s.Activation.Selected, &cfg.Activation}, {s.DType.Selected, &cfg.DType}} {
		if err := sel.dst.UnmarshalText([]byte(sel.text)); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

// redraw shows the curves so far again (the Raw check changed).
func (s *InitCompareScreen) redraw() {
	if snap, ok := s.live.snapshot(); ok {
		s.drawLive(snap)
	}
}

// drawLive shows a snapshot, smoothed as the book's unless Raw.
func (s *InitCompareScreen) drawLive(r *experiment.InitCompareResult) {
	if s.Raw.Checked {
		for i := range r.Series {
			r.Series[i].Smoothed = r.Series[i].Loss
		}
	}
	s.View.SetFigure(report.InitCompare(r, s.loc.fig))
}
