package lab

import (
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/plot"
	"zerokara/gui/internal/report"
	"zerokara/gui/internal/results"
	"zerokara/gui/internal/textlist"
	"zerokara/net"
	"zerokara/net/experiment"
	"zerokara/net/mnist"
)

// BatchNormScreen runs the Batch Normalization experiment and draws its
// 4×4 grid as the accuracies arrive.
type BatchNormScreen struct {
	*runner
	Sigmas, Points, LR *field
	Optimizer, DType   *widget.Select
	RunningVarOne      *widget.Check
	TrainMode          *widget.Check
	Reset              *widget.Button
	Help               *widget.Label
	View               *plot.View
	Export             *exporter
	Config             *configIO
	Err                error // the last run's error, for tests

	data func() (*mnist.Data, error)
	// base holds the settings the form does not show, from the book's
	// setup or the last loaded config.
	base experiment.BatchNormConfig
	live live[*experiment.BatchNormResult, experiment.BatchNormEvent]
}

func newBatchNormScreen(data func() (*mnist.Data, error), window func() fyne.Window) *BatchNormScreen {
	s := &BatchNormScreen{data: data, View: plot.NewView(), Help: widget.NewLabel("")}
	s.runner = newRunner(s.run)
	s.Export = newExporter("batchnorm", window, s.Status, func() (results.Result, *plot.Figure) {
		res, ok := s.live.last()
		if !ok {
			return nil, nil
		}
		return res, report.BatchNorm(res)
	})
	s.Config = newConfigIO(window, s.Status, func() (any, error) { return s.config() }, s.setConfig)
	s.Sigmas = newField("", checkFloatList)
	s.Points = newField("", positiveInt(1000))
	s.LR = newField("", learningRate)
	s.Optimizer = widget.NewSelect(textlist.Texts(net.OptimizerNames()), nil)
	s.DType = widget.NewSelect(textlist.Texts([]experiment.DType{experiment.Float32, experiment.Float64}), nil)
	s.RunningVarOne = widget.NewCheck("running variance starts at 1 (book: 0)", nil)
	s.TrainMode = widget.NewCheck("also train-mode accuracy (green, at the end)", nil)
	s.Reset = widget.NewButton("Reset to book defaults", s.reset)
	s.reset()
	return s
}

// reset puts the book's settings in every field.
func (s *BatchNormScreen) reset() { s.fill(experiment.BookBatchNormConfig()) }

// fill shows cfg in the fields and keeps the rest of it as the base.
func (s *BatchNormScreen) fill(cfg experiment.BatchNormConfig) {
	s.base = cfg
	s.Sigmas.Entry.SetText(formatList(cfg.Sigmas))
	s.Points.Entry.SetText(strconv.Itoa(cfg.Points))
	s.LR.Entry.SetText(strconv.FormatFloat(cfg.LR, 'g', -1, 64))
	s.Optimizer.SetSelected(string(cfg.Optimizer))
	s.DType.SetSelected(string(cfg.DType))
	s.RunningVarOne.SetChecked(cfg.BN.RunningVarOne)
	s.TrainMode.SetChecked(cfg.TrainModeAccuracy)
	s.Seed.SetText(strconv.FormatUint(cfg.Seed, 10))
	s.Help.SetText(fmt.Sprintf("Training accuracy on the first %d MNIST images, %s ReLU, with (solid) and without (dashed) Batch Normalization.\n"+
		"BN is scored in test mode with running statistics, as in the book; × marks a network whose arithmetic overflowed.",
		cfg.Samples, report.Architecture(cfg.Hidden)))
}

func (s *BatchNormScreen) object() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("weight scales σ", container.NewBorder(nil, s.Sigmas.Error, nil, nil, s.Sigmas.Entry)),
		widget.NewFormItem("points per net", container.NewHBox(container.NewGridWrap(fyne.NewSize(80, 36), s.Points.Entry), s.Points.Error)),
		widget.NewFormItem("learning rate", container.NewHBox(container.NewGridWrap(fyne.NewSize(80, 36), s.LR.Entry), s.LR.Error, s.Optimizer, s.DType)),
		widget.NewFormItem("", container.NewHBox(s.RunningVarOne, s.TrainMode)),
		widget.NewFormItem("", container.NewHBox(s.Reset, s.Export.Button, s.Config.Save, s.Config.Load)),
	)
	return screenLayout(s.Help, form, s.runner.object(), s.View)
}

// config reads the settings from the fields over the base, or reports
// which is wrong.
func (s *BatchNormScreen) config() (experiment.BatchNormConfig, error) {
	seed, ok := s.seed()
	if !s.Sigmas.valid() || !s.Points.valid() || !s.LR.valid() || !ok {
		return experiment.BatchNormConfig{}, errors.New("fix the marked fields first")
	}
	cfg := s.base
	// The field shows σ to 5 digits; unedited, it stands for the exact
	// values (the book's logspace is not 5-digit round).
	if s.Sigmas.Entry.Text != formatList(s.base.Sigmas) {
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

// setConfig fills the fields from a JSON config; settings it does not
// name keep the book's values.
func (s *BatchNormScreen) setConfig(b []byte) error {
	cfg := experiment.BookBatchNormConfig()
	if err := json.Unmarshal(b, &cfg); err != nil {
		return err
	}
	cfg.Data = nil
	s.fill(cfg)
	return nil
}

func (s *BatchNormScreen) run() {
	cfg, err := s.config()
	if err != nil {
		s.Status.SetText(err.Error())
		return
	}
	run(s.runner, &s.live, func() (experiment.BatchNormConfig, error) {
		data, err := s.data()
		cfg.Data = data
		return cfg, err
	}, experiment.NewBatchNormResult, experiment.BatchNorm,
		func(r *experiment.BatchNormResult) { s.View.SetFigure(report.BatchNorm(r)) },
		func(err error) { s.Err = err })
}
