package lab

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/headless"
	"zerokara/gui/plot"
	"zerokara/gui/report"
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
	View               *plot.View
	Export             *exporter
	Config             *configIO
	Err                error // the last run's error, for tests

	data    func() (*mnist.Data, error)
	mu      sync.Mutex
	partial *experiment.BatchNormResult
	final   *experiment.BatchNormResult // the last complete run
}

func newBatchNormScreen(data func() (*mnist.Data, error), window func() fyne.Window) *BatchNormScreen {
	s := &BatchNormScreen{data: data, View: plot.NewView()}
	s.runner = newRunner(s.run)
	s.Export = newExporter("batchnorm", window, s.Status, func() (headless.Result, *plot.Figure) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.final == nil {
			return nil, nil
		}
		return s.final, report.BatchNorm(s.final)
	})
	s.Config = newConfigIO(window, s.Status, func() (any, error) { return s.config() }, s.setConfig)
	s.Sigmas = newField("", checkFloatList)
	s.Points = newField("", positiveInt(1000))
	s.LR = newField("", positiveFloat)
	s.Optimizer = widget.NewSelect(net.OptimizerNames(), nil)
	s.DType = widget.NewSelect([]string{"float32", "float64"}, nil)
	s.RunningVarOne = widget.NewCheck("running variance starts at 1 (book: 0)", nil)
	s.TrainMode = widget.NewCheck("also train-mode accuracy (green, at the end)", nil)
	s.Reset = widget.NewButton("Reset to book defaults", s.reset)
	s.reset()
	return s
}

// reset puts the book's settings in every field.
func (s *BatchNormScreen) reset() {
	s.Sigmas.Entry.SetText(formatList(experiment.BookSigmas()))
	s.Points.Entry.SetText("20")
	s.LR.Entry.SetText("0.01")
	s.Optimizer.SetSelected("sgd")
	s.DType.SetSelected("float32")
	s.RunningVarOne.SetChecked(false)
	s.TrainMode.SetChecked(false)
}

func (s *BatchNormScreen) object() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("weight scales σ", container.NewBorder(nil, s.Sigmas.Error, nil, nil, s.Sigmas.Entry)),
		widget.NewFormItem("points per net", container.NewHBox(container.NewGridWrap(fyne.NewSize(80, 36), s.Points.Entry), s.Points.Error)),
		widget.NewFormItem("learning rate", container.NewHBox(container.NewGridWrap(fyne.NewSize(80, 36), s.LR.Entry), s.LR.Error, s.Optimizer, s.DType)),
		widget.NewFormItem("", container.NewHBox(s.RunningVarOne, s.TrainMode)),
		widget.NewFormItem("", container.NewHBox(s.Reset, s.Export.Button, s.Config.Save, s.Config.Load)),
	)
	help := widget.NewLabel("Training accuracy on the first 1000 MNIST images, 784-100×5-10 ReLU, with (solid) and without (dashed) Batch Normalization.\nBN is scored in test mode with running statistics, as in the book; ✕ marks a network whose arithmetic overflowed.")
	help.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(help, form, s.runner.object())
	return container.NewBorder(top, nil, nil, nil, container.NewScroll(s.View))
}

// config reads the settings from the fields, or reports which is wrong.
func (s *BatchNormScreen) config() (experiment.BatchNormConfig, error) {
	seed, ok := s.seed()
	if !s.Sigmas.valid() || !s.Points.valid() || !s.LR.valid() || !ok {
		return experiment.BatchNormConfig{}, errors.New("fix the marked fields first")
	}
	sigmas, _ := floatList(s.Sigmas.Entry.Text)
	return experiment.BatchNormConfig{Sigmas: sigmas, Points: atoi(s.Points.Entry.Text), LR: atof(s.LR.Entry.Text),
		Optimizer: s.Optimizer.Selected, DType: experiment.DType(s.DType.Selected), Seed: seed,
		BN: net.BatchNormOptions{RunningVarOne: s.RunningVarOne.Checked}, TrainModeAccuracy: s.TrainMode.Checked}, nil
}

// setConfig fills the fields from a JSON config; missing settings take the
// book's values.
func (s *BatchNormScreen) setConfig(b []byte) error {
	var cfg experiment.BatchNormConfig
	if err := json.Unmarshal(b, &cfg); err != nil {
		return err
	}
	s.reset()
	if len(cfg.Sigmas) > 0 {
		s.Sigmas.Entry.SetText(formatList(cfg.Sigmas))
	}
	if cfg.Points > 0 {
		s.Points.Entry.SetText(strconv.Itoa(cfg.Points))
	}
	if cfg.LR > 0 {
		s.LR.Entry.SetText(strconv.FormatFloat(cfg.LR, 'g', -1, 64))
	}
	if cfg.Optimizer != "" {
		s.Optimizer.SetSelected(cfg.Optimizer)
	}
	if cfg.DType != "" {
		s.DType.SetSelected(string(cfg.DType))
	}
	s.RunningVarOne.SetChecked(cfg.BN.RunningVarOne)
	s.TrainMode.SetChecked(cfg.TrainModeAccuracy)
	s.Seed.SetText(strconv.FormatUint(cfg.Seed, 10))
	return nil
}

func (s *BatchNormScreen) run() {
	cfg, err := s.config()
	if err != nil {
		s.Status.SetText(err.Error())
		return
	}
	sigmas := cfg.Sigmas
	partial := &experiment.BatchNormResult{Experiment: "batchnorm", Config: cfg, Panels: make([]experiment.Panel, len(sigmas))}
	for i, sg := range sigmas {
		partial.Panels[i].Sigma = sg
	}
	partial.Config.Samples, partial.Config.Batch = 1000, 100
	s.mu.Lock()
	s.partial = partial
	s.mu.Unlock()
	s.start(func(ctx context.Context, progress func(experiment.Event)) error {
		data, err := s.data()
		if err != nil {
			return err
		}
		cfg.Data = data
		res, err := experiment.BatchNorm(ctx, cfg, func(e experiment.Event) {
			if e.Series != "" {
				s.mu.Lock()
				p := &s.partial.Panels[e.Group]
				if e.Net == 0 {
					p.BN = append(p.BN, e.Value)
				} else {
					p.Plain = append(p.Plain, e.Value)
				}
				s.mu.Unlock()
			}
			progress(e)
		})
		if err == nil {
			s.mu.Lock()
			s.partial, s.final = res, res
			s.mu.Unlock()
		}
		return err
	}, s.redraw, func(err error) { s.Err = err })
}

// redraw shows the points so far (on the UI goroutine).
func (s *BatchNormScreen) redraw() {
	s.mu.Lock()
	if s.partial == nil {
		s.mu.Unlock()
		return
	}
	// A copy of the slice headers: the worker only appends, so the points
	// up to each length stay as they are while the figure is built — outside
	// the lock, so the worker's progress callback never waits for drawing.
	snapshot := *s.partial
	snapshot.Panels = append([]experiment.Panel(nil), s.partial.Panels...)
	s.mu.Unlock()
	s.View.SetFigure(report.BatchNorm(&snapshot))
}
