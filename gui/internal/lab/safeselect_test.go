package lab

import (
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// drawnOnlyDriver is fyne's test driver, except that, like the desktop
// driver, it answers no canvas for an object that is not on one. The test
// driver itself answers the last window's canvas for any object, so with it
// a Select removed from its window never looks removed. It finds the
// objects of a window's content and overlays through containers only, not
// the parts inside widgets: making a widget's renderer to list them would
// refresh the parts, which asks for their canvas again.
type drawnOnlyDriver struct{ fyne.Driver }

func (d drawnOnlyDriver) CanvasForObject(o fyne.CanvasObject) fyne.Canvas {
	for _, w := range d.AllWindows() {
		c := w.Canvas()
		if drawnIn(c.Content(), o) {
			return c
		}
		for _, over := range c.Overlays().List() {
			if drawnIn(over, o) {
				return c
			}
		}
	}
	return nil
}

// drawnIn reports whether o is tree or in it, through containers.
func drawnIn(tree, o fyne.CanvasObject) bool {
	if tree == o {
		return true
	}
	if c, ok := tree.(*fyne.Container); ok {
		for _, child := range c.Objects {
			if drawnIn(child, o) {
				return true
			}
		}
	}
	return false
}

// drawnOnlyApp is a test app whose driver is a drawnOnlyDriver.
type drawnOnlyApp struct{ fyne.App }

func (a drawnOnlyApp) Driver() fyne.Driver { return drawnOnlyDriver{a.App.Driver()} }

// newDrawnOnlyApp makes a drawnOnlyApp the current app for the test.
func newDrawnOnlyApp(t *testing.T) {
	t.Helper()
	fyne.SetCurrentApp(drawnOnlyApp{test.NewTempApp(t)})
}

// selectUnderTest is what the tests need of both a widget.Select and a
// SafeSelect.
type selectUnderTest interface {
	fyne.Widget
	fyne.Tappable
	fyne.Focusable
}

// openInputs are the ways a user opens a select's list of options. The tap
// calls Tapped itself: test.Tap would first ask the test driver for the
// select's position, which fails when there is no window at all.
var openInputs = []struct {
	name string
	do   func(s selectUnderTest)
}{
	{"tap", func(s selectUnderTest) { s.Tapped(&fyne.PointEvent{}) }},
	{"space", func(s selectUnderTest) { s.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) }},
	{"down", func(s selectUnderTest) { s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown}) }},
	{"up", func(s selectUnderTest) { s.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp}) }},
}

// TestSafeSelectDetached opens selects that are on no canvas, as a tap does
// that arrives after the language switch replaced the window's content:
// fyne's Select dies of a nil pointer (the lab's crash), SafeSelect ignores
// it.
func TestSafeSelectDetached(t *testing.T) {
	options := []string{"English", "日本語"}
	selects := []struct {
		name      string
		make      func() selectUnderTest
		wantPanic bool
	}{
		{"widget.Select", func() selectUnderTest { return widget.NewSelect(options, nil) }, true},
		{"SafeSelect", func() selectUnderTest { return NewSafeSelect(options, nil) }, false},
	}
	detach := []struct {
		name string
		do   func(t *testing.T, s selectUnderTest)
	}{
		{"never shown", func(*testing.T, selectUnderTest) {}},
		{"removed from its window", func(t *testing.T, s selectUnderTest) {
			w := test.NewTempWindow(t, container.NewHBox(s))
			w.SetContent(widget.NewLabel("rebuilt"))
		}},
	}
	for _, sel := range selects {
		for _, d := range detach {
			for _, in := range openInputs {
				t.Run(sel.name+"/"+d.name+"/"+in.name, func(t *testing.T) {
					newDrawnOnlyApp(t)
					s := sel.make()
					d.do(t, s)
					if c := fyne.CurrentApp().Driver().CanvasForObject(s); c != nil {
						t.Fatal("the select is still on a canvas")
					}
					r := recovered(func() { in.do(s) })
					if !sel.wantPanic {
						if r != nil {
							t.Fatalf("panic: %v", r)
						}
						return
					}
					err, ok := r.(runtime.Error)
					if !ok || !strings.Contains(err.Error(), "nil pointer") {
						t.Fatalf("got panic %v, want the nil pointer of fyne issue #5965", r)
					}
				})
			}
		}
	}
}

// TestSafeSelectOpensAndChooses checks that the guard keeps a SafeSelect on
// a window working: every input opens its list on the window's canvas, and
// choosing an option there selects it and calls OnChanged.
func TestSafeSelectOpensAndChooses(t *testing.T) {
	for _, in := range openInputs {
		t.Run(in.name, func(t *testing.T) {
			newDrawnOnlyApp(t)
			var changed []string
			s := NewSafeSelect([]string{"a", "b", "c"}, func(o string) { changed = append(changed, o) })
			w := test.NewTempWindow(t, container.NewHBox(s))
			in.do(s)
			pop := shownList(t, w.Canvas())
			// The second option, from the keyboard.
			for _, k := range []fyne.KeyName{fyne.KeyDown, fyne.KeyDown, fyne.KeyReturn} {
				pop.TypedKey(&fyne.KeyEvent{Name: k})
			}
			if s.Selected != "b" || len(changed) != 1 || changed[0] != "b" {
				t.Errorf("selected %q, OnChanged got %q; want b, [b]", s.Selected, changed)
			}
			if top := w.Canvas().Overlays().Top(); top != nil {
				t.Errorf("after choosing, overlay %T is still shown", top)
			}
		})
	}
}

// TestSafeSelectTap opens the list with test.Tap, as a click does.
func TestSafeSelectTap(t *testing.T) {
	newDrawnOnlyApp(t)
	s := NewSafeSelect([]string{"a", "b"}, nil)
	w := test.NewTempWindow(t, container.NewHBox(s))
	test.Tap(s)
	shownList(t, w.Canvas())
}

// shownList returns the list of options shown on c: one overlay, and the
// pop-up menu in it has the keyboard focus.
func shownList(t *testing.T, c fyne.Canvas) *widget.PopUpMenu {
	t.Helper()
	if n := len(c.Overlays().List()); n != 1 {
		t.Fatalf("%d overlays, want the list of options", n)
	}
	pop, ok := c.Focused().(*widget.PopUpMenu)
	if !ok {
		t.Fatalf("focus on %T, want the list of options", c.Focused())
	}
	return pop
}

// recovered runs f and returns what it panicked with, or nil.
func recovered(f func()) (r any) {
	defer func() { r = recover() }()
	f()
	return nil
}
