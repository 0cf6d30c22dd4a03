package experiment

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Kind is how a setting is typed: by a flag, in a form field, in JSON.
type Kind int

// The kinds of settings. Lists are comma-separated in flags and forms and
// JSON arrays in configs.
const (
	Int       Kind = iota // a whole number
	Uint                  // a whole number ≥ 0 of up to 64 bits (seeds)
	Float                 // a finite number
	Bool                  // true or false
	Text                  // a name: an activation, an optimizer, a dtype
	IntList               // whole numbers
	FloatList             // finite numbers
	TextList              // names (initializers, variants)
)

// Field describes one setting of an experiment.
type Field struct {
	// Key is the JSON key; a nested key is joined by dots
	// ("bn.running_var_one"). Flag derives the flag's name from it.
	Key  string
	Kind Kind
	// Unit names what a number counts ("images", "steps"), or "".
	Unit string
	// Min and Max bound a number, or each number of a list; OpenMax
	// excludes Max itself (a ratio < 1).
	Min, Max float64
	OpenMax  bool
	// MinLen and MaxLen bound a list's length; Unique refuses an entry
	// given twice.
	MinLen, MaxLen int
	Unique         bool
	// Help is the English help line (the flags'); the window shows the
	// message "field.<Key>" of its language.
	Help string
}

// Flag returns the field's command-line flag name (without the dash):
// the key with "-" for "_" and ".".
func (f *Field) Flag() string {
	return strings.NewReplacer("_", "-", ".", "-").Replace(f.Key)
}

// Range describes the allowed values in words, for help texts.
func (f *Field) Range() string {
	upper := "]"
	if f.OpenMax {
		upper = ")"
	}
	bounds := fmt.Sprintf("[%s, %s%s", fmtNum(f.Min), fmtNum(f.Max), upper)
	switch f.Kind {
	case Uint:
		return "a whole number ≥ 0 of up to 64 bits"
	case Int, Float:
		return bounds
	case IntList, FloatList:
		return fmt.Sprintf("%d to %d values in %s", f.MinLen, f.MaxLen, bounds)
	case TextList:
		return fmt.Sprintf("%d to %d names", f.MinLen, f.MaxLen)
	}
	return ""
}

func fmtNum(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// check tests one JSON value (decoded with UseNumber) against the field.
func (f *Field) check(v any) error {
	switch f.Kind {
	case Int, Uint, Float:
		return f.checkNumber(v)
	case Bool:
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s: want true or false", f.Key)
		}
	case Text:
		if _, ok := v.(string); !ok {
			return fmt.Errorf("%s: want a name", f.Key)
		}
	case IntList, FloatList, TextList:
		list, ok := v.([]any)
		if !ok && v != nil {
			return fmt.Errorf("%s: want a list", f.Key)
		}
		if len(list) < f.MinLen || len(list) > f.MaxLen {
			return fmt.Errorf("%s: %d entries, want %d to %d", f.Key, len(list), f.MinLen, f.MaxLen)
		}
		seen := map[string]bool{}
		for i, e := range list {
			if f.Kind == TextList {
				if _, ok := e.(string); !ok {
					return fmt.Errorf("%s: entry %d is not a name", f.Key, i+1)
				}
			} else if err := f.checkNumber(e); err != nil {
				return fmt.Errorf("entry %d: %w", i+1, err)
			}
			k := fmt.Sprint(e)
			if f.Unique && seen[k] {
				return fmt.Errorf("%s: %v is given twice", f.Key, e)
			}
			seen[k] = true
		}
	}
	return nil
}

func (f *Field) checkNumber(v any) error {
	n, ok := v.(json.Number)
	if !ok {
		return fmt.Errorf("%s: want a number", f.Key)
	}
	x, err := strconv.ParseFloat(string(n), 64)
	if err != nil {
		return fmt.Errorf("%s: %s is not a number", f.Key, n)
	}
	whole := f.Kind == Int || f.Kind == Uint || f.Kind == IntList
	if whole && x != math.Trunc(x) {
		return fmt.Errorf("%s: %s is not a whole number", f.Key, n)
	}
	if !(x >= f.Min) || x > f.Max || (f.OpenMax && x == f.Max) {
		return fmt.Errorf("%s: %s is outside %s", f.Key, n, f.Range())
	}
	return nil
}

// parse turns a typed text into the JSON value of the field.
func (f *Field) parse(text string) (any, error) {
	text = strings.TrimSpace(text)
	switch f.Kind {
	case Int, Uint, Float:
		return f.parseNumber(text)
	case Bool:
		b, err := strconv.ParseBool(text)
		if err != nil {
			return nil, fmt.Errorf("%s: %q is not true or false", f.Key, text)
		}
		return b, nil
	case Text:
		return text, nil
	}
	list := []any{}
	for _, part := range strings.Split(text, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if f.Kind == TextList {
			list = append(list, part)
			continue
		}
		n, err := f.parseNumber(part)
		if err != nil {
			return nil, err
		}
		list = append(list, n)
	}
	return list, nil
}

func (f *Field) parseNumber(s string) (json.Number, error) {
	switch f.Kind {
	case Int, IntList:
		if _, err := strconv.ParseInt(s, 10, 64); err != nil {
			return "", fmt.Errorf("%s: %q is not a whole number", f.Key, s)
		}
	case Uint:
		if _, err := strconv.ParseUint(s, 10, 64); err != nil {
			return "", fmt.Errorf("%s: %q is not a whole number ≥ 0", f.Key, s)
		}
	default:
		x, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
			return "", fmt.Errorf("%s: %q is not a finite number", f.Key, s)
		}
		return json.Number(strconv.FormatFloat(x, 'g', -1, 64)), nil
	}
	return json.Number(s), nil
}

// format writes a JSON value as the field's text.
func (f *Field) format(v any) string {
	switch x := v.(type) {
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = fmt.Sprint(e)
		}
		return strings.Join(parts, ", ")
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// tree is a config as nested JSON objects, numbers kept as written.
type tree map[string]any

func toTree(cfg Config) (tree, error) {
	b, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	return decodeTree(b)
}

func decodeTree(b []byte) (tree, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var t tree
	if err := dec.Decode(&t); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("text after the JSON object")
	}
	return t, nil
}

// get returns the value at a dotted key.
func (t tree) get(key string) (any, bool) {
	var cur any = map[string]any(t)
	for _, k := range strings.Split(key, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, false
		}
		if cur, ok = m[k]; !ok {
			return nil, false
		}
	}
	return cur, true
}

// set stores v at a dotted key whose parents exist.
func (t tree) set(key string, v any) {
	parts := strings.Split(key, ".")
	m := map[string]any(t)
	for _, k := range parts[:len(parts)-1] {
		m = m[k].(map[string]any)
	}
	m[parts[len(parts)-1]] = v
}

// checkFields checks every field of cfg.
func (d *Description) checkFields(cfg Config) error {
	t, err := toTree(cfg)
	if err != nil {
		return fmt.Errorf("experiment: %s: %w", d.Name, err)
	}
	for i := range d.Fields {
		f := &d.Fields[i]
		v, ok := t.get(f.Key)
		if !ok {
			return fmt.Errorf("experiment: %s: no setting %s", d.Name, f.Key)
		}
		if err := f.check(v); err != nil {
			return fmt.Errorf("experiment: %s: %w", d.Name, err)
		}
	}
	return nil
}

// Text returns the field key of cfg as a form or flag shows it.
func (d *Description) Text(cfg Config, key string) (string, error) {
	f := d.Field(key)
	if f == nil {
		return "", fmt.Errorf("experiment: %s has no setting %q", d.Name, key)
	}
	t, err := toTree(cfg)
	if err != nil {
		return "", err
	}
	v, _ := t.get(key)
	return f.format(v), nil
}

// Set returns cfg with the field key set from typed text (a flag's value
// or a form field's), checked against the field and the names the config
// accepts. The rest of the config is left as it is; the joint checks and
// the memory estimate are Check's.
func (d *Description) Set(cfg Config, key, text string) (Config, error) {
	f := d.Field(key)
	if f == nil {
		return cfg, fmt.Errorf("experiment: %s has no setting %q", d.Name, key)
	}
	v, err := f.parse(text)
	if err != nil {
		return cfg, err
	}
	if err := f.check(v); err != nil {
		return cfg, err
	}
	t, err := toTree(cfg)
	if err != nil {
		return cfg, err
	}
	t.set(key, v)
	out, err := d.fromTree(t, cfg)
	if err != nil {
		return cfg, fmt.Errorf("%s: %w", key, err)
	}
	return out, nil
}

// fromTree decodes a whole config tree into a fresh config (so no slice
// of like is shared) and carries like's data over.
func (d *Description) fromTree(t tree, like Config) (Config, error) {
	b, err := json.Marshal(t)
	if err != nil {
		return nil, err
	}
	c, err := d.decodeInto(b)
	if err != nil {
		return nil, err
	}
	return withData(c, dataOf(like)), nil
}
