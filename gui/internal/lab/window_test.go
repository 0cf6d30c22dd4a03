package lab

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/i18n"
)

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want fyne.Size
		ok   bool
	}{
		{"1280x800", fyne.NewSize(1280, 800), true},
		{" 1600X1000 ", fyne.NewSize(1600, 1000), true},
		{"1280", fyne.Size{}, false},
		{"1280x", fyne.Size{}, false},
		{"100x100", fyne.Size{}, false},
		{"12abcx800", fyne.Size{}, false},
	} {
		got, err := ParseSize(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseSize(%q) = %v, %v", tc.in, got, err)
		}
	}
}

// The window remembers its size and tab unless Fresh; given options win.
func TestShowRemembersSizeAndTab(t *testing.T) {
	a := test.NewTempApp(t)
	l := New(testData, i18n.English)
	l.Activations.wait()
	w, err := l.Show(a, WindowOptions{Size: fyne.NewSize(900, 700), Tab: "Batch"})
	if err != nil {
		t.Fatal(err)
	}
	l.waitViews()
	if l.Tabs.Selected().Text != "Batch Normalization" {
		t.Errorf("tab %q", l.Tabs.Selected().Text)
	}
	l.remember() // what closing the window does
	w.Close()
	if got := a.Preferences().String(prefTab); got != "Batch Normalization" {
		t.Errorf("remembered tab %q", got)
	}
	if got := a.Preferences().Float(prefWidth); got < 300 {
		t.Errorf("remembered width %v", got)
	}

	l2 := New(testData, i18n.English)
	l2.Activations.wait()
	if _, err := l2.Show(a, WindowOptions{}); err != nil {
		t.Fatal(err)
	}
	l2.waitViews()
	if l2.Tabs.Selected().Text != "Batch Normalization" {
		t.Errorf("the remembered tab was not restored: %q", l2.Tabs.Selected().Text)
	}
	l3 := New(testData, i18n.English)
	l3.Activations.wait()
	if _, err := l3.Show(a, WindowOptions{Fresh: true}); err != nil {
		t.Fatal(err)
	}
	l3.waitViews()
	if l3.Tabs.SelectedIndex() != 0 {
		t.Errorf("Fresh restored tab %q", l3.Tabs.Selected().Text)
	}
	l4 := New(testData, i18n.English)
	l4.Activations.wait()
	if _, err := l4.Show(a, WindowOptions{Tab: "Nope"}); err == nil {
		t.Error("an unknown tab was accepted")
	}
}

// waitViews waits until no figure is being drawn: the test driver runs
// fyne.Do callbacks on the drawing goroutine, so tests touch widgets only
// in between.
func (l *Lab) waitViews() {
	l.Activations.View.Wait()
	l.Kernel.View.Wait()
	for _, s := range l.Experiments {
		s.View.Wait()
	}
}

// A long status line (an export's file list, an error) wraps: it never
// widens the window, in either language.
func TestLongStatusDoesNotWidenTheWindow(t *testing.T) {
	for _, lang := range i18n.Langs() {
		a := test.NewTempApp(t)
		l := New(testData, lang)
		l.Activations.wait()
		w, err := l.Show(a, WindowOptions{Size: fyne.NewSize(800, 600), Fresh: true})
		if err != nil {
			t.Fatal(err)
		}
		l.waitViews()
		before := w.Content().MinSize().Width
		long := l.loc.T("export.done", strings.Repeat("initcompare.json, ", 12)+"initcompare.pdf", strings.Repeat("/a-rather-long-folder", 8))
		labels := []*widget.Label{l.Activations.Status, l.Kernel.Status, l.Kernel.Busy}
		for _, s := range l.Experiments {
			labels = append(labels, s.Status)
		}
		// The tabs' minimum is the largest of every tab's, shown or not.
		for i, lb := range labels {
			lb.SetText(long)
			lb.Show()
			if got := w.Content().MinSize().Width; got > before {
				t.Errorf("%s: status %d widened the window's minimum from %v to %v px", lang, i, before, got)
			}
		}
	}
}

// With every guide and every settings section open, each tab still fits
// an 800×600 window in either language: the sections scroll.
func TestOpenSectionsFit800x600(t *testing.T) {
	for _, lang := range i18n.Langs() {
		a := test.NewTempApp(t)
		l := New(testData, lang)
		l.Activations.wait()
		w, err := l.Show(a, WindowOptions{Size: fyne.NewSize(800, 600), Fresh: true})
		if err != nil {
			t.Fatal(err)
		}
		l.waitViews()
		l.OpenGuides()
		settings := l.loc.T("tab.settings")
		opened := 0
		for _, it := range l.Tabs.Items {
			for _, b := range allButtons(it.Content) {
				if b.Text == settings {
					test.Tap(b)
					opened++
				}
			}
		}
		if opened < len(l.Experiments) {
			t.Errorf("%s: opened %d settings sections, want at least %d", lang, opened, len(l.Experiments))
		}
		if h := w.Content().MinSize().Height; h > 600 {
			t.Errorf("%s: with the sections open the window needs %v px of height, more than 600", lang, h)
		}
	}
}

// allButtons returns the buttons in o's tree (containers only).
func allButtons(o fyne.CanvasObject) []*widget.Button {
	switch o := o.(type) {
	case *widget.Button:
		return []*widget.Button{o}
	case *fyne.Container:
		var out []*widget.Button
		for _, c := range o.Objects {
			out = append(out, allButtons(c)...)
		}
		return out
	}
	return nil
}

// share gives open sections their content's height while it fits, else
// equal parts of the room, and never less than sectionLines (or the
// content, if shorter).
func TestShareRoomAmongSections(t *testing.T) {
	test.NewTempApp(t)
	tall := func(h float32) fyne.CanvasObject {
		r := widget.NewLabel("")
		return container.NewVScroll(container.NewGridWrap(fyne.NewSize(10, h), r))
	}
	least := lines(sectionLines)
	for _, tc := range []struct {
		name  string
		room  float32
		wants []float32 // content heights
		got   []float32
	}{
		{"both fit", 500, []float32{100, 200}, []float32{100, 200}},
		{"the short one fits, the tall one scrolls", 300, []float32{100, 400}, []float32{100, 200}},
		{"both scroll", 300, []float32{400, 400}, []float32{150, 150}},
		{"no room: the least height", 0, []float32{400, 20}, []float32{least, 20}},
		{"one section", 150, []float32{400}, []float32{150}},
	} {
		var flex []fyne.CanvasObject
		for _, h := range tc.wants {
			flex = append(flex, tall(h))
		}
		heights := share(tc.room, flex)
		for i, o := range flex {
			if heights[o] != tc.got[i] {
				t.Errorf("%s: section %d gets %v, want %v", tc.name, i, heights[o], tc.got[i])
			}
		}
	}
}
