package lab

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/i18n"
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
	// Guide is the guide's text.
	Guide string
	loc   *loc
	// The menus' own entries, in the window's language.
	bookInits, customSigma, allActs string

	// last numbers the newest request; stale results are dropped, and the
	// run of a stale request is cancelled.
	last      atomic.Int64
	scroll    *container.Scroll
	cancel    context.CancelFunc
	cancelled atomic.Int32   // stale runs stopped early, for tests
	pending   sync.WaitGroup // recomputations in flight, for tests
	shown     *experiment.ActivationsResult
	// how shown was drawn, for the export
	shownFit, shownGrads bool
}

// initChoices are the Init menu's single initializers (the menu adds the
// book's grid and a σ of one's own).
var initChoices = textlist.Texts([]net.Init{net.Std(1), net.Std(0.01), net.Xavier(), net.Glorot(), net.He(), net.Zero()})

func newActivationsScreen(l *loc, window func() fyne.Window) *ActivationsScreen {
	s := &ActivationsScreen{View: plot.NewView(), Formula: widget.NewLabel(""), Status: widget.NewLabel(""), loc: l, Guide: l.T("guide.act"),
		bookInits: l.T("act.bookinits"), customSigma: l.T("act.customsigma"), allActs: l.T("act.all")}
	// 12 rows of histograms: a vertical scroll, at the window's width (set
	// before the first recomputation starts).
	s.scroll = container.NewVScroll(s.View)
	s.View.FitWidth, s.View.HeightChanged = true, s.scroll.Refresh
	s.Export = newExporter(l, "activations", window, s.Status, func() (results.Result, results.Figure) {
		if s.shown == nil {
			return nil, nil
		}
		res, fit, grads := s.shown, s.shownFit, s.shownGrads
		return res, func(tr *i18n.Localizer) *plot.Figure { return activationsFigure(res, fit, grads, tr) }
	})
	changed := func(string) { s.recompute() }
	s.Activation = widget.NewSelect(append([]string{s.allActs}, textlist.Texts(net.Activations())...), changed)
	s.Init = widget.NewSelect(append(append([]string{s.bookInits}, initChoices...), s.customSigma), changed)
	// The custom σ starts between the book's std=0.01 and Xavier's 0.1 for
	// 100 neurons; it is a starting point, not a book setting.
	s.Sigma = newField("0.05", l.positiveFloat)
	// The ranges are the experiment's own (its description's).
	desc, err := experiment.Lookup("activations")
	if err != nil {
		panic(err) // registered by the experiment package itself
	}
	s.Layers = newField("", settingCheck(l, desc, "layers"))
	s.Width = newField("", settingCheck(l, desc, "width"))
	s.Seed = newField("", settingCheck(l, desc, "seed"))
	for _, f := range []*field{s.Sigma, s.Layers, s.Width, s.Seed} {
		// Redraw as soon as the text is valid (stale results are dropped).
		f.Entry.OnChanged = func(string) {
			if f.valid() {
				s.recompute()
			}
		}
		f.Entry.OnSubmitted = changed
	}
	s.Fit = widget.NewCheck(l.T("act.fit"), func(bool) { s.recompute() })
	s.Gradients = widget.NewCheck(l.T("act.gradients"), func(bool) { s.recompute() })
	s.Reset = widget.NewButton(l.T("reset.book"), s.reset)
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
	s.Activation.SetSelected(s.allActs)
	s.Init.SetSelected(s.bookInits)
}

func (s *ActivationsScreen) object() fyne.CanvasObject {
	small := func(f *field) fyne.CanvasObject {
		return container.NewHBox(container.NewGridWrap(fyne.NewSize(70, 36), f.Entry), f.Error)
	}
	controls := widget.NewForm(
		widget.NewFormItem(s.loc.T("form.activation"), container.NewHBox(s.Activation, widget.NewLabel(s.loc.T("form.init")), s.Init,
			widget.NewLabel(s.loc.T("form.sigma")), small(s.Sigma))),
		widget.NewFormItem(s.loc.T("form.layers"), container.NewHBox(small(s.Layers), widget.NewLabel(s.loc.T("form.width")), small(s.Width),
			widget.NewLabel(s.loc.T("run.seed")), small(s.Seed))),
		widget.NewFormItem("", container.NewHBox(s.Fit, s.Gradients, s.Reset)),
	)
	help := widget.NewLabel(s.loc.T("act.help", experiment.BookActivationsConfig().Samples))
	// Export stays visible with the settings closed, as on the other tabs.
	return screenLayout(s.loc, help, s.Guide, controls, container.NewVBox(container.NewHBox(s.Export.Button), s.Formula, s.Status), s.scroll)
}

// recompute runs the grid for the current settings on a worker goroutine
// and shows it; invalid fields keep the old picture.
func (s *ActivationsScreen) recompute() {
	if s.Init == nil || s.Activation == nil || s.Fit == nil || s.Gradients == nil {
		return // still being built
	}
	if !s.Layers.valid() || !s.Width.valid() || !s.Seed.valid() || (s.Init.Selected == s.customSigma && !s.Sigma.valid()) {
		s.Status.SetText(s.loc.T("check.fix"))
		return
	}
	cfg := experiment.BookActivationsConfig()
	cfg.Layers, cfg.Width, cfg.Gradients = atoi(s.Layers.Entry.Text), atoi(s.Width.Entry.Text), s.Gradients.Checked
	cfg.Seed, _ = parseSeed(s.Seed.Entry.Text)
	if a := s.Activation.Selected; a != s.allActs && a != "" {
		var act net.Activation
		if err := act.UnmarshalText([]byte(a)); err != nil {
			s.Status.SetText(s.loc.T("run.error", err))
			return
		}
		cfg.Activations = []net.Activation{act}
	}
	if in := s.Init.Selected; in != s.bookInits && in != "" {
		text := in
		if in == s.customSigma {
			text = net.Std(atof(s.Sigma.Entry.Text)).String()
		}
		var v net.Init
		if err := v.UnmarshalText([]byte(text)); err != nil {
			s.Status.SetText(s.loc.T("run.error", err))
			return
		}
		cfg.Inits = []net.Init{v}
	}
	var formulas []string
	for _, in := range cfg.Inits {
		formulas = append(formulas, s.formula(in))
	}
	s.Formula.SetText(strings.Join(formulas, "; "))
	req := s.last.Add(1)
	fit, grads := s.Fit.Checked, s.Gradients.Checked
	if s.cancel != nil {
		s.cancel() // the previous request is stale
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.Status.SetText(s.loc.T("act.computing"))
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
				s.Status.SetText(s.loc.T("run.error", err))
				return
			}
			s.View.SetFigure(activationsFigure(res, fit, grads, s.loc.fig))
			s.shown, s.shownFit, s.shownGrads = res, fit, grads
			s.Status.SetText(s.loc.T("act.done", len(res.Runs), cfg.Layers, res.Seconds))
		})
	}()
}

// formula describes an initializer's rule in the window's language (net's
// Formula is English).
func (s *ActivationsScreen) formula(in net.Init) string {
	name := in.String()
	switch {
	case name == net.Xavier().String():
		return s.loc.T("act.formula.xavier")
	case name == net.Glorot().String():
		return s.loc.T("act.formula.glorot")
	case name == net.He().String():
		return s.loc.T("act.formula.he")
	case strings.HasPrefix(name, "const="):
		return s.loc.T("act.formula.const", strings.TrimPrefix(name, "const="))
	}
	return s.loc.T("act.formula.std", strings.TrimPrefix(name, "std="))
}

// activationsFigure draws the histograms of activations, or of
// gradients, in tr's language.
func activationsFigure(res *experiment.ActivationsResult, fit, grads bool, tr *i18n.Localizer) *plot.Figure {
	if grads {
		return report.Gradients(res, tr)
	}
	return report.Activations(res, fit, tr)
}

// parseSeed reads a seed: a whole number ≥ 0, nothing else ("12abc" is
// an error).
func parseSeed(t string) (uint64, error) {
	v, err := strconv.ParseUint(strings.TrimSpace(t), 10, 64)
	if err != nil {
		return 0, errors.New("a whole number ≥ 0") // i18n:ignore (shown as check.seed)
	}
	return v, nil
}

// wait blocks until every recomputation started so far has been shown.
func (s *ActivationsScreen) wait() {
	s.pending.Wait()
	s.View.Wait()
}
