package lab

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/report"
	"zerokara/gui/internal/textlist"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

// OverfitScreen runs the book's overfitting experiment (§6.4) with its
// regularisers side by side and draws train and test accuracy as they
// form.
type OverfitScreen struct {
	*experimentTab[experiment.OverfitConfig, *experiment.OverfitResult, experiment.OverfitEvent]
	Epochs, Samples, Decay, Dropout, Variants *field
}

func newOverfitScreen(l *loc, data func() (*mnist.Data, error), window func() fyne.Window) *OverfitScreen {
	s := &OverfitScreen{}
	s.experimentTab = newExperimentTab(l, tabSpec[experiment.OverfitConfig, *experiment.OverfitResult, experiment.OverfitEvent]{
		name: "overfit", reset: "reset.book", guide: "guide.of", book: experiment.BookOverfitConfig,
		withData:  func(c experiment.OverfitConfig, d *mnist.Data) experiment.OverfitConfig { c.Data = d; return c },
		newResult: experiment.NewOverfitResult, execute: experiment.Overfit, figure: report.Overfit,
	}, data, window, s.fill, s.config)
	s.Epochs = newField("", l.positiveInt(10000))
	s.Samples = newField("", l.positiveInt(60000))
	s.Decay = newField("", l.nonNegative)
	s.Dropout = newField("", l.ratio)
	s.Variants = newField("", l.list(func(t string) error {
		_, err := textlist.Parse[experiment.OverfitVariant](t)
		return err
	}))
	s.fill(experiment.BookOverfitConfig())
	return s
}

// fill shows cfg in the fields and keeps the rest of it as the base.
func (s *OverfitScreen) fill(cfg experiment.OverfitConfig) {
	s.Base = cfg
	s.Epochs.Entry.SetText(strconv.Itoa(cfg.Epochs))
	s.Samples.Entry.SetText(strconv.Itoa(cfg.Samples))
	s.Decay.Entry.SetText(strconv.FormatFloat(cfg.WeightDecay, 'g', -1, 64))
	s.Dropout.Entry.SetText(strconv.FormatFloat(cfg.DropoutRatio, 'g', -1, 64))
	s.Variants.Entry.SetText(textlist.Format(cfg.Variants))
	s.Seed.SetText(strconv.FormatUint(cfg.Seed, 10))
	s.Help.SetText(s.loc.T("of.help", report.Architecture(cfg.Hidden), cfg.Activation, cfg.Init, cfg.Samples, cfg.DropoutEpochs, cfg.Epochs))
}

func (s *OverfitScreen) object() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem(s.loc.T("form.variants"), s.Variants.row()),
		widget.NewFormItem(s.loc.T("form.epochs"), s.Epochs.row()),
		widget.NewFormItem(s.loc.T("form.samples"), s.Samples.row()),
		widget.NewFormItem(s.loc.T("form.decay"), s.Decay.row()),
		widget.NewFormItem(s.loc.T("form.dropout"), s.Dropout.row()),
		widget.NewFormItem("", buttonRow(s.Reset, s.Export.Button, s.Config.Save, s.Config.Load)),
	)
	return screenLayout(s.loc, s.Help, s.Guide, form, s.runner.object(), s.View)
}

// config reads the fields over the base, or reports which is wrong.
func (s *OverfitScreen) config() (experiment.OverfitConfig, error) {
	seed, ok := s.seed()
	if !s.Epochs.valid() || !s.Samples.valid() || !s.Decay.valid() || !s.Dropout.valid() || !s.Variants.valid() || !ok {
		return experiment.OverfitConfig{}, errors.New(s.loc.T("check.fix"))
	}
	cfg := s.Base
	epochs := atoi(s.Epochs.Entry.Text)
	cfg.DropoutEpochs += epochs - cfg.Epochs // keep the book's dropout lead
	cfg.DropoutEpochs = max(cfg.DropoutEpochs, 1)
	cfg.Epochs, cfg.Samples, cfg.Seed = epochs, atoi(s.Samples.Entry.Text), seed
	cfg.WeightDecay, cfg.DropoutRatio = atof(s.Decay.Entry.Text), atof(s.Dropout.Entry.Text)
	cfg.Variants, _ = textlist.Parse[experiment.OverfitVariant](s.Variants.Entry.Text)
	return cfg, nil
}
