package lab

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/widget"
)

// field is an entry of the Activations tab checked as typed by fyne's validation (Entry.Validator
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

// positiveFloat accepts a number in (0, 1e6] (the custom σ), with the
// message in the window's language.
func (l *loc) positiveFloat(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || !(v > 0) || v > 1e6 {
		return errors.New(l.T("check.positive"))
	}
	return nil
}

func atoi(s string) int {
	v, _ := strconv.Atoi(strings.TrimSpace(s))
	return v
}

func atof(s string) float64 {
	v, _ := strconv.ParseFloat(strings.TrimSpace(s), 64)
	return v
}
