package lab

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"zerokara/gui/internal/i18n"
)

// WindowOptions are the window's command-line settings.
type WindowOptions struct {
	// Title replaces the window's title (default: the lab's, translated).
	Title string
	// Lang is the window's language when not "" (see StartLanguage); it
	// is not remembered.
	Lang i18n.Lang
	// Size overrides the remembered window size when not zero.
	Size fyne.Size
	// Tab overrides the remembered tab when not "" (see SelectTab).
	Tab string
	// Autorun presses Run on the opened tab once the app has started.
	Autorun bool
	// QuitAfter closes the lab after this long when > 0 (smoke tests).
	QuitAfter time.Duration
	// Fresh neither reads nor writes the remembered size and tab, so a
	// run is reproducible.
	Fresh bool
	// Out, with Autorun, exports the run's files (JSON, CSV, figures) into
	// this directory when it completes.
	Out string
	// OpenGuides opens every tab's guide (screenshots, first readers).
	OpenGuides bool
	// Config, when not nil, is a config file's bytes (what a tab saves, or
	// a result JSON): its experiment's tab opens with its settings.
	Config []byte
	// QuitWhenDone, with Autorun, closes the lab once the run (and its
	// export) has finished.
	QuitWhenDone bool
}

// DefaultSize is the window's size on first start.
var DefaultSize = fyne.NewSize(1200, 900)

// Preference keys.
const (
	prefWidth, prefHeight, prefTab = "window.width", "window.height", "window.tab"
	// prefLang is the language picked in the window (not the -lang flag's).
	prefLang = "window.lang"
)

// afterRun waits for the autorun and exports and quits as asked. An
// unfinished run or a failed export is reported on stderr and exported as
// nothing.
func (l *Lab) afterRun(a fyne.App, r *runner, e *exporter, opt WindowOptions, remember func()) {
	r.wait()
	if opt.Out != "" {
		if err := e.exportTo(opt.Out); err != nil {
			fmt.Fprintf(os.Stderr, "zerokara: autorun export: %v\n", err)
		}
	}
	if opt.QuitWhenDone {
		fyne.Do(func() {
			remember()
			a.Quit()
		})
	}
}

// ParseSize reads "WxH" (e.g. 1280x800).
func ParseSize(s string) (fyne.Size, error) {
	w, h, ok := strings.Cut(strings.ToLower(strings.TrimSpace(s)), "x")
	wi, werr := strconv.Atoi(w)
	hi, herr := strconv.Atoi(h)
	if !ok || werr != nil || herr != nil || wi < 320 || hi < 240 || wi > 10000 || hi > 10000 {
		return fyne.Size{}, fmt.Errorf("window size %q: want WxH, at least 320x240", s) // i18n:ignore (a command-line flag)
	}
	return fyne.NewSize(float32(wi), float32(hi)), nil
}

// Show opens the lab in a window of app a: the remembered (or given) size
// and tab, Run pressed once the app has started if asked, and the size and
// tab remembered for next time unless Fresh. It returns the window; the
// caller runs the app.
func (l *Lab) Show(a fyne.App, opt WindowOptions) (fyne.Window, error) {
	title := opt.Title
	if title == "" {
		title = l.loc.T("lab.title")
	}
	w := a.NewWindow(title)
	if opt.OpenGuides {
		l.OpenGuides()
	}
	l.SetWindow(w)
	w.SetContent(l.Content())
	prefs := a.Preferences()
	size := DefaultSize
	if !opt.Fresh {
		if pw, ph := prefs.Float(prefWidth), prefs.Float(prefHeight); pw >= 320 && ph >= 240 {
			size = fyne.NewSize(float32(pw), float32(ph))
		}
		if t := prefs.String(prefTab); t != "" && opt.Tab == "" {
			l.SelectTab(t)
		}
	}
	if opt.Size != (fyne.Size{}) {
		size = opt.Size
	}
	w.Resize(size)
	if opt.Config != nil {
		if err := l.LoadConfig(opt.Config); err != nil {
			return nil, err
		}
	}
	if opt.Tab != "" && !l.SelectTab(opt.Tab) {
		return nil, fmt.Errorf("no tab %q (want the start of a tab's title: Activations, Optimizers, Init, Batch, Symmetry, Overfitting, σ (the sweep), Hyper or Kernel)", opt.Tab) // i18n:ignore (a command-line flag)
	}
	l.remember = func() {
		if opt.Fresh {
			return
		}
		s := w.Canvas().Size()
		prefs.SetFloat(prefWidth, float64(s.Width))
		prefs.SetFloat(prefHeight, float64(s.Height))
		// The English title: it selects the tab in either language.
		prefs.SetString(prefTab, i18n.For(i18n.English).T(l.tabKeys[l.Tabs.SelectedIndex()]))
	}
	l.onLanguage = func(lang i18n.Lang) {
		if !opt.Fresh {
			prefs.SetString(prefLang, string(lang))
		}
	}
	remember := l.remember
	w.SetCloseIntercept(func() {
		remember()
		w.Close()
	})
	a.Lifecycle().SetOnStarted(func() {
		l.OfferDownloadIfMissing()
		if opt.Autorun {
			l.RunSelected()
			if r, e := l.selected(); r != nil && (opt.Out != "" || opt.QuitWhenDone) {
				go l.afterRun(a, r, e, opt, remember)
			}
		}
		if opt.QuitAfter > 0 {
			time.AfterFunc(opt.QuitAfter, func() {
				fyne.Do(func() {
					remember()
					a.Quit()
				})
			})
		}
	})
	w.Show()
	return w, nil
}

// LoadConfig shows a config file (as -config reads it) in its
// experiment's tab and selects that tab. A file of no known experiment,
// or with a setting out of range, is an error.
func (l *Lab) LoadConfig(b []byte) error {
	var head struct {
		Experiment string `json:"experiment"`
	}
	if err := json.Unmarshal(b, &head); err != nil || head.Experiment == "" {
		return fmt.Errorf("config file: want {\"experiment\": NAME, \"config\": {…}} as a tab saves it (%v)", err) // i18n:ignore (a command-line flag)
	}
	for i, s := range l.Experiments {
		if s.Desc.Name != head.Experiment {
			continue
		}
		if err := s.setConfig(b); err != nil {
			return err
		}
		l.Tabs.SelectIndex(i + 1) // after Activations
		return nil
	}
	return fmt.Errorf("config file: experiment %q has no tab that takes a config", head.Experiment) // i18n:ignore (a command-line flag)
}
