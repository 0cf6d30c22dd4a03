package lab

import (
	"context"
	"fmt"
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
)

// ActivationsScreen shows per-layer activation histograms and recomputes
// them as soon as a setting changes (a run takes a fraction of a second).
type ActivationsScreen struct {
	Activation, Init     *widget.Select
	Sigma, Layers, Width *field
	Seed                 *field
	Fit, Gradients       *widget.Check
	Reset                *widget.Button
	Formula, Status      *widget.Label
	View                 *plot.View
	Export               *exporter

	// last numbers the newest request; stale results are dropped.
	last    int
	pending sync.WaitGroup // recomputations in flight, for tests
	shown   *experiment.ActivationsResult
}

var initChoices = []string{"std=1", "std=0.01", "Xavier", "Glorot", "He", "Zero", "custom σ"}

func newActivationsScreen(window func() fyne.Window) *ActivationsScreen {
	s := &ActivationsScreen{View: plot.NewView(), Formula: widget.NewLabel(""), Status: widget.NewLabel("")}
	s.Export = newExporter("activations", window, s.Status, func() (headless.Result, *plot.Figure) {
		if s.shown == nil {
			return nil, nil
		}
		return s.shown, s.View.Figure()
	})
	changed := func(string) { s.recompute() }
	s.Activation = widget.NewSelect([]string{"all", "sigmoid", "relu", "tanh"}, changed)
	s.Init = widget.NewSelect(append([]string{"book's four"}, initChoices...), changed)
	s.Sigma = newField("0.05", positiveFloat)
	s.Layers = newField("5", positiveInt(20))
	s.Width = newField("100", positiveInt(1000))
	s.Seed = newField("1", func(t string) error {
		if _, err := fmt.Sscanf(strings.TrimSpace(t), "%d", new(uint64)); err != nil {
			return fmt.Errorf("a whole number ≥ 0")
		}
		return nil
	})
	for _, f := range []*field{s.Sigma, s.Layers, s.Width, s.Seed} {
		// Redraw as soon as the text is valid (stale results are dropped).
		f.Entry.OnChanged = func(string) {
			if f.valid() {
				s.recompute()
			}
		}
		f.Entry.OnSubmitted = changed
	}
	s.Fit = widget.NewCheck("range of the activation (book: [0, 1])", func(bool) { s.recompute() })
	s.Gradients = widget.NewCheck("gradients instead of activations", func(bool) { s.recompute() })
	s.Reset = widget.NewButton("Reset to book defaults", s.reset)
	s.reset()
	return s
}

func (s *ActivationsScreen) reset() {
	s.Layers.Entry.SetText("5")
	s.Width.Entry.SetText("100")
	s.Seed.Entry.SetText("1")
	s.Fit.SetChecked(false)
	s.Gradients.SetChecked(false)
	s.Activation.SetSelected("all")
	s.Init.SetSelected("book's four")
}

func (s *ActivationsScreen) object() fyne.CanvasObject {
	small := func(f *field) fyne.CanvasObject {
		return container.NewHBox(container.NewGridWrap(fyne.NewSize(70, 36), f.Entry), f.Error)
	}
	controls := widget.NewForm(
		widget.NewFormItem("activation", container.NewHBox(s.Activation, widget.NewLabel("init"), s.Init, widget.NewLabel("σ"), small(s.Sigma))),
		widget.NewFormItem("layers", container.NewHBox(small(s.Layers), widget.NewLabel("width"), small(s.Width), widget.NewLabel("seed"), small(s.Seed))),
		widget.NewFormItem("", container.NewHBox(s.Fit, s.Gradients, s.Reset, s.Export.Button)),
	)
	help := widget.NewLabel("1000 inputs ~ N(0,1) through layers without bias; each panel is one layer's histogram; it is redrawn as soon as a setting changes.")
	help.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(help, controls, s.Formula, s.Status), nil, nil, nil, container.NewScroll(s.View))
}

// recompute runs the grid for the current settings on a worker goroutine
// and shows it; invalid fields keep the old picture.
func (s *ActivationsScreen) recompute() {
	if s.Init == nil || s.Activation == nil || s.Fit == nil || s.Gradients == nil {
		return // still being built
	}
	if !s.Layers.valid() || !s.Width.valid() || !s.Seed.valid() || (s.Init.Selected == "custom σ" && !s.Sigma.valid()) {
		s.Status.SetText("fix the marked fields first")
		return
	}
	cfg := experiment.ActivationsConfig{Layers: atoi(s.Layers.Entry.Text), Width: atoi(s.Width.Entry.Text), Gradients: s.Gradients.Checked}
	fmt.Sscanf(strings.TrimSpace(s.Seed.Entry.Text), "%d", &cfg.Seed)
	if a := s.Activation.Selected; a != "all" && a != "" {
		cfg.Activations = []net.Activation{net.Activation(a)}
	}
	var formulas []string
	switch in := s.Init.Selected; in {
	case "book's four", "":
	case "custom σ":
		cfg.Inits = []string{"std=" + strings.TrimSpace(s.Sigma.Entry.Text)}
	default:
		cfg.Inits = []string{in}
	}
	for _, in := range cfg.Inits {
		if v, err := net.ParseInit(in); err == nil {
			formulas = append(formulas, v.Formula())
		}
	}
	s.Formula.SetText(strings.Join(formulas, "; "))
	s.last++
	req, fit, grads := s.last, s.Fit.Checked, s.Gradients.Checked
	s.Status.SetText("computing…")
	s.pending.Add(1)
	go func() {
		defer s.pending.Done()
		res, err := experiment.Activations(context.Background(), cfg, nil)
		fyne.DoAndWait(func() {
			if req != s.last {
				return // a newer request is on its way
			}
			if err != nil {
				s.Status.SetText("error: " + err.Error())
				return
			}
			fig := report.Activations(res, fit)
			if grads {
				fig = report.Gradients(res)
			}
			s.View.SetFigure(fig)
			s.shown = res
			s.Status.SetText(fmt.Sprintf("%d runs × %d layers in %.2f s", len(res.Runs), cfg.Layers, res.Seconds))
		})
	}()
}

// wait blocks until every recomputation started so far has been shown.
func (s *ActivationsScreen) wait() { s.pending.Wait() }
