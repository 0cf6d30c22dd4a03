package lab

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// field is an entry checked as typed by fyne's validation (Entry.Validator
// marks it) with the message in a label beside it: a bad value is shown,
// never used.
type field struct {
	Entry *widget.Entry
	Error *widget.Label
	check func(string) error
}

func newField(text string, check func(string) error) *field {
	f := &field{Entry: widget.NewEntry(), Error: widget.NewLabel(""), check: check}
	f.Entry.Validator = check
	f.Entry.SetText(text)
	f.Entry.OnChanged = func(string) { f.valid() }
	return f
}

// row lays the entry out with its message beside it.
func (f *field) row() fyne.CanvasObject {
	return container.NewBorder(nil, nil, nil, f.Error, container.NewGridWrap(fyne.NewSize(220, f.Entry.MinSize().Height), f.Entry))
}

// buttonRow lays buttons out in a row.
func buttonRow(b ...fyne.CanvasObject) fyne.CanvasObject { return container.NewHBox(b...) }

// valid reports whether the field's text passes its check, updating the
// error label.
func (f *field) valid() bool {
	if err := f.check(f.Entry.Text); err != nil {
		f.Error.SetText(err.Error())
		return false
	}
	f.Error.SetText("")
	return true
}

// The checks below return their messages in the window's language.

func (l *loc) positiveInt(max int) func(string) error {
	return func(s string) error {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || v < 1 || v > max {
			return errors.New(l.T("check.int", max))
		}
		return nil
	}
}

// nonNegative accepts a finite number ≥ 0 (a learning rate of 0 is a
// real choice: nothing moves).
func (l *loc) nonNegative(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || !(v >= 0) || v > 1e6 {
		return errors.New(l.T("check.nonneg"))
	}
	return nil
}

func (l *loc) positiveFloat(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || !(v > 0) || v > 1e6 {
		return errors.New(l.T("check.positive"))
	}
	return nil
}

// ratio accepts a ratio in [0, 1) (dropout).
func (l *loc) ratio(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || !(v >= 0 && v < 1) {
		return errors.New(l.T("check.ratio"))
	}
	return nil
}

// seed accepts a whole number ≥ 0 ("12abc" is an error).
func (l *loc) seed(s string) error {
	if _, err := parseSeed(s); err != nil {
		return errors.New(l.T("check.seed"))
	}
	return nil
}

// floats accepts a σ or learning-rate list (see floatList).
func (l *loc) floats(s string) error {
	if _, err := floatList(s); err != nil {
		return errors.New(l.T("check.list"))
	}
	return nil
}

// list accepts what parse accepts; its (English, API) error is shown
// inside a sentence of the window's language.
func (l *loc) list(parse func(string) error) func(string) error {
	return func(s string) error {
		if err := parse(s); err != nil {
			return errors.New(l.T("check.names", err))
		}
		return nil
	}
}

func atoi(s string) int {
	v, _ := strconv.Atoi(strings.TrimSpace(s))
	return v
}

func atof(s string) float64 {
	v, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return v
}

// errList is floatList's error; the window says it in its language.
var errList = errors.New("want 1 to 64 comma-separated numbers ≥ 0") // i18n:ignore (shown as check.list)

// floatList parses a comma-separated list of 1 to 64 numbers ≥ 0.
func floatList(s string) ([]float64, error) {
	var out []float64
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		v, err := strconv.ParseFloat(f, 64)
		if err != nil || !(v >= 0) || v > 1e6 {
			return nil, errList
		}
		out = append(out, v)
	}
	if len(out) == 0 || len(out) > 64 {
		return nil, errList
	}
	return out, nil
}

// formatList writes scales as the σ field shows them.
func formatList(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.FormatFloat(x, 'g', 5, 64)
	}
	return strings.Join(parts, ", ")
}
