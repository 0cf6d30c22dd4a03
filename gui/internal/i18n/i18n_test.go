package i18n

import (
	"regexp"
	"slices"
	"testing"
)

func TestBundlesHaveTheSameKeys(t *testing.T) {
	if err := Check(); err != nil {
		t.Fatal(err)
	}
	en := For(English).Keys()
	if len(en) < 100 {
		t.Fatalf("the English bundle has only %d keys", len(en))
	}
	for _, l := range Langs()[1:] {
		other := For(l).Keys()
		for _, k := range en {
			if !slices.Contains(other, k) {
				t.Errorf("%s lacks %q", l, k)
			}
		}
		for _, k := range other {
			if !slices.Contains(en, k) {
				t.Errorf("%s has %q, which English lacks", l, k)
			}
		}
	}
}

// verbs are fmt's verbs with their flags, width and precision ("%.1f").
var verbs = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?[\d.]*[a-zA-Z%]`)

// Every translation takes the same arguments as the English text: the
// same verbs, so that no argument is dropped or printed as %!d(string=…).
func TestTranslationsUseTheSameVerbs(t *testing.T) {
	en := For(English)
	for _, l := range Langs()[1:] {
		tr := For(l)
		for _, k := range en.Keys() {
			want, got := verbs.FindAllString(en.Raw(k), -1), verbs.FindAllString(tr.Raw(k), -1)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(want, got) {
				t.Errorf("%s %q: verbs %v, English %v", l, k, got, want)
			}
		}
	}
}

func TestT(t *testing.T) {
	for _, tc := range []struct {
		lang Lang
		key  string
		args []any
		want string
	}{
		{English, "run.done", []any{1.25}, "done in 1.2 s"},
		{Japanese, "run.done", []any{1.25}, "完了(1.2 秒)"},
		{Japanese, "tab.overfit", nil, "過学習"},
		{English, "no.such.key", nil, "!no.such.key"},
		{"xx", "tab.overfit", nil, "Overfitting"}, // unknown language: English
	} {
		if got := For(tc.lang).T(tc.key, tc.args...); got != tc.want {
			t.Errorf("%s %s: %q, want %q", tc.lang, tc.key, got, tc.want)
		}
	}
}

func TestFromLocaleAndParseLang(t *testing.T) {
	for _, tc := range []struct {
		locale string
		want   Lang
	}{
		{"ja", Japanese}, {"ja-JP", Japanese}, {"ja_JP.UTF-8", Japanese}, {"JA_jp", Japanese},
		{"en-US", English}, {"C", English}, {"", English}, {"jam", English}, {"de-DE", English},
	} {
		if got := FromLocale(tc.locale); got != tc.want {
			t.Errorf("FromLocale(%q) = %s, want %s", tc.locale, got, tc.want)
		}
	}
	for _, tc := range []struct {
		in   string
		want Lang
		ok   bool
	}{{"en", English, true}, {" JA ", Japanese, true}, {"fr", "", false}, {"", "", false}} {
		got, err := ParseLang(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseLang(%q) = %q, %v", tc.in, got, err)
		}
	}
}
