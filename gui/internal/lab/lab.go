// Package lab builds zerokara's desktop lab: one tab per experiment of
// "Deep Learning from Scratch" §6.2–6.4 plus one for the GEMM kernel, in
// English or Japanese. It does not import fyne's app package, so its
// tests run with fyne's test driver without GL or cgo; gui/main.go opens
// the window.
package lab

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/datasource"
	"zerokara/gui/internal/i18n"
	"zerokara/net/experiment"
)

// Lab is the window's content. Its screens are exported for tests.
type Lab struct {
	Tabs        *container.AppTabs
	Activations *ActivationsScreen
	// Experiments are the tabs built from the experiments' descriptions,
	// in the book's order (Screen finds one by name).
	Experiments []*ExperimentScreen
	Kernel      *KernelScreen
	DataStatus  *widget.Label
	DataFolder  *widget.Button
	// Language switches the window's language (see SetLanguage).
	Language *SafeSelect
	// FontNote says why figures are in English in a Japanese window (no
	// Japanese font file found); empty otherwise.
	FontNote *widget.Label
	// guidesOpen: OpenGuides was called, and a rebuild opens them again.
	guidesOpen bool
	data       *datasource.Source
	loc        *loc
	window     fyne.Window
	remember   func() // saves the window's size and tab (set by Show)
	// onLanguage is told the language the user picked (Show remembers it).
	onLanguage func(i18n.Lang)
	// runners, exports and configs of the tabs, by tab index (nil for
	// Activations, which recomputes on every change, and for the kernel's
	// config).
	runners []*runner
	exports []*exporter
	configs []*configIO
	// tabKeys are the tabs' title keys, in order.
	tabKeys []string
}

// Screen returns the tab of the experiment called name, or nil.
func (l *Lab) Screen(name string) *ExperimentScreen {
	for _, s := range l.Experiments {
		if s.Desc.Name == name {
			return s
		}
	}
	return nil
}

// New builds the lab in lang on a data source: experiments load MNIST
// from it when they first need it (on their worker goroutines), the
// "MNIST folder…" button points it elsewhere, and its status line follows
// it.
func New(data *datasource.Source, lang i18n.Lang) *Lab {
	l := &Lab{data: data}
	// The status line of whatever content is shown (a language switch
	// builds a new one).
	data.OnChange(func(string) { fyne.Do(func() { l.DataStatus.SetText(l.dataStatus()) }) })
	l.build(lang)
	return l
}

// build makes every widget of the window in lang.
func (l *Lab) build(lang i18n.Lang) {
	lc := newLoc(lang)
	l.loc = lc
	l.DataStatus = widget.NewLabel(l.dataStatus())
	l.DataFolder = widget.NewButton(lc.T("lab.folder"), l.pickFolder)
	l.FontNote = widget.NewLabel(lc.figNote)
	l.FontNote.Wrapping = lc.wrap()
	if lc.figNote == "" {
		l.FontNote.Hide()
	}
	var names []string
	byName := map[string]i18n.Lang{}
	for _, lg := range i18n.Langs() {
		name := i18n.For(lg).T("lang.self")
		names, byName[name] = append(names, name), lg
	}
	l.Language = NewSafeSelect(names, nil)
	l.Language.SetSelected(lc.T("lang.self"))
	l.Language.OnChanged = func(name string) {
		if lg, ok := byName[name]; ok && lg != l.loc.Lang() {
			// After this callback: the select is replaced with the rest.
			fyne.Do(func() { l.SetLanguage(lg) })
		}
	}
	window := func() fyne.Window { return l.window }
	l.Kernel = newKernelScreen(lc, window)
	l.Activations = newActivationsScreen(lc, window)
	type tab struct {
		key    string
		object fyne.CanvasObject
		runner *runner
		export *exporter
		config *configIO
	}
	tabs := []tab{{"tab.activations", l.Activations.object(), nil, nil, nil}}
	l.Experiments = nil
	for _, d := range experiment.Experiments() {
		if d.Name == "activations" {
			continue // its own tab: it recomputes on every change
		}
		s := newExperimentScreen(lc, d, l.data.LoadContext, window)
		l.Experiments = append(l.Experiments, s)
		tabs = append(tabs, tab{"tab." + d.Name, s.object(), s.runner, s.Export, s.Config})
	}
	tabs = append(tabs, tab{"tab.kernel", l.Kernel.object(), l.Kernel.runner, l.Kernel.Export, nil})
	var items []*container.TabItem
	l.runners, l.exports, l.configs, l.tabKeys = nil, nil, nil, nil
	for _, t := range tabs {
		items = append(items, container.NewTabItem(lc.T(t.key), t.object))
		l.runners, l.exports, l.configs = append(l.runners, t.runner), append(l.exports, t.export), append(l.configs, t.config)
		l.tabKeys = append(l.tabKeys, t.key)
	}
	// Built in one go: AppTabs.Append would lay the tabs out here, while
	// the Activations tab's first recomputation is already drawing.
	l.Tabs = container.NewAppTabs(items...)
}

// Lang returns the window's language.
func (l *Lab) Lang() i18n.Lang { return l.loc.Lang() }

// SetLanguage rebuilds the window's content in lang: running experiments
// are stopped; the selected tab, every tab's valid settings and last
// complete result are kept.
// It runs on the UI goroutine.
func (l *Lab) SetLanguage(lang i18n.Lang) {
	if lang == l.loc.Lang() {
		return
	}
	tab := l.Tabs.SelectedIndex()
	settings := make([][]byte, len(l.configs))
	for i, c := range l.configs {
		if c == nil {
			continue
		}
		if cfg, err := c.get(); err == nil {
			settings[i], _ = c.desc.EncodeConfig(cfg)
		}
	}
	for _, r := range l.runners {
		if r != nil {
			r.stop()
		}
	}
	if l.Activations.cancel != nil {
		l.Activations.cancel()
	}
	old := *l
	l.build(lang)
	// The last complete results, drawn again in the new language.
	for i, s := range l.Experiments {
		s.adopt(old.Experiments[i])
	}
	l.Kernel.adopt(old.Kernel)
	for i, b := range settings {
		if b != nil && l.configs[i] != nil {
			_ = l.configs[i].set(b) // it was valid a moment ago
		}
	}
	l.Tabs.SelectIndex(tab)
	if l.guidesOpen {
		l.OpenGuides()
	}
	if l.window != nil {
		l.window.SetTitle(l.loc.T("lab.title"))
		l.window.SetContent(l.Content())
	}
	if l.onLanguage != nil {
		l.onLanguage(lang)
	}
}

// OpenGuides opens every tab's guide.
func (l *Lab) OpenGuides() {
	for _, g := range l.loc.guides {
		g.OnTapped()
	}
	l.loc.guides, l.guidesOpen = nil, true // open now; a rebuild opens its own
}

// dataStatus describes the data in the window's language.
func (l *Lab) dataStatus() string {
	if l.loc == nil {
		return ""
	}
	train, test, where, ok := l.data.Loaded()
	if !ok {
		return l.loc.T("data.later")
	}
	return l.loc.T("data.loaded", train, test, where)
}

// pickFolder asks for a folder (the lab's own dialog, in the window's
// language) and loads it on a worker goroutine.
func (l *Lab) pickFolder() {
	if l.window == nil {
		return
	}
	start, _ := os.UserHomeDir()
	if _, _, where, ok := l.data.Loaded(); ok {
		start = where
	}
	newFolderDialog(l.loc, l.window, l.loc.T("data.pick.title"), l.loc.T("data.pick.what"), l.loc.T("data.pick.confirm"), start, func(dir string) {
		l.DataStatus.SetText(l.loc.T("data.loading", dir))
		go func() {
			if err := l.data.UseDir(dir); err != nil {
				fyne.Do(func() {
					l.DataStatus.SetText(l.dataStatus())
					dialog.ShowError(errorIn(l.loc, "data.loadfailed", err), l.window)
				})
			}
		}()
	}).Show()
}

// OfferDownloadIfMissing checks (on a worker goroutine) whether MNIST can
// be found and, if not, offers the download.
func (l *Lab) OfferDownloadIfMissing() {
	go func() {
		if err := l.data.Missing(); err != nil {
			fyne.Do(func() { offerDownload(l.loc, l.window, err, l.data) })
		}
	}()
}

// SetWindow tells the lab its window, for dialogs (export, download).
func (l *Lab) SetWindow(w fyne.Window) { l.window = w }

// Content returns the object to put in the window.
func (l *Lab) Content() fyne.CanvasObject {
	// The status names the MNIST folder, which may be long: it is cut
	// short rather than widen the window.
	l.DataStatus.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, nil, container.NewHBox(l.DataFolder, widget.NewLabel(l.loc.T("lab.language")), l.Language), l.DataStatus)
	return container.NewBorder(container.NewVBox(top, l.FontNote), nil, nil, nil, l.Tabs)
}

// SelectTab shows the tab whose title starts with name (case-sensitive),
// in the window's language or in English; it reports whether one matched.
func (l *Lab) SelectTab(name string) bool {
	en := i18n.For(i18n.English)
	for i, t := range l.Tabs.Items {
		for _, title := range []string{t.Text, en.T(l.tabKeys[i])} {
			if len(title) >= len(name) && title[:len(name)] == name {
				l.Tabs.SelectIndex(i)
				return true
			}
		}
	}
	return false
}

// selected returns the selected tab's runner and exporter (nil for the
// Activations tab, which recomputes on every change).
func (l *Lab) selected() (*runner, *exporter) {
	i := l.Tabs.SelectedIndex()
	if i < 0 || i >= len(l.runners) {
		return nil, nil
	}
	return l.runners[i], l.exports[i]
}

// RunSelected presses Run on the selected tab (Activations recomputes).
func (l *Lab) RunSelected() {
	if r, _ := l.selected(); r != nil {
		r.Run.OnTapped()
	} else if l.Tabs.SelectedIndex() == 0 {
		l.Activations.recompute()
	}
}
