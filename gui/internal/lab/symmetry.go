package lab

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/report"
	"zerokara/gui/internal/textlist"
	"zerokara/net"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

// SymmetryScreen trains one network per initializer and shows whether the
// neurons of each layer stay alike (the slides' claim about constant
// init), with the loss, the distinct-neuron counts and W as a heat map.
type SymmetryScreen struct {
	*experimentTab[experiment.SymmetryConfig, *experiment.SymmetryResult, experiment.SymmetryEvent]
	Iterations, LR, Inits *field
}

func newSymmetryScreen(l *loc, data func() (*mnist.Data, error), window func() fyne.Window) *SymmetryScreen {
	s := &SymmetryScreen{}
	s.experimentTab = newExperimentTab(l, tabSpec[experiment.SymmetryConfig, *experiment.SymmetryResult, experiment.SymmetryEvent]{
		name: "symmetry", reset: "reset.spec10", guide: "guide.sym", book: experiment.BookSymmetryConfig,
		withData:  func(c experiment.SymmetryConfig, d *mnist.Data) experiment.SymmetryConfig { c.Data = d; return c },
		newResult: experiment.NewSymmetryResult, execute: experiment.Symmetry, figure: report.Symmetry,
	}, data, window, s.fill, s.config)
	s.Iterations = newField("", l.positiveInt(100000))
	s.LR = newField("", l.nonNegative)
	s.Inits = newField("", l.list(parseInits))
	s.fill(experiment.BookSymmetryConfig())
	return s
}

// fill shows cfg in the fields and keeps the rest of it as the base.
func (s *SymmetryScreen) fill(cfg experiment.SymmetryConfig) {
	s.Base = cfg
	s.Iterations.Entry.SetText(strconv.Itoa(cfg.Iterations))
	s.LR.Entry.SetText(strconv.FormatFloat(cfg.LR, 'g', -1, 64))
	s.Inits.Entry.SetText(textlist.Format(cfg.Inits))
	s.Seed.SetText(strconv.FormatUint(cfg.Seed, 10))
	s.Help.SetText(s.loc.T("sym.help", report.Architecture(cfg.Hidden), cfg.Activation, cfg.Optimizer, cfg.LR, cfg.Batch, cfg.Every))
}

func (s *SymmetryScreen) object() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(s.loc.T("form.inits"), s.Inits.row()),
		widget.NewFormItem(s.loc.T("form.iterations"), s.Iterations.row()),
		widget.NewFormItem(s.loc.T("form.lr"), s.LR.row()),
		widget.NewFormItem("", buttonRow(s.Reset, s.Export.Button, s.Config.Save, s.Config.Load)),
	)
	return screenLayout(s.loc, s.Help, s.Guide, form, s.runner.object(), s.View)
}

// config reads the fields over the base, or reports which is wrong.
func (s *SymmetryScreen) config() (experiment.SymmetryConfig, error) {
	seed, ok := s.seed()
	if !s.Iterations.valid() || !s.LR.valid() || !s.Inits.valid() || !ok {
		return experiment.SymmetryConfig{}, errors.New(s.loc.T("check.fix"))
	}
	cfg := s.Base
	cfg.Inits, _ = textlist.Parse[net.Init](s.Inits.Entry.Text)
	cfg.Iterations, cfg.LR, cfg.Seed = atoi(s.Iterations.Entry.Text), atof(s.LR.Entry.Text), seed
	return cfg, nil
}
