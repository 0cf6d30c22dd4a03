package lab

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zerokara/net/experiment"
)

// settingsForm is an experiment's settings, one field per setting of its
// description (the seed is the run controls' own field). A field is
// checked as typed against the description; a config is read over the
// last one filled in, so what the form does not show is kept.
type settingsForm struct {
	fields []*setting
	desc   *experiment.Description
	loc    *loc
	base   experiment.Config
}

// setting is one field of the form: an entry, or a check for a yes/no
// setting, with its message beside it.
type setting struct {
	Key   string
	Entry *widget.Entry
	Check *widget.Check
	Error *widget.Label
	spec  experiment.Field
}

func newSettingsForm(l *loc, d *experiment.Description) *settingsForm {
	f := &settingsForm{desc: d, loc: l, base: d.Book()}
	for _, spec := range d.Fields {
		if spec.Key == "seed" {
			continue
		}
		s := &setting{Key: spec.Key, Error: widget.NewLabel(""), spec: spec}
		s.Error.Hide()
		if spec.Kind == experiment.Bool {
			s.Check = widget.NewCheck(l.T("field."+spec.Key), nil)
		} else {
			s.Entry = widget.NewEntry()
			s.Entry.Validator = func(text string) error { return f.check(s, text) }
			s.Entry.OnChanged = func(string) { f.valid(s) }
		}
		f.fields = append(f.fields, s)
	}
	return f
}

// Field returns the setting with the JSON key, or nil.
func (f *settingsForm) Field(key string) *setting {
	for _, s := range f.fields {
		if s.Key == key {
			return s
		}
	}
	return nil
}

// fill shows cfg and keeps it as the base of the next read.
func (f *settingsForm) fill(cfg experiment.Config) {
	f.base = cfg
	for _, s := range f.fields {
		text, err := f.desc.Text(cfg, s.Key)
		if err != nil {
			continue
		}
		if s.Check != nil {
			s.Check.SetChecked(text == "true")
		} else {
			s.Entry.SetText(text)
			f.valid(s)
		}
	}
}

// text returns what the setting holds as the description reads it.
func (s *setting) text() string {
	if s.Check != nil {
		return strconv.FormatBool(s.Check.Checked)
	}
	return s.Entry.Text
}

// check tests one typed value against the description, in the window's
// language.
func (f *settingsForm) check(s *setting, text string) error {
	if _, err := f.desc.Set(f.base, s.Key, text); err != nil {
		return errors.New(f.message(s.spec, err))
	}
	return nil
}

// message says what a setting accepts, in the window's language.
func (f *settingsForm) message(spec experiment.Field, err error) string {
	return fieldMessage(f.loc, spec, err)
}

// fieldMessage says what a setting accepts, in the window's language; for
// names, the description's own error (English, naming the bad one).
func fieldMessage(l *loc, spec experiment.Field, err error) string {
	switch spec.Kind {
	case experiment.Int, experiment.Float:
		return l.T("check.range", spec.Range())
	case experiment.Uint:
		return l.T("check.seed")
	case experiment.IntList, experiment.FloatList:
		return l.T("check.numbers", spec.MinLen, spec.MaxLen, rangeOnly(spec))
	}
	return l.T("check.names", err)
}

// settingCheck checks one typed setting of d (over the book's setup) as
// the settings form does, for a tab with fields of its own.
func settingCheck(l *loc, d *experiment.Description, key string) func(string) error {
	spec, book := *d.Field(key), d.Book()
	return func(text string) error {
		if _, err := d.Set(book, key, text); err != nil {
			return errors.New(fieldMessage(l, spec, err))
		}
		return nil
	}
}

// rangeOnly is a list field's bounds of each value.
func rangeOnly(spec experiment.Field) string {
	spec.Kind = experiment.Float
	return spec.Range()
}

// valid reports whether the setting's text passes, updating its message.
func (f *settingsForm) valid(s *setting) bool {
	if s.Entry == nil {
		return true
	}
	if err := f.check(s, s.Entry.Text); err != nil {
		s.showError(err.Error())
		return false
	}
	s.showError("")
	return true
}

// showError shows msg below the setting; an empty message takes no room.
func (s *setting) showError(msg string) {
	s.Error.SetText(msg)
	if msg == "" {
		s.Error.Hide()
	} else {
		s.Error.Show()
	}
}

// config reads every setting over the base, or says which is wrong.
func (f *settingsForm) config() (experiment.Config, error) {
	cfg := f.base
	bad := false
	for _, s := range f.fields {
		if !f.valid(s) {
			bad = true
			continue
		}
		var err error
		if cfg, err = f.desc.Set(cfg, s.Key, s.text()); err != nil {
			s.showError(f.message(s.spec, err))
			bad = true
		}
	}
	if bad {
		return nil, errors.New(f.loc.T("check.fix"))
	}
	return cfg, nil
}

// object lays the settings out in two columns of label and entry with
// the message below, yes/no settings as checks after them. Nothing here is
// wider than a 800-pixel window's half.
func (f *settingsForm) object() fyne.CanvasObject {
	var rows, checks []fyne.CanvasObject
	for _, s := range f.fields {
		if s.Check != nil {
			checks = append(checks, s.Check)
			continue
		}
		name := f.loc.T("field." + s.Key)
		if unit := f.loc.T("unit." + s.spec.Unit); s.spec.Unit != "" && !strings.Contains(name, unit) {
			name = f.loc.T("field.withunit", name, unit)
		}
		s.Error.Wrapping = fyne.TextWrapWord
		s.Error.Importance = widget.DangerImportance
		entry := container.NewGridWrap(fyne.NewSize(180, s.Entry.MinSize().Height), s.Entry)
		rows = append(rows, container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(name), nil, container.NewHBox(entry)), s.Error))
	}
	return container.NewVBox(container.NewGridWithColumns(2, rows...), container.NewGridWithColumns(2, checks...))
}
