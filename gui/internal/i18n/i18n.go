// Package i18n is the lab's localizer: every user-visible string of the
// window and of the figures is a key into an embedded JSON bundle per
// language (bundles/en.json, bundles/ja.json), a flat map from key to an
// fmt format. Explicit argument indexes (%[2]d) let a translation put the
// arguments in its own order.
//
// It is deliberately small instead of go-i18n: English and Japanese need
// no plural forms, the fmt verbs can be checked statically against each
// other by the tests, and a language switch is a map lookup, with no
// template parsing on the UI goroutine.
package i18n

import (
	"embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Lang is a UI language.
type Lang string

// The languages the lab speaks.
const (
	English  Lang = "en"
	Japanese Lang = "ja"
)

// Langs lists every language, English (the fallback) first.
func Langs() []Lang { return []Lang{English, Japanese} }

// ParseLang reads "en" or "ja" (any case).
func ParseLang(s string) (Lang, error) {
	l := Lang(strings.ToLower(strings.TrimSpace(s)))
	if !slices.Contains(Langs(), l) {
		return "", fmt.Errorf("unknown language %q (want en or ja)", s)
	}
	return l, nil
}

// FromLocale picks the language for a system locale such as "ja-JP",
// "ja_JP.UTF-8" or "en-US": Japanese for any Japanese locale, English
// otherwise.
func FromLocale(locale string) Lang {
	l := strings.ToLower(strings.TrimSpace(locale))
	if l == "ja" || strings.HasPrefix(l, "ja-") || strings.HasPrefix(l, "ja_") || strings.HasPrefix(l, "ja.") {
		return Japanese
	}
	return English
}

//go:embed bundles/*.json
var bundleFS embed.FS

// Localizer turns keys into text of one language.
type Localizer struct {
	lang Lang
	msgs map[string]string
}

var (
	loadOnce   sync.Once
	localizers map[Lang]*Localizer
	loadErr    error
)

// load parses every embedded bundle once.
func load() {
	localizers = map[Lang]*Localizer{}
	for _, l := range Langs() {
		b, err := bundleFS.ReadFile("bundles/" + string(l) + ".json")
		if err != nil {
			loadErr = fmt.Errorf("i18n: bundle %s: %w", l, err)
			return
		}
		msgs := map[string]string{}
		if err := json.Unmarshal(b, &msgs); err != nil {
			loadErr = fmt.Errorf("i18n: bundle %s: %w", l, err)
			return
		}
		localizers[l] = &Localizer{lang: l, msgs: msgs}
	}
}

// Check reports whether the embedded bundles parse (tests; For falls back
// to showing keys when they do not).
func Check() error {
	loadOnce.Do(load)
	return loadErr
}

// For returns the localizer of l (English for an unknown language).
func For(l Lang) *Localizer {
	loadOnce.Do(load)
	if loc, ok := localizers[l]; ok {
		return loc
	}
	if loc, ok := localizers[English]; ok {
		return loc
	}
	return &Localizer{lang: English}
}

// Lang returns the localizer's language.
func (l *Localizer) Lang() Lang { return l.lang }

// T returns the text of key, formatted with args as by fmt.Sprintf. A key
// missing from the bundle comes back as "!key" so that it shows, and the
// tests refuse it.
func (l *Localizer) T(key string, args ...any) string {
	f, ok := l.msgs[key]
	if !ok {
		return "!" + key
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// Has reports whether the bundle has key.
func (l *Localizer) Has(key string) bool {
	_, ok := l.msgs[key]
	return ok
}

// Keys returns the bundle's keys, sorted.
func (l *Localizer) Keys() []string {
	keys := make([]string, 0, len(l.msgs))
	for k := range l.msgs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Text returns every text of the bundle, unformatted (glyph checks).
func (l *Localizer) Text() string {
	var b strings.Builder
	for _, k := range l.Keys() {
		b.WriteString(l.msgs[k])
		b.WriteByte('\n')
	}
	return b.String()
}

// Raw returns key's unformatted text (verb checks).
func (l *Localizer) Raw(key string) string { return l.msgs[key] }
