package lab

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/plot"
	"zerokara/gui/internal/results"
)

// prefExportDir is the preference key of the folder last exported into.
const prefExportDir = "window.exportdir"

// defaultExportDir is where the first export goes, relative to the working
// directory: the headless runner's default -out.
const defaultExportDir = "results"

// exporter is the "Export…" button of a screen: its dialog names the
// files it writes and the folder, which starts as the last one used and
// can be typed or walked to; it asks before replacing a result set of the
// same name there, and writes the screen's last complete result as
// <name>.json, .csv and figures, the figures in the window's figure
// language (PDF: English).
type exporter struct {
	Button *widget.Button
	name   string
	result func() (results.Result, results.Figure) // nil result: nothing yet
	window func() fyne.Window
	status *widget.Label
	loc    *loc
	// writing counts exports in flight, for tests.
	writing sync.WaitGroup
}

func newExporter(l *loc, name string, window func() fyne.Window, status *widget.Label, result func() (results.Result, results.Figure)) *exporter {
	e := &exporter{name: name, result: result, window: window, status: status, loc: l}
	e.Button = widget.NewButton(l.T("export.button"), e.ask)
	// The file list it reports can be long: it wraps, and never widens
	// the window.
	status.Wrapping = fyne.TextWrapWord
	return e
}

// ask opens the export dialog (or says that there is nothing to export).
func (e *exporter) ask() {
	w := e.window()
	if w == nil {
		return
	}
	if res, _ := e.result(); res == nil {
		e.status.SetText(e.loc.T("export.nothing"))
		return
	}
	newFolderDialog(e.loc, w, e.loc.T("export.title", e.name), e.loc.T("export.what", strings.Join(setFiles(e.name), ", ")),
		e.loc.T("export.confirm"), e.lastDir(), func(dir string) { e.confirm(w, dir) }).Show()
}

// lastDir is the folder the dialog starts in: the last one exported into,
// else the default.
func (e *exporter) lastDir() string {
	if a := fyne.CurrentApp(); a != nil {
		if dir := a.Preferences().String(prefExportDir); dir != "" {
			return dir
		}
	}
	if wd, err := os.Getwd(); err == nil {
		return filepath.Join(wd, defaultExportDir)
	}
	return defaultExportDir
}

// confirm exports into dir, after asking when a set of the same name is
// there already.
func (e *exporter) confirm(w fyne.Window, dir string) {
	dir = strings.TrimSpace(dir)
	if dir == "" {
		dialog.ShowError(errors.New(e.loc.T("export.nofolder")), w)
		return
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	old := existingSet(dir, e.name)
	if len(old) == 0 {
		e.start(w, dir)
		return
	}
	msg := e.loc.wrapped(widget.NewLabel(e.loc.T("export.replace", dir, strings.Join(old, ", "))))
	d := dialog.NewCustomConfirm(e.loc.T("export.replace.title", e.name), e.loc.T("export.replace.yes"), e.loc.T("export.cancel"),
		msg, func(ok bool) {
			if ok {
				e.start(w, dir)
			}
		}, w)
	d.Resize(dialogSize(w, 480, 260))
	d.Show()
}

// start writes the set into dir on a worker goroutine and remembers dir
// once it is written.
func (e *exporter) start(w fyne.Window, dir string) {
	e.status.SetText(e.loc.T("export.busy"))
	e.writing.Add(1)
	go func() {
		defer e.writing.Done()
		err := e.exportTo(dir)
		fyne.Do(func() {
			if err != nil {
				dialog.ShowError(err, w)
				return
			}
			if a := fyne.CurrentApp(); a != nil {
				a.Preferences().SetString(prefExportDir, dir)
			}
		})
	}()
}

// wait blocks until every export started so far is written.
func (e *exporter) wait() { e.writing.Wait() }

// exportTo writes the files into dir and reports them in the status line
// (through fyne.Do: it runs on a worker goroutine).
func (e *exporter) exportTo(dir string) error {
	res, fig := e.result()
	if res == nil || fig == nil {
		return errors.New(e.loc.T("export.nothing"))
	}
	files, err := results.WriteSet(context.Background(), dir, results.Set{Name: e.name, Result: res, Figure: fig, Lang: e.loc.fig,
		Formats: plot.Formats(), DPI: plot.DefaultDPI, Manifest: manifestOf(res)})
	if err != nil {
		return errors.New(e.loc.T("export.failed", err))
	}
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = filepath.Base(f)
	}
	fyne.Do(func() { e.status.SetText(e.loc.T("export.done", strings.Join(names, ", "), dir)) })
	return nil
}

// setFiles are the names a set called name has: JSON, CSV and one figure
// per format.
func setFiles(name string) []string {
	out := []string{name + ".json", name + ".csv"}
	for _, f := range plot.Formats() {
		out = append(out, name+"."+string(f))
	}
	return out
}

// existingSet returns the files of a set called name already in dir.
func existingSet(dir, name string) []string {
	var out []string
	for _, f := range setFiles(name) {
		if _, err := os.Lstat(filepath.Join(dir, f)); err == nil {
			out = append(out, f)
		}
	}
	return out
}

// folderDialog asks for a folder in the window's language: a text on
// what happens there, the folder (typed, or walked to in the list of its
// subfolders, Up to its parent), and confirm/Cancel. Unlike fyne's folder
// dialog it needs no favourite folders (whose lookup logged "this
// computer does not define a VIDEOS folder" where the XDG user folders
// are not set up) and speaks the window's language, not the system's.
type folderDialog struct {
	*dialog.ConfirmDialog
	// Folder is the folder chosen.
	Folder *widget.Entry
	// Up goes to the folder's parent; Subfolders lists its folders.
	Up         *widget.Button
	Subfolders *widget.List
	subfolders []string
}

// newFolderDialog builds the dialog titled title in w, starting in start;
// confirm labels the button that calls chosen with the folder typed.
func newFolderDialog(l *loc, w fyne.Window, title, what, confirm, start string, chosen func(dir string)) *folderDialog {
	d := &folderDialog{Folder: widget.NewEntry()}
	d.Subfolders = widget.NewList(func() int { return len(d.subfolders) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.FolderIcon()), widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*fyne.Container).Objects[1].(*widget.Label).SetText(d.subfolders[i])
		})
	d.Subfolders.OnSelected = func(i widget.ListItemID) {
		d.Subfolders.UnselectAll()
		if i >= 0 && i < len(d.subfolders) {
			d.Folder.SetText(filepath.Join(existingDir(d.Folder.Text), d.subfolders[i]))
		}
	}
	d.Up = widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() {
		d.Folder.SetText(filepath.Dir(existingDir(d.Folder.Text)))
	})
	d.Folder.OnChanged = func(string) { d.list() }
	d.Folder.SetText(start)

	top := container.NewVBox(l.wrapped(widget.NewLabel(what)), container.NewBorder(nil, nil, widget.NewLabel(l.T("export.folder")), d.Up, d.Folder))
	d.ConfirmDialog = dialog.NewCustomConfirm(title, confirm, l.T("export.cancel"),
		container.NewBorder(top, nil, nil, nil, d.Subfolders), func(ok bool) {
			if ok {
				chosen(d.Folder.Text)
			}
		}, w)
	d.Resize(dialogSize(w, 620, 460))
	return d
}

// list shows the subfolders of the folder typed (or of its nearest
// existing ancestor), hidden ones left out.
func (d *folderDialog) list() {
	entries, _ := os.ReadDir(existingDir(d.Folder.Text)) // unreadable: an empty list
	d.subfolders = d.subfolders[:0]
	for _, en := range entries {
		if en.IsDir() && !strings.HasPrefix(en.Name(), ".") {
			d.subfolders = append(d.subfolders, en.Name())
		}
	}
	slices.Sort(d.subfolders)
	d.Subfolders.Refresh()
}

// existingDir is dir if it is a folder, else its nearest existing
// ancestor folder (the set is written into dir, which is created).
func existingDir(dir string) string {
	p := filepath.Clean(strings.TrimSpace(dir))
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	for {
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return p
		}
		parent := filepath.Dir(p)
		if parent == p {
			return p
		}
		p = parent
	}
}

// dialogSize is a dialog's size: width × height, but no larger than most
// of the window.
func dialogSize(w fyne.Window, width, height float32) fyne.Size {
	c := w.Canvas().Size()
	return fyne.NewSize(min(width, 0.9*c.Width), min(height, 0.85*c.Height))
}

// manifestOf describes the run of res: its config's seed and workers (0
// for a result without them), this build and machine.
func manifestOf(res results.Result) *results.Manifest {
	var run struct {
		Config struct {
			Seed    uint64 `json:"seed"`
			Workers int    `json:"workers"`
		} `json:"config"`
	}
	if b, err := json.Marshal(res); err == nil {
		_ = json.Unmarshal(b, &run) // a result without a config: zeros
	}
	return results.NewManifest(run.Config.Seed, run.Config.Workers)
}
