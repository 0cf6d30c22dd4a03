package lab

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/plot"
	"zerokara/gui/internal/report"
	"zerokara/gui/internal/results"
	"zerokara/gui/internal/textlist"
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

	// last numbers the newest request; stale results are dropped, and the
	// run of a stale request is cancelled.
	last      atomic.Int64
	scroll    *container.Scroll
	cancel    context.CancelFunc
	cancelled atomic.Int32   // stale runs stopped early, for tests
	pending   sync.WaitGroup // recomputations in flight, for tests
	shown     *experiment.ActivationsResult
}

// The Init menu: the book's grid, single initializers, and a σ of one's
// own.
const (
	bookInits   = "book's four"
	customSigma = "custom σ"
	allActs     = "all"
)

var initChoices = append(textlist.Texts([]net.Init{net.Std(1), net.Std(0.01), net.Xavier(), net.Glorot(), net.He(), net.Zero()}), customSigma)

func newActivationsScreen(window func() fyne.Window) *ActivationsScreen {
	s := &ActivationsScreen{View: plot.NewView(), Formula: widget.NewLabel(""), Status: widget.NewLabel("")}
	// 12 rows of histograms: a vertical scroll, at the window's width (set
	// before the first recomputation starts).
	s.scroll = container.NewVScroll(s.View)
	s.View.FitWidth, s.View.HeightChanged = true, s.scroll.Refresh
	s.Export = newExporter("activations", window, s.Status, func() (results.Result, *plot.Figure) {
		if s.shown == nil {
			return nil, nil
		}
		return s.shown, s.View.Figure()
	})
	changed := func(string) { s.recompute() }
	s.Activation = widget.NewSelect(append([]string{allActs}, textlist.Texts(net.Activations())...), changed)
	s.Init = widget.NewSelect(append([]string{bookInits}, initChoices...), changed)
	// The custom σ starts between the book's std=0.01 and Xavier's 0.1 for
	// 100 neurons; it is a starting point, not a book setting.
	s.Sigma = newField("0.05", positiveFloat)
	s.Layers = newField("", positiveInt(20))
	s.Width = newField("", positiveInt(1000))
	s.Seed = newField("", func(t string) error {
		_, err := parseSeed(t)
		return err
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

// reset shows the book's setup.
func (s *ActivationsScreen) reset() {
	book := experiment.BookActivationsConfig()
	s.Layers.Entry.SetText(strconv.Itoa(book.Layers))
	s.Width.Entry.SetText(strconv.Itoa(book.Width))
	s.Seed.Entry.SetText(strconv.FormatUint(book.Seed, 10))
	s.Fit.SetChecked(false)
	s.Gradients.SetChecked(false)
	s.Activation.SetSelected(allActs)
	s.Init.SetSelected(bookInits)
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
	help := widget.NewLabel(fmt.Sprintf("%d inputs ~ N(0,1) through layers without bias; each panel is one layer's histogram; it is redrawn as soon as a setting changes.",
		experiment.BookActivationsConfig().Samples))
	return screenLayout(help, controls, container.NewVBox(s.Formula, s.Status), s.scroll)
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
	cfg := experiment.BookActivationsConfig()
	cfg.Layers, cfg.Width, cfg.Gradients = atoi(s.Layers.Entry.Text), atoi(s.Width.Entry.Text), s.Gradients.Checked
	cfg.Seed, _ = parseSeed(s.Seed.Entry.Text)
	if a := s.Activation.Selected; a != allActs && a != "" {
		var act net.Activation
		if err := act.UnmarshalText([]byte(a)); err != nil {
			s.Status.SetText(err.Error())
			return
		}
		cfg.Activations = []net.Activation{act}
	}
	if in := s.Init.Selected; in != bookInits && in != "" {
		text := in
		if in == customSigma {
			text = "std=" + strings.TrimSpace(s.Sigma.Entry.Text)
		}
		var v net.Init
		if err := v.UnmarshalText([]byte(text)); err != nil {
			s.Status.SetText(err.Error())
			return
		}
		cfg.Inits = []net.Init{v}
	}
	var formulas []string
	for _, in := range cfg.Inits {
		formulas = append(formulas, in.Formula())
	}
	s.Formula.SetText(strings.Join(formulas, "; "))
	req := s.last.Add(1)
	fit, grads := s.Fit.Checked, s.Gradients.Checked
	if s.cancel != nil {
		s.cancel() // the previous request is stale
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.Status.SetText("computing…")
	s.pending.Add(1)
	go func() {
		defer s.pending.Done()
		defer cancel()
		res, err := experiment.Activations(ctx, cfg, nil)
		if errors.Is(err, context.Canceled) {
			s.cancelled.Add(1)
		}
		fyne.DoAndWait(func() {
			if req != s.last.Load() {
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

// parseSeed reads a seed: a whole number ≥ 0, nothing else ("12abc" is
// an error).
func parseSeed(t string) (uint64, error) {
	v, err := strconv.ParseUint(strings.TrimSpace(t), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("a whole number ≥ 0")
	}
	return v, nil
}

// wait blocks until every recomputation started so far has been shown.
func (s *ActivationsScreen) wait() {
	s.pending.Wait()
	s.View.Wait()
}
