package lab

import (
	"math"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zerokara/net/experiment"
)

// findButton returns the button labelled text in o's tree (on any tab),
// or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch w := o.(type) {
	case *widget.Button:
		if w.Text == text {
			return w
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	case *container.Split:
		for _, c := range []fyne.CanvasObject{w.Leading, w.Trailing} {
			if b := findButton(c, text); b != nil {
				return b
			}
		}
	case *container.Scroll:
		return findButton(w.Content, text)
	case *container.AppTabs:
		for _, it := range w.Items {
			if b := findButton(it.Content, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// The "Narrow to the best 10" step: before a run it says there is
// nothing to narrow to; after one it sets the four range fields to the
// span of the best trials, and the next run draws every pair there.
func TestHyperparamsNarrow(t *testing.T) {
	l := newTestLab(t)
	s := l.Screen("hyperparams")
	narrow := findButton(l.Tabs, "Narrow to the best 10")
	if narrow == nil {
		t.Fatal("the tab has no Narrow button")
	}
	test.Tap(narrow)
	if !strings.HasPrefix(s.Status.Text, "Nothing to narrow to yet") || s.Form.Field("lr_log10_min").Entry.Text != "-6" {
		t.Fatalf("before a run: status %q, lr from %q", s.Status.Text, s.Form.Field("lr_log10_min").Entry.Text)
	}
	for key, v := range map[string]string{"trials": "12", "epochs": "2", "samples": "60", "batch": "10", "hidden": "20"} {
		setField(t, s, key, v)
	}
	test.Tap(s.Run)
	s.wait()
	if s.Err != nil || !strings.HasPrefix(s.Status.Text, "done") {
		t.Fatalf("run: err %v, status %q", s.Err, s.Status.Text)
	}
	if f := s.View.Figure(); f == nil || len(f.Panels) != 25 || len(f.Panels[0].Series) != 2 {
		t.Fatalf("figure after the run: %v", f)
	}
	res, _ := s.live.last()
	want, ok := res.Typed().(*experiment.HyperparamsResult).Narrowed(10)
	if !ok {
		t.Fatal("the run left nothing to narrow to")
	}
	test.Tap(narrow)
	for key, v := range map[string]float64{"lr_log10_min": want.LRLog10Min, "lr_log10_max": want.LRLog10Max,
		"weight_decay_log10_min": want.WeightDecayLog10Min, "weight_decay_log10_max": want.WeightDecayLog10Max} {
		if got := s.Form.Field(key).Entry.Text; got != strconv.FormatFloat(v, 'g', -1, 64) {
			t.Errorf("%s = %q, want %g", key, got, v)
		}
	}
	if !strings.HasPrefix(s.Status.Text, "Ranges set from the best 10 trials") {
		t.Errorf("status %q", s.Status.Text)
	}
	if want.LRLog10Max-want.LRLog10Min >= 4 {
		t.Errorf("lr range %+v is not narrower than the book's 4 decades", want)
	}
	test.Tap(s.Run)
	s.wait()
	res, _ = s.live.last()
	for k, tr := range res.Typed().(*experiment.HyperparamsResult).Trials {
		lr, wd := math.Log10(tr.LR), math.Log10(tr.WeightDecay)
		if lr < want.LRLog10Min-1e-9 || lr > want.LRLog10Max+1e-9 || wd < want.WeightDecayLog10Min-1e-9 || wd > want.WeightDecayLog10Max+1e-9 {
			t.Errorf("second search, trial %d: log10 lr %.3f, log10 λ %.3f outside %+v", k, lr, wd, want)
		}
	}
}

// The figure is never drawn squeezed (plot's grid had no room for five
// rows and its drawing never returned): in an 800×600 window it keeps its
// shape at least 820 wide, and the scroll around it reaches its bottom.
func TestHyperparamsFigureKeepsItsShape(t *testing.T) {
	l := newTestLab(t)
	s := l.Screen("hyperparams")
	l.SelectTab("Hyper")
	for _, size := range []fyne.Size{fyne.NewSize(800, 600), fyne.NewSize(1600, 1000)} {
		fyne.CurrentApp().Driver().AllWindows()[0].Resize(size)
		got, fig := s.View.Size(), s.View.Figure().Size()
		if got.Width < figureMinWidth || math.Abs(float64(got.Height/got.Width-fig.Height/fig.Width)) > 1e-3 {
			t.Errorf("window %v: the figure is drawn at %v, want at least %d wide in the shape of %v", size, got, figureMinWidth, fig)
		}
		if scroll := findScroll(l.Tabs, s.View); scroll == nil || scroll.Content.MinSize().Height < got.Height {
			t.Errorf("window %v: no scroll reaches the figure's bottom", size)
		}
	}
}

// findScroll returns the scroll in o's tree whose content holds v.
func findScroll(o fyne.CanvasObject, v fyne.CanvasObject) *container.Scroll {
	switch w := o.(type) {
	case *container.Scroll:
		if c, ok := w.Content.(*fyne.Container); ok && len(c.Objects) == 1 && c.Objects[0] == v {
			return w
		}
		return findScroll(w.Content, v)
	case *fyne.Container:
		for _, c := range w.Objects {
			if s := findScroll(c, v); s != nil {
				return s
			}
		}
	case *container.AppTabs:
		for _, it := range w.Items {
			if s := findScroll(it.Content, v); s != nil {
				return s
			}
		}
	}
	return nil
}
