package lab

import (
	"errors"
	"fmt"
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

func newSymmetryScreen(data func() (*mnist.Data, error), window func() fyne.Window) *SymmetryScreen {
	s := &SymmetryScreen{}
	s.experimentTab = newExperimentTab(tabSpec[experiment.SymmetryConfig, *experiment.SymmetryResult, experiment.SymmetryEvent]{
		name: "symmetry", reset: "Reset to the setup of SPEC §10", book: experiment.BookSymmetryConfig,
		withData:  func(c experiment.SymmetryConfig, d *mnist.Data) experiment.SymmetryConfig { c.Data = d; return c },
		newResult: experiment.NewSymmetryResult, execute: experiment.Symmetry, figure: report.Symmetry,
	}, data, window, s.fill, s.config)
	s.Iterations = newField("", positiveInt(100000))
	s.LR = newField("", learningRate)
	s.Inits = newField("", func(t string) error {
		_, err := textlist.Parse[net.Init](t)
		return err
	})
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
	s.Help.SetText(fmt.Sprintf("Do all-zero or constant weights keep the neurons of a layer identical? %s %s, %s lr=%g, batch %d; "+
		"every %d updates: the loss and how many neurons (columns of W) of each layer differ. Identical neurons make a layer act as one neuron wide.\n"+
		"Measured (seeds 1–3): zero and const=0.01 keep 1 distinct neuron in every hidden layer for all 2000 updates, std=0.01 and He keep 100; "+
		"all-zero weights learn only the output bias (loss stays 2.30, test accuracy 0.114, the share of the commonest class), const=0.01 reaches 0.24–0.26, He 0.93.",
		report.Architecture(cfg.Hidden), cfg.Activation, cfg.Optimizer, cfg.LR, cfg.Batch, cfg.Every))
}

func (s *SymmetryScreen) object() fyne.CanvasObject {
	form := widget.NewForm(
		widget.NewFormItem("initializers", s.Inits.row()),
		widget.NewFormItem("iterations", s.Iterations.row()),
		widget.NewFormItem("learning rate", s.LR.row()),
		widget.NewFormItem("", buttonRow(s.Reset, s.Export.Button, s.Config.Save, s.Config.Load)),
	)
	return screenLayout(s.Help, form, s.runner.object(), s.View)
}

// config reads the fields over the base, or reports which is wrong.
func (s *SymmetryScreen) config() (experiment.SymmetryConfig, error) {
	seed, ok := s.seed()
	if !s.Iterations.valid() || !s.LR.valid() || !s.Inits.valid() || !ok {
		return experiment.SymmetryConfig{}, errors.New("fix the marked fields first")
	}
	cfg := s.Base
	cfg.Inits, _ = textlist.Parse[net.Init](s.Inits.Entry.Text)
	cfg.Iterations, cfg.LR, cfg.Seed = atoi(s.Iterations.Entry.Text), atof(s.LR.Entry.Text), seed
	return cfg, nil
}
