package lab

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/report"
)

// loc is the window's language: ui for every label, button and message,
// fig for the figures, which fall back to English when no Japanese font
// file is found (figNote says so).
type loc struct {
	*i18n.Localizer
	fig     *i18n.Localizer
	figNote string
	// guides are the tabs' guide buttons (OpenGuides presses them).
	guides []*widget.Button
}

func newLoc(lang i18n.Lang) *loc {
	l := &loc{Localizer: i18n.For(lang)}
	fig, err := report.Localizer(lang)
	l.fig = fig
	if err != nil {
		l.figNote = l.T("lang.nofont", err)
	}
	return l
}

// errorIn puts err (English: errors of net and kernel are API) into the
// sentence key of the window's language.
func errorIn(l *loc, key string, err error) error { return errors.New(l.T(key, err)) }

// StartLanguage picks the window's language at start: opt.Lang if given,
// else the remembered choice (unless Fresh), else the system locale's.
func StartLanguage(a fyne.App, opt WindowOptions) i18n.Lang {
	if opt.Lang != "" {
		return opt.Lang
	}
	if !opt.Fresh {
		if lg, err := i18n.ParseLang(a.Preferences().String(prefLang)); err == nil {
			return lg
		}
	}
	return i18n.FromLocale(string(lang.SystemLocale()))
}

// wrap is how long text wraps: at spaces in English; anywhere in
// Japanese, which has few spaces and may break between most characters
// (wrapping at spaces left lines half empty).
func (l *loc) wrap() fyne.TextWrap {
	if l.Lang() == i18n.Japanese {
		return fyne.TextWrapBreak
	}
	return fyne.TextWrapWord
}
