package report

import (
	"sync"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/jafont"
	"zerokara/gui/internal/plot"
)

// Localizer returns the localizer for figures in lang. Japanese figures
// need a Japanese font file (see jafont); without one it returns the
// English localizer and an error that says why, so that no figure is
// written in boxes.
func Localizer(lang i18n.Lang) (*i18n.Localizer, error) {
	if lang != i18n.Japanese {
		return i18n.For(lang), nil
	}
	if _, err := japanese(); err != nil {
		return i18n.For(i18n.English), err
	}
	return i18n.For(lang), nil
}

var registerOnce sync.Once

// japanese loads the Japanese font and registers it with the plots once.
func japanese() (*jafont.Font, error) {
	f, err := jafont.Load()
	if err != nil {
		return nil, err
	}
	registerOnce.Do(func() { plot.RegisterTypeface(f.Family, f.Face) })
	return f, nil
}

// typeface is the figures' font for tr's language: the Japanese font's
// for Japanese, gonum/plot's default otherwise.
func typeface(tr *i18n.Localizer) string {
	if tr.Lang() != i18n.Japanese {
		return ""
	}
	f, err := japanese()
	if err != nil {
		return ""
	}
	return f.Family
}
