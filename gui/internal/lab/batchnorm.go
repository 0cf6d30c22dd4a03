package lab

import (
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

// BatchNormScreen runs the Batch Normalization experiment and draws its
// 4×4 grid as the accuracies arrive.
type BatchNormScreen struct {
	*experimentTab[experiment.BatchNormConfig, *experiment.BatchNormResult, experiment.BatchNormEvent]
	Sigmas, Points, LR *field
	Optimizer, DType   *widget.Select
	RunningVarOne      *widget.Check
	TrainMode          *widget.Check
}

func newBatchNormScreen(l *loc, data func() (*mnist.Data, error), window func() fyne.Window) *BatchNormScreen {
	s := &BatchNormScreen{}
	s.experimentTab = newExperimentTab(l, tabSpec[experiment.BatchNormConfig, *experiment.BatchNormResult, experiment.BatchNormEvent]{
		name: "batchnorm", reset: "reset.book", guide: "guide.bn", book: experiment.BookBatchNormConfig,
		withData:  func(c experiment.BatchNormConfig, d *mnist.Data) experiment.BatchNormConfig { c.Data = d; return c },
		newResult: experiment.NewBatchNormResult, execute: experiment.BatchNorm, figure: report.BatchNorm,
	}, data, window, s.fill, s.config)
	s.Sigmas = newField("", l.floats)
	s.Points = newField("", l.positiveInt(1000))
	s.LR = newField("", l.nonNegative)
	s.Optimizer = widget.NewSelect(textlist.Texts(net.OptimizerNames()), nil)
	s.DType = widget.NewSelect(textlist.Texts([]experiment.DType{experiment.Float32, experiment.Float64}), nil)
	s.RunningVarOne = widget.NewCheck(l.T("bn.runningvar"), nil)
	s.TrainMode = widget.NewCheck(l.T("bn.trainmode"), nil)
	s.fill(experiment.BookBatchNormConfig())
	return s
}

// fill shows cfg in the fields and keeps the rest of it as the base.
func (s *BatchNormScreen) fill(cfg experiment.BatchNormConfig) {
	s.Base = cfg
	s.Sigmas.Entry.SetText(formatList(cfg.Sigmas))
	s.Points.Entry.SetText(strconv.Itoa(cfg.Points))
	s.LR.Entry.SetText(strconv.FormatFloat(cfg.LR, 'g', -1, 64))
	s.Optimizer.SetSelected(string(cfg.Optimizer))
	s.DType.SetSelected(string(cfg.DType))
	s.RunningVarOne.SetChecked(cfg.BN.RunningVarOne)
	s.TrainMode.SetChecked(cfg.TrainModeAccuracy)
	s.Seed.SetText(strconv.FormatUint(cfg.Seed, 10))
	s.Help.SetText(s.loc.T("bn.help", cfg.Samples, report.Architecture(cfg.Hidden)))
}

func (s *BatchNormScreen) object() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(s.loc.T("form.sigmas"), container.NewBorder(nil, s.Sigmas.Error, nil, nil, s.Sigmas.Entry)),
		widget.NewFormItem(s.loc.T("form.points"), container.NewHBox(container.NewGridWrap(fyne.NewSize(80, 36), s.Points.Entry), s.Points.Error)),
		widget.NewFormItem(s.loc.T("form.lr"), container.NewHBox(container.NewGridWrap(fyne.NewSize(80, 36), s.LR.Entry), s.LR.Error, s.Optimizer, s.DType)),
		widget.NewFormItem("", container.NewHBox(s.RunningVarOne, s.TrainMode)),
		widget.NewFormItem("", container.NewHBox(s.Reset, s.Export.Button, s.Config.Save, s.Config.Load)),
	)
	return screenLayout(s.loc, s.Help, s.Guide, form, s.runner.object(), s.View)
}

// config reads the settings from the fields over the base, or reports
// which is wrong.
func (s *BatchNormScreen) config() (experiment.BatchNormConfig, error) {
	seed, ok := s.seed()
	if !s.Sigmas.valid() || !s.Points.valid() || !s.LR.valid() || !ok {
		return experiment.BatchNormConfig{}, errors.New(s.loc.T("check.fix"))
	}
	cfg := s.Base
	// The field shows σ to 5 digits; unedited, it stands for the exact
	// values (the book's logspace is not 5-digit round).
	if s.Sigmas.Entry.Text != formatList(s.Base.Sigmas) {
		cfg.Sigmas, _ = floatList(s.Sigmas.Entry.Text)
	}
	cfg.Points, cfg.LR, cfg.Seed = atoi(s.Points.Entry.Text), atof(s.LR.Entry.Text), seed
	cfg.BN.RunningVarOne, cfg.TrainModeAccuracy = s.RunningVarOne.Checked, s.TrainMode.Checked
	if err := cfg.Optimizer.UnmarshalText([]byte(s.Optimizer.Selected)); err != nil {
		return cfg, err
	}
	if err := cfg.DType.UnmarshalText([]byte(s.DType.Selected)); err != nil {
		return cfg, err
	}
	return cfg, nil
}
