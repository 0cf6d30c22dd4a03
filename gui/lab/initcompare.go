package lab

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
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

// InitCompareScreen trains one network per initializer on MNIST and draws
// the loss curves as they form.
type InitCompareScreen struct {
	*runner
	Iterations, Batch, LR, Inits *field
	Optimizer, Activation, DType *widget.Select
	Raw                          *widget.Check
	Reset                        *widget.Button
	View                         *plot.View
	Export                       *exporter
	Config                       *configIO
	Err                          error

	data    func() (*mnist.Data, error)
	mu      sync.Mutex
	partial *experiment.InitCompareResult
	final   *experiment.InitCompareResult
}

func newInitCompareScreen(data func() (*mnist.Data, error), window func() fyne.Window) *InitCompareScreen {
	s := &InitCompareScreen{data: data, View: plot.NewView()}
	s.runner = newRunner(s.run)
	s.Export = newExporter("initcompare", window, s.Status, func() (headless.Result, *plot.Figure) {
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.final == nil {
			return nil, nil
		}
		return s.final, report.InitCompare(s.final)
	})
	s.Config = newConfigIO(window, s.Status, func() (any, error) { return s.config() }, s.setConfig)
	s.Iterations = newField("", positiveInt(100000))
	s.Batch = newField("", positiveInt(10000))
	s.LR = newField("", positiveFloat)
	s.Inits = newField("", func(t string) error {
		for _, f := range strings.Split(t, ",") {
			if _, err := net.ParseInit(f); err != nil {
				return err
			}
		}
		return nil
	})
	s.Optimizer = widget.NewSelect(net.OptimizerNames(), nil)
	s.Activation = widget.NewSelect([]string{"relu", "sigmoid", "tanh"}, nil)
	s.DType = widget.NewSelect([]string{"float32", "float64"}, nil)
	s.Raw = widget.NewCheck("raw loss (book: smoothed)", func(bool) { s.redraw() })
	s.Reset = widget.NewButton("Reset to book defaults", s.reset)
	s.reset()
	return s
}

func (s *InitCompareScreen) reset() {
	s.Iterations.Entry.SetText("2000")
	s.Batch.Entry.SetText("128")
	s.LR.Entry.SetText("0.01")
	s.Inits.Entry.SetText("std=0.01, Xavier, He")
	s.Optimizer.SetSelected("sgd")
	s.Activation.SetSelected("relu")
	s.DType.SetSelected("float32")
}

func (s *InitCompareScreen) object() fyne.CanvasObject {
	small := func(f *field) fyne.CanvasObject {
		return container.NewHBox(container.NewGridWrap(fyne.NewSize(80, 36), f.Entry), f.Error)
	}
	form := widget.NewForm(
		widget.NewFormItem("initializers", container.NewBorder(nil, s.Inits.Error, nil, nil, s.Inits.Entry)),
		widget.NewFormItem("iterations", small(s.Iterations)),
		widget.NewFormItem("batch", small(s.Batch)),
		widget.NewFormItem("learning rate", container.NewHBox(small(s.LR), s.Optimizer, s.Activation, s.DType)),
		widget.NewFormItem("", container.NewHBox(s.Raw, s.Reset, s.Export.Button, s.Config.Save, s.Config.Load)),
	)
	help := widget.NewLabel("784-100-100-100-100-10 network on the 60 000 MNIST training images; the loss of each batch after its update.\n" +
		"std=σ: W ~ N(0,1)·σ · Xavier: ·√(1/fan_in) (the book's) · Glorot: ·√(2/(fan_in+fan_out)) · He: ·√(2/fan_in)")
	help.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(help, form, s.runner.object())
	return container.NewBorder(top, nil, nil, nil, container.NewScroll(s.View))
}

// config reads the settings from the fields, or reports which is wrong.
func (s *InitCompareScreen) config() (experiment.InitCompareConfig, error) {
	seed, ok := s.seed()
	valid := s.Iterations.valid() && s.Batch.valid() && s.LR.valid() && s.Inits.valid()
	if !valid || !ok {
		return experiment.InitCompareConfig{}, errors.New("fix the marked fields first")
	}
	var inits []string
	for _, f := range strings.Split(s.Inits.Entry.Text, ",") {
		inits = append(inits, strings.TrimSpace(f))
	}
	return experiment.InitCompareConfig{Inits: inits, Iterations: atoi(s.Iterations.Entry.Text), Batch: atoi(s.Batch.Entry.Text),
		LR: atof(s.LR.Entry.Text), Optimizer: s.Optimizer.Selected, Activation: net.Activation(s.Activation.Selected),
		DType: experiment.DType(s.DType.Selected), Seed: seed}, nil
}

// setConfig fills the fields from a JSON config; missing settings take the
// book's values.
func (s *InitCompareScreen) setConfig(b []byte) error {
	var cfg experiment.InitCompareConfig
	if err := json.Unmarshal(b, &cfg); err != nil {
		return err
	}
	s.reset()
	if len(cfg.Inits) > 0 {
		s.Inits.Entry.SetText(strings.Join(cfg.Inits, ", "))
	}
	if cfg.Iterations > 0 {
		s.Iterations.Entry.SetText(strconv.Itoa(cfg.Iterations))
	}
	if cfg.Batch > 0 {
		s.Batch.Entry.SetText(strconv.Itoa(cfg.Batch))
	}
	if cfg.LR > 0 {
		s.LR.Entry.SetText(strconv.FormatFloat(cfg.LR, 'g', -1, 64))
	}
	if cfg.Optimizer != "" {
		s.Optimizer.SetSelected(cfg.Optimizer)
	}
	if cfg.Activation != "" {
		s.Activation.SetSelected(string(cfg.Activation))
	}
	if cfg.DType != "" {
		s.DType.SetSelected(string(cfg.DType))
	}
	s.Seed.SetText(strconv.FormatUint(cfg.Seed, 10))
	return nil
}

func (s *InitCompareScreen) run() {
	cfg, err := s.config()
	if err != nil {
		s.Status.SetText(err.Error())
		return
	}
	inits := cfg.Inits
	partial := &experiment.InitCompareResult{Config: cfg, Series: make([]experiment.LossSeries, len(inits))}
	partial.Config.Iterations, partial.Config.Activation, partial.Config.Optimizer = cfg.Iterations, cfg.Activation, cfg.Optimizer
	for i, f := range inits {
		in, _ := net.ParseInit(f)
		partial.Series[i].Name = in.String()
	}
	s.mu.Lock()
	s.partial = partial
	s.mu.Unlock()
	s.start(func(ctx context.Context, progress func(experiment.Event)) error {
		data, err := s.data()
		if err != nil {
			return err
		}
		cfg.Data = data
		res, err := experiment.InitCompare(ctx, cfg, func(e experiment.Event) {
			s.mu.Lock()
			ser := &s.partial.Series[e.Group]
			ser.Loss = append(ser.Loss, e.Value)
			s.mu.Unlock()
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

// redraw shows the curves so far, smoothed as the book's unless Raw.
func (s *InitCompareScreen) redraw() {
	s.mu.Lock()
	if s.partial == nil {
		s.mu.Unlock()
		return
	}
	snapshot := *s.partial
	snapshot.Series = append([]experiment.LossSeries(nil), s.partial.Series...)
	s.mu.Unlock()
	for i := range snapshot.Series {
		ser := &snapshot.Series[i]
		if s.Raw.Checked {
			ser.Smoothed = ser.Loss
		} else if len(ser.Smoothed) != len(ser.Loss) {
			ser.Smoothed = experiment.Smooth(ser.Loss)
		}
	}
	s.View.SetFigure(report.InitCompare(&snapshot))
}
