package lab

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/report"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

// SweepScreen fills two heat maps, BN and plain, of final training
// accuracy over initial weight scale σ × learning rate, cell by cell.
type SweepScreen struct {
	*experimentTab[experiment.SweepConfig, *experiment.SweepResult, experiment.SweepEvent]
	Sigmas, LRs, Steps *field
}

func newSweepScreen(l *loc, data func() (*mnist.Data, error), window func() fyne.Window) *SweepScreen {
	s := &SweepScreen{}
	s.experimentTab = newExperimentTab(l, tabSpec[experiment.SweepConfig, *experiment.SweepResult, experiment.SweepEvent]{
		name: "sweep", reset: "reset.spec11", guide: "guide.sw", book: experiment.BookSweepConfig,
		withData:  func(c experiment.SweepConfig, d *mnist.Data) experiment.SweepConfig { c.Data = d; return c },
		newResult: experiment.NewSweepResult, execute: experiment.Sweep, figure: report.Sweep,
	}, data, window, s.fill, s.config)
	s.Sigmas = newField("", l.floats)
	s.LRs = newField("", l.floats)
	s.Steps = newField("", l.positiveInt(100000))
	s.fill(experiment.BookSweepConfig())
	return s
}

// fill shows cfg in the fields and keeps the rest of it as the base.
func (s *SweepScreen) fill(cfg experiment.SweepConfig) {
	s.Base = cfg
	s.Sigmas.Entry.SetText(formatList(cfg.Sigmas))
	s.LRs.Entry.SetText(formatList(cfg.LearningRates))
	s.Steps.Entry.SetText(strconv.Itoa(cfg.Steps))
	s.Seed.SetText(strconv.FormatUint(cfg.Seed, 10))
	s.Help.SetText(s.loc.T("sw.help", report.Architecture(cfg.Hidden), cfg.Samples, cfg.Steps))
}

func (s *SweepScreen) object() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(s.loc.T("form.sigmas"), s.Sigmas.row()),
		widget.NewFormItem(s.loc.T("form.lrs"), s.LRs.row()),
		widget.NewFormItem(s.loc.T("form.steps"), s.Steps.row()),
		widget.NewFormItem("", buttonRow(s.Reset, s.Export.Button, s.Config.Save, s.Config.Load)),
	)
	return screenLayout(s.loc, s.Help, s.Guide, form, s.runner.object(), s.View)
}

// config reads the fields over the base, or reports which is wrong. An
// unedited list stands for the exact values it shows rounded.
func (s *SweepScreen) config() (experiment.SweepConfig, error) {
	seed, ok := s.seed()
	if !s.Sigmas.valid() || !s.LRs.valid() || !s.Steps.valid() || !ok {
		return experiment.SweepConfig{}, errors.New(s.loc.T("check.fix"))
	}
	cfg := s.Base
	if s.Sigmas.Entry.Text != formatList(s.Base.Sigmas) {
		cfg.Sigmas, _ = floatList(s.Sigmas.Entry.Text)
	}
	if s.LRs.Entry.Text != formatList(s.Base.LearningRates) {
		cfg.LearningRates, _ = floatList(s.LRs.Entry.Text)
	}
	cfg.Steps, cfg.Seed = atoi(s.Steps.Entry.Text), seed
	return cfg, nil
}
