package lab

import (
	"errors"
	"sort"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
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

// wrap is how a label fyne wraps breaks its lines: at spaces, in either
// language (fyne's other mode breaks anywhere, splitting numbers). Long
// Japanese text, which has few spaces, goes through wrapped instead.
func (l *loc) wrap() fyne.TextWrap { return fyne.TextWrapWord }

// wrapped returns label ready to be laid out with its long text wrapped
// to the width it gets by lineBroken: at spaces, and in Japanese between
// most characters, but never inside a number ("10 000" included) or a
// Latin word. The label's text is taken when it is laid out or
// refreshed.
func (l *loc) wrapped(label *widget.Label) fyne.CanvasObject {
	label.Wrapping = fyne.TextWrapWord
	return newLineBroken(label)
}

// lineBroken shows a label's text broken into lines that fit its width,
// at the places breakLines allows. fyne wraps at every space ("10 000"
// too; Japanese lines stayed half empty) or anywhere ("10 00/0 枚",
// "0./88").
type lineBroken struct {
	widget.BaseWidget
	source *widget.Label // the text, as its owner set it
	shown  *widget.Label // source's text with the line breaks
	// from and width are the text and width shown was broken for.
	from  string
	width float32
}

func newLineBroken(source *widget.Label) *lineBroken {
	b := &lineBroken{source: source, shown: widget.NewLabel(source.Text)}
	// A line that no longer fits (the width changed since) wraps at a
	// space; wrapping also keeps the label's minimum width small.
	b.shown.Wrapping = fyne.TextWrapWord
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer shows the broken text.
func (b *lineBroken) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.shown) }

// Resize breaks the text for the new width.
func (b *lineBroken) Resize(size fyne.Size) {
	b.rebreak(size.Width)
	b.BaseWidget.Resize(size)
}

// Refresh takes the source's text and style again.
func (b *lineBroken) Refresh() {
	b.rebreak(b.Size().Width)
	b.BaseWidget.Refresh()
}

// rebreak breaks the source's text for a label width, unless it was
// broken for it already.
func (b *lineBroken) rebreak(width float32) {
	src := b.source
	if src.TextStyle != b.shown.TextStyle || src.Importance != b.shown.Importance || src.Alignment != b.shown.Alignment {
		b.shown.TextStyle, b.shown.Importance, b.shown.Alignment = src.TextStyle, src.Importance, src.Alignment
		b.from = "\x00" // styled anew: break again
	}
	text := src.Text
	if text == b.from && width == b.width {
		return
	}
	b.from, b.width = text, width
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, b.shown)
	size := theme.SizeForWidget(theme.SizeNameText, b.shown)
	if inner := width - 2*pad; inner > 0 {
		text = breakLines(text, inner, func(s string) float32 { return fyne.MeasureText(s, size, b.shown.TextStyle).Width })
	}
	b.shown.SetText(text)
}

// breakLines breaks every paragraph of text into lines no wider than
// width (as measure measures), ending a line only where canBreak allows;
// a piece with no such place that is wider than a whole line alone is
// broken where it must be. Spaces at a break are dropped.
func breakLines(text string, width float32, measure func(string) float32) string {
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		r := []rune(para)
		for {
			if measure(string(r)) <= width || len(r) <= 1 {
				lines = append(lines, string(r))
				break
			}
			fits := func(end int) bool { return measure(strings.TrimRight(string(r[:end]), " ")) <= width }
			var ends []int // where a line may end
			for i := 1; i < len(r); i++ {
				if canBreak(r[i-1], r[i]) && !thousands(r, i) {
					ends = append(ends, i)
				}
			}
			// The last end that fits (a longer prefix is no narrower).
			n := sort.Search(len(ends), func(i int) bool { return !fits(ends[i]) })
			end := 0
			if n > 0 {
				end = ends[n-1]
			} else {
				// No place fits: as many runes as fit, at least one.
				end = max(1, sort.Search(len(r)+1, func(i int) bool { return i > 0 && !fits(i) })-1)
			}
			lines = append(lines, strings.TrimRight(string(r[:end]), " "))
			r = []rune(strings.TrimLeft(string(r[end:]), " "))
			if len(r) == 0 {
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}

// canBreak reports whether a line may end between a and b: after a
// space; where either side is wide (Japanese) text, unless b may not
// start a line (closing punctuation, small kana, ー) or a may not end one
// (opening brackets). Never between two narrow characters that are not
// spaces: inside a number ("10000", "0.88") or a Latin word.
func canBreak(a, b rune) bool {
	switch {
	case unicode.IsSpace(b):
		return false // after the spaces
	case unicode.IsSpace(a):
		return true
	case strings.ContainsRune(noLineStart, b) || strings.ContainsRune(noLineEnd, a):
		return false
	}
	return wide(a) || wide(b)
}

// thousands reports whether r[i] starts a digit group after a space that
// follows a digit ("10 000"): one number, not a place to break.
func thousands(r []rune, i int) bool {
	return i >= 2 && unicode.IsDigit(r[i]) && unicode.IsSpace(r[i-1]) && unicode.IsDigit(r[i-2])
}

// Characters a line may not start or end with (kinsoku).
const (
	noLineStart = "、。，．・：；？！ー）」』】〕〉》ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々" + ",.:;?!)]}%…"
	noLineEnd   = "（「『【〔〈《" + "([{"
)

// wide reports whether r is Japanese (or other CJK) text, between whose
// characters lines may break.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) || r == 'ー'
}
