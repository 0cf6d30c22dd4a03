package lab

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/gui/internal/results"
)

// countingResult is a result whose CSV writes are counted.
type countingResult struct {
	Value  int `json:"value"`
	writes *int
}

func (r countingResult) WriteCSV(w io.Writer) error {
	*r.writes++
	_, err := io.WriteString(w, "value\n1\n")
	return err
}

// exportFixture is an exporter in a window with a result once set.
type exportFixture struct {
	a      fyne.App
	w      fyne.Window
	e      *exporter
	status *widget.Label
	res    results.Result
	writes int
}

func newExportFixture(t *testing.T, lang i18n.Lang) *exportFixture {
	t.Helper()
	f := &exportFixture{a: test.NewTempApp(t), status: widget.NewLabel("")}
	f.w = test.NewTempWindow(t, widget.NewLabel(""))
	f.w.Resize(fyne.NewSize(800, 600))
	f.e = newExporter(newLoc(lang), "demo", func() fyne.Window { return f.w }, f.status, func() (results.Result, results.Figure) {
		if f.res == nil {
			return nil, nil
		}
		return f.res, func(*i18n.Localizer) *plot.Figure {
			return &plot.Figure{Title: "demo", Cols: 1, PanelSize: fyne.NewSize(160, 120),
				Panels: []*plot.Panel{{Series: []plot.Series{{Name: "line", X: []float64{0, 1}, Y: []float64{0, 1}}}}}}
		}
	})
	f.w.SetContent(container.NewVBox(f.e.Button, f.status))
	return f
}

// openDialog taps Export… and returns the dialog's folder field.
func (f *exportFixture) openDialog(t *testing.T) *widget.Entry {
	t.Helper()
	test.Tap(f.e.Button)
	entry := find[*widget.Entry](overlay(f.w), func(*widget.Entry) bool { return true })
	if entry == nil {
		t.Fatalf("no export dialog with a folder field (status %q)", f.status.Text)
	}
	return entry
}

// tap taps the button labelled text in the window's top dialog.
func (f *exportFixture) tap(t *testing.T, text string) {
	t.Helper()
	b := find[*widget.Button](overlay(f.w), func(b *widget.Button) bool { return b.Text == text })
	if b == nil {
		t.Fatalf("no %q button in the dialog", text)
	}
	test.Tap(b)
	f.e.wait()
}

// overlay is the window's top pop-up (a dialog), or nil.
func overlay(w fyne.Window) fyne.CanvasObject { return w.Canvas().Overlays().Top() }

// find returns the first object of type T below o (through containers and
// widgets' renderers) that ok accepts.
func find[T fyne.CanvasObject](o fyne.CanvasObject, ok func(T) bool) T {
	var zero T
	if o == nil || !o.Visible() {
		return zero
	}
	if t, is := o.(T); is && ok(t) {
		return t
	}
	var children []fyne.CanvasObject
	switch o := o.(type) {
	case *fyne.Container:
		children = o.Objects
	case fyne.Widget:
		children = test.WidgetRenderer(o).Objects()
	}
	for _, c := range children {
		if t := find(c, ok); any(t) != any(zero) {
			return t
		}
	}
	return zero
}

// Export says so when there is nothing to write; its dialog starts in
// the last folder used, writes the set there, and asks before replacing
// a set of the same name: Cancel keeps the old files, Replace writes.
func TestExportDialogAsksBeforeReplacing(t *testing.T) {
	f := newExportFixture(t, i18n.English)
	test.Tap(f.e.Button)
	if overlay(f.w) != nil || !strings.Contains(f.status.Text, "nothing to export") {
		t.Fatalf("before a run: dialog %v, status %q", overlay(f.w), f.status.Text)
	}

	f.res = countingResult{Value: 1, writes: &f.writes}
	dir := filepath.Join(t.TempDir(), "new folder")
	steps := []struct {
		name      string
		do        func(t *testing.T)
		writes    int
		asksAgain bool // a replace dialog is open afterwards
	}{
		{"export into a new folder", func(t *testing.T) {
			if entry := f.openDialog(t); !strings.HasSuffix(entry.Text, defaultExportDir) {
				t.Errorf("the first dialog starts in %q, want …/%s", entry.Text, defaultExportDir)
			}
			f.openDialogFolder(t, dir)
			f.tap(t, "Export")
		}, 1, false},
		{"the next dialog starts there, and Export asks", func(t *testing.T) {
			if entry := f.openDialog(t); entry.Text != dir {
				t.Errorf("the dialog starts in %q, want the last folder %q", entry.Text, dir)
			}
			f.tap(t, "Export")
		}, 1, true},
		{"Cancel keeps the old set", func(t *testing.T) { f.tap(t, "Cancel") }, 1, false},
		{"Replace writes", func(t *testing.T) {
			f.openDialog(t)
			f.tap(t, "Export")
			f.tap(t, "Replace")
		}, 2, false},
	}
	for _, s := range steps {
		s.do(t)
		if f.writes != s.writes {
			t.Errorf("%s: %d writes, want %d", s.name, f.writes, s.writes)
		}
		replace := find[*widget.Button](overlay(f.w), func(b *widget.Button) bool { return b.Text == "Replace" })
		if (replace != nil) != s.asksAgain {
			t.Errorf("%s: a replace dialog open: %v, want %v", s.name, replace != nil, s.asksAgain)
		}
	}
	for _, name := range setFiles("demo") {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("not written: %v", err)
		}
	}
	if got := f.a.Preferences().String(prefExportDir); got != dir {
		t.Errorf("remembered folder %q, want %q", got, dir)
	}
	if !strings.Contains(f.status.Text, "demo.json") || !strings.Contains(f.status.Text, dir) {
		t.Errorf("status %q does not name the files and the folder", f.status.Text)
	}
}

// openDialogFolder types dir into the open dialog's folder field.
func (f *exportFixture) openDialogFolder(t *testing.T, dir string) {
	t.Helper()
	entry := find[*widget.Entry](overlay(f.w), func(*widget.Entry) bool { return true })
	if entry == nil {
		t.Fatal("no folder field")
	}
	entry.SetText(dir)
}

// The dialog is in the window's language: its title and buttons say what
// it does (not fyne's "Open Folder"/"Open").
func TestExportDialogSpeaksTheWindowsLanguage(t *testing.T) {
	for _, tc := range []struct {
		lang                   i18n.Lang
		title, confirm, cancel string
	}{
		{i18n.English, "Export demo", "Export", "Cancel"},
		{i18n.Japanese, "demo を書き出す", "書き出す", "キャンセル"},
	} {
		f := newExportFixture(t, tc.lang)
		f.res = countingResult{writes: &f.writes}
		f.openDialog(t)
		for _, text := range []string{tc.confirm, tc.cancel} {
			if find[*widget.Button](overlay(f.w), func(b *widget.Button) bool { return b.Text == text }) == nil {
				t.Errorf("%s: no %q button", tc.lang, text)
			}
		}
		if find[*widget.Label](overlay(f.w), func(l *widget.Label) bool { return l.Text == tc.title }) == nil {
			t.Errorf("%s: no title %q", tc.lang, tc.title)
		}
	}
}

// The folder list shows a folder's subfolders (hidden ones left out); a
// tap goes into one, Up to the parent; a folder not made yet lists its
// nearest existing ancestor's.
func TestExportDialogWalksFolders(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"b", "a", ".hidden", filepath.Join("a", "inner")} {
		if err := os.Mkdir(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "file.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	f := newExportFixture(t, i18n.English)
	f.res = countingResult{writes: &f.writes}
	f.a.Preferences().SetString(prefExportDir, root)
	test.Tap(f.e.Button)
	list := find[*widget.List](overlay(f.w), func(*widget.List) bool { return true })
	entry := find[*widget.Entry](overlay(f.w), func(*widget.Entry) bool { return true })
	up := find[*widget.Button](overlay(f.w), func(b *widget.Button) bool { return b.Text == "" })
	if list == nil || entry == nil || up == nil {
		t.Fatalf("dialog: list %v, entry %v, up %v", list, entry, up)
	}
	items := func() string {
		var out []string
		for i := range list.Length() {
			o := list.CreateItem()
			list.UpdateItem(i, o)
			out = append(out, o.(*fyne.Container).Objects[1].(*widget.Label).Text)
		}
		return strings.Join(out, ",")
	}
	for _, s := range []struct {
		name        string
		do          func()
		folder, see string
	}{
		{"start", func() {}, root, "a,b"},
		{"tap a", func() { list.Select(0) }, filepath.Join(root, "a"), "inner"},
		{"up", func() { test.Tap(up) }, root, "a,b"},
		{"a folder not made yet", func() { entry.SetText(filepath.Join(root, "b", "new", "deeper")) },
			filepath.Join(root, "b", "new", "deeper"), ""},
	} {
		s.do()
		if entry.Text != s.folder || items() != s.see {
			t.Errorf("%s: folder %q listing %q, want %q listing %q", s.name, entry.Text, items(), s.folder, s.see)
		}
	}
}
