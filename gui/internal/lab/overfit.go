package lab

import (
	"errors"
	"fmt"
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

func newOverfitScreen(data func() (*mnist.Data, error), window func() fyne.Window) *OverfitScreen {
	s := &OverfitScreen{}
	s.experimentTab = newExperimentTab(tabSpec[experiment.OverfitConfig, *experiment.OverfitResult, experiment.OverfitEvent]{
		name: "overfit", reset: "Reset to book defaults", book: experiment.BookOverfitConfig,
		withData:  func(c experiment.OverfitConfig, d *mnist.Data) experiment.OverfitConfig { c.Data = d; return c },
		newResult: experiment.NewOverfitResult, execute: experiment.Overfit, figure: report.Overfit,
	}, data, window, s.fill, s.config)
	s.Epochs = newField("", positiveInt(10000))
	s.Samples = newField("", positiveInt(60000))
	s.Decay = newField("", learningRate)
	s.Dropout = newField("", func(t string) error {
		v, err := strconv.ParseFloat(t, 64)
		if err != nil || !(v >= 0 && v < 1) {
			return fmt.Errorf("a ratio in [0, 1)")
		}
		return nil
	})
	s.Variants = newField("", func(t string) error {
		_, err := textlist.Parse[experiment.OverfitVariant](t)
		return err
	})
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
	s.Help.SetText(fmt.Sprintf("The book's §6.4: %s %s, %s init, trained on only the first %d images; accuracy on them (solid) and on the 10 000 test images (dashed). "+
		"The legend gives each variant's final train − test gap. Dropout runs %d epochs, the others %d, as in the book.\n"+
		"Measured with the book's setup (seeds 1–3): plain ends at train 1.00, test 0.74–0.76 (gap 0.24–0.26); weight decay lowers train to 0.87–0.88 (gap 0.15–0.18); "+
		"dropout's gap is 0.12–0.13; BN reaches train 1.00 fastest but test only 0.57–0.59, a gap of 0.41–0.43, larger than plain's: here BN does not suppress overfitting.",
		report.Architecture(cfg.Hidden), cfg.Activation, cfg.Init, cfg.Samples, cfg.DropoutEpochs, cfg.Epochs))
}

func (s *OverfitScreen) object() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("variants", s.Variants.row()),
		widget.NewFormItem("epochs (dropout: same +100)", s.Epochs.row()),
		widget.NewFormItem("training images", s.Samples.row()),
		widget.NewFormItem("weight decay λ", s.Decay.row()),
		widget.NewFormItem("dropout ratio", s.Dropout.row()),
		widget.NewFormItem("", buttonRow(s.Reset, s.Export.Button, s.Config.Save, s.Config.Load)),
	)
	return screenLayout(s.Help, form, s.runner.object(), s.View)
}

// config reads the fields over the base, or reports which is wrong.
func (s *OverfitScreen) config() (experiment.OverfitConfig, error) {
	seed, ok := s.seed()
	if !s.Epochs.valid() || !s.Samples.valid() || !s.Decay.valid() || !s.Dropout.valid() || !s.Variants.valid() || !ok {
		return experiment.OverfitConfig{}, errors.New("fix the marked fields first")
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
