package lab

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	gotext "github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
	"github.com/go-text/typesetting/language"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/jafont"
	"zerokara/net/experiment"
)

// The language menu rebuilds the window in Japanese: the tabs shown are
// the Japanese ones, the settings typed and the last result survive (the
// figure redrawn in Japanese), and the choice is remembered.
func TestSwitchLanguageShowsJapaneseTabs(t *testing.T) {
	a := test.NewTempApp(t)
	l := New(testData, i18n.English)
	l.Activations.wait()
	w, err := l.Show(a, WindowOptions{Tab: "Batch"})
	if err != nil {
		t.Fatal(err)
	}
	l.waitViews()
	setField(t, l.Screen("batchnorm"), "sigmas", "0.1, 1")
	setField(t, l.Screen("batchnorm"), "points", "3")
	test.Tap(l.Screen("batchnorm").Run)
	l.Screen("batchnorm").wait()
	l.Language.SetSelected("日本語")
	l.Activations.wait()
	l.waitViews()

	// Every experiment's tab, in the book's order, between Activations
	// and Kernel.
	ja := i18n.For(i18n.Japanese)
	want := []string{"アクティベーション"}
	for _, d := range experiment.Experiments() {
		if d.Name != "activations" {
			want = append(want, ja.T("tab."+d.Name))
		}
	}
	want = append(want, "カーネル")
	if got := tabTitles(w.Content()); !slices.Equal(got, want) || !slices.Contains(got, "MNIST で初期値比較") {
		t.Errorf("tabs in the window after the switch: %q, want %q", got, want)
	}
	if l.Lang() != i18n.Japanese || l.Tabs.Selected().Text != "Batch Normalization" {
		t.Errorf("language %s, tab %q", l.Lang(), l.Tabs.Selected().Text)
	}
	if l.Screen("batchnorm").Form.Field("points").Entry.Text != "3" {
		t.Errorf("points per net after the switch: %q, want the typed 3", l.Screen("batchnorm").Form.Field("points").Entry.Text)
	}
	t.Run("figure", func(t *testing.T) {
		f := l.Screen("batchnorm").View.Figure()
		if _, err := jafont.Load(); err != nil {
			// Without the font the figures stay English by design.
			if f == nil || !strings.HasPrefix(f.Title, "Batch Normalization: training") || len(f.Panels) != 2 {
				t.Errorf("without a Japanese font, the run before the switch is not drawn again in English: %v", f)
			}
			missingJapaneseFont(t, "the figure in Japanese needs a Japanese figure font (Debian: apt install fonts-ipafont-gothic): %v", err)
		}
		if f == nil || !strings.HasPrefix(f.Title, "Batch Normalization:重み") || len(f.Panels) != 2 {
			t.Errorf("the run before the switch is not drawn again in Japanese: %v", f)
		}
	})
	if err := l.Screen("batchnorm").Export.exportTo(t.TempDir()); err != nil {
		t.Errorf("the adopted result does not export: %v", err)
	}
	if l.Screen("batchnorm").Run.Text != "実行" || !strings.Contains(l.Screen("batchnorm").Help.Text, "訓練精度") {
		t.Errorf("Run %q, help %q", l.Screen("batchnorm").Run.Text, l.Screen("batchnorm").Help.Text)
	}
	if got := a.Preferences().String(prefLang); got != "ja" {
		t.Errorf("remembered language %q", got)
	}
	if lang := StartLanguage(a, WindowOptions{}); lang != i18n.Japanese {
		t.Errorf("next start in %s", lang)
	}
	if lang := StartLanguage(a, WindowOptions{Lang: i18n.English}); lang != i18n.English {
		t.Errorf("-lang en started in %s", lang)
	}

	l.Language.SetSelected("English")
	l.Activations.wait()
	l.waitViews()
	if got := tabTitles(w.Content()); got[0] != "Activations" || got[len(got)-1] != "Kernel" {
		t.Errorf("tabs after switching back: %q", got)
	}
}

// tabTitles finds the AppTabs in o and returns their titles.
func tabTitles(o fyne.CanvasObject) []string {
	switch o := o.(type) {
	case *container.AppTabs:
		var out []string
		for _, it := range o.Items {
			out = append(out, it.Text)
		}
		return out
	case *fyne.Container:
		for _, c := range o.Objects {
			if t := tabTitles(c); t != nil {
				return t
			}
		}
	}
	return nil
}

// A Japanese check message comes from the bundle, and net's English
// error is kept inside a Japanese sentence.
func TestJapaneseChecks(t *testing.T) {
	ja := newLoc(i18n.Japanese)
	d, err := experiment.Lookup("overfit")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		key, in, want string
	}{
		{"epochs", "0", "[1, 100000] の範囲の数"},
		{"lr", "-1", "[0, 1000] の範囲の数"},
		{"hidden", "a, b", "1〜16 個のカンマ区切りの数"},
		{"variants", "nope", "無効なリスト:"},
	} {
		err := settingCheck(ja, d, tc.key)(tc.in)
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s %q: %v, want %q…", tc.key, tc.in, err, tc.want)
		}
	}
	if err := settingCheck(ja, d, "variants")("nope"); err == nil || !strings.Contains(err.Error(), "nope") {
		t.Errorf("the experiment's error is not inside the sentence: %v", err)
	}
}

// The fonts the Japanese window draws with have a glyph for every rune
// of the Japanese bundle (a window of tofu boxes passes a colour count,
// so the smoke test alone proves nothing). The window keeps fyne's theme
// font and lets fyne add the system's sans-serif font for the locale's
// language, then, rune by rune, any system font that has the rune, as
// fyne's painter does with go-text's fontscan: the test asks fontscan the
// same questions for Japanese. (A CJK fallback such as Droid Sans Fallback
// lacks √ and ≈, which fyne then takes from another font.)
func TestJapaneseFontsHaveEveryGlyph(t *testing.T) {
	fm := fontscan.NewFontMap(quiet{})
	if err := fm.UseSystemFonts(t.TempDir()); err != nil {
		t.Fatalf("scanning the system fonts: %v", err)
	}
	fm.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}})
	ja, _ := fontscan.NewLangID(language.Language("ja"))
	face := fm.ResolveFaceForLang(ja)
	if face == nil {
		missingJapaneseFont(t, "no system font for Japanese is installed (Debian: apt install fonts-noto-cjk or fonts-ipafont-gothic), so the window would show boxes")
	}
	where := fm.FontLocation(face.Font)
	themeFont, err := gotext.ParseTTF(bytes.NewReader(theme.DefaultTheme().Font(fyne.TextStyle{}).Content()))
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	seen := map[rune]bool{}
	for _, r := range i18n.For(i18n.Japanese).Text() {
		if r < ' ' || seen[r] {
			continue
		}
		seen[r] = true
		_, inTheme := themeFont.NominalGlyph(r)
		_, inJapanese := face.NominalGlyph(r)
		if inTheme || inJapanese {
			continue
		}
		if other := fm.ResolveFace(r); other != nil {
			if _, ok := other.NominalGlyph(r); ok {
				continue
			}
		}
		missing = append(missing, string(r))
	}
	if len(missing) > 0 {
		t.Errorf("neither fyne's font nor %s (index %d) nor any other system font has %q", where.File, where.Index, missing)
	}
	if _, ok := face.NominalGlyph('漢'); !ok {
		t.Errorf("the font for Japanese, %s, has no kanji", where.File)
	}
	if len(seen) < 300 {
		t.Errorf("only %d distinct runes in the Japanese bundle", len(seen))
	}
	t.Logf("Japanese text: fyne's font, then %s (index %d)", where.File, where.Index)
}

// requireJapaneseFontEnv, when set (CI sets it, having installed the
// fonts), turns the skip of a test for want of a Japanese font into a
// failure.
const requireJapaneseFontEnv = "ZEROKARA_REQUIRE_JA_FONT"

// missingJapaneseFont skips t, whose check needs an optional Japanese font,
// with the message, which names the package to install; it fails t
// instead when requireJapaneseFontEnv is set.
func missingJapaneseFont(t *testing.T, format string, args ...any) {
	t.Helper()
	if os.Getenv(requireJapaneseFontEnv) != "" {
		t.Fatalf(requireJapaneseFontEnv+" is set, but "+format, args...)
	}
	t.Skipf(format, args...)
}

// quiet drops fontscan's log lines.
type quiet struct{}

func (quiet) Printf(string, ...any) {}

// OpenGuides opens the guide of every tab, and a language switch keeps
// them open, in the new language.
func TestOpenGuides(t *testing.T) {
	l := newTestLab(t)
	if findLabel(l.Tabs, l.Screen("batchnorm").Guide) != nil {
		t.Fatal("a guide is open from the start")
	}
	l.OpenGuides()
	for _, g := range []string{l.Activations.Guide, l.Screen("initcompare").Guide, l.Screen("batchnorm").Guide, l.Screen("symmetry").Guide, l.Screen("overfit").Guide, l.Screen("sweep").Guide, l.Kernel.Guide} {
		if lb := findLabel(l.Tabs, g); lb == nil {
			t.Errorf("guide %.40q… is not shown", g)
		}
	}
	l.SetLanguage(i18n.Japanese)
	l.Activations.wait()
	l.waitViews()
	if !strings.HasPrefix(l.Screen("batchnorm").Guide, "本(§6.3.2)") || findLabel(l.Tabs, l.Screen("batchnorm").Guide) == nil {
		t.Errorf("after the switch: guide %.40q… shown: %v", l.Screen("batchnorm").Guide, findLabel(l.Tabs, l.Screen("batchnorm").Guide) != nil)
	}
}

// findLabel returns the visible label showing text inside o, if any (on
// any tab: AppTabs hides the tabs not selected).
func findLabel(o fyne.CanvasObject, text string) *widget.Label {
	if _, tabs := o.(*container.AppTabs); !o.Visible() && !tabs {
		return nil
	}
	switch o := o.(type) {
	case *widget.Label:
		if o.Text == text {
			return o
		}
	case *lineBroken:
		if o.source.Text == text {
			return o.source
		}
	case *container.Scroll:
		return findLabel(o.Content, text)
	case *container.AppTabs:
		for _, it := range o.Items {
			for _, c := range it.Content.(*fyne.Container).Objects {
				if lb := findLabel(c, text); lb != nil {
					return lb
				}
			}
		}
	case *fyne.Container:
		for _, c := range o.Objects {
			if lb := findLabel(c, text); lb != nil {
				return lb
			}
		}
	}
	return nil
}

// The system locale picks the language unless a -lang flag or (without
// -fresh) a remembered choice says otherwise.
func TestStartLanguage(t *testing.T) {
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefLang, "en")
	for _, tc := range []struct {
		locale string
		opt    WindowOptions
		want   i18n.Lang
	}{
		{"ja_JP.UTF-8", WindowOptions{Fresh: true}, i18n.Japanese},
		{"en_US.UTF-8", WindowOptions{Fresh: true}, i18n.English},
		{"ja_JP.UTF-8", WindowOptions{}, i18n.English}, // remembered
		{"ja_JP.UTF-8", WindowOptions{Fresh: true, Lang: i18n.English}, i18n.English},
		{"en_US.UTF-8", WindowOptions{Lang: i18n.Japanese}, i18n.Japanese},
	} {
		for _, v := range []string{"LANGUAGE", "LC_ALL", "LC_MESSAGES"} {
			t.Setenv(v, "")
		}
		t.Setenv("LANG", tc.locale)
		if got := StartLanguage(a, tc.opt); got != tc.want {
			t.Errorf("LANG=%s %+v: %s, want %s", tc.locale, tc.opt, got, tc.want)
		}
	}
}

// breakLines ends lines only where Japanese allows: never inside a number
// or a Latin word, never before closing punctuation or after an opening
// bracket; each line fits unless one piece alone is wider than a line.
// (Widths here: 1 per narrow rune, 2 per wide one.)
func TestBreakLinesKeepsNumbersWhole(t *testing.T) {
	measure := func(s string) float32 {
		w := float32(0)
		for _, r := range s {
			w++
			if wide(r) {
				w++
			}
		}
		return w
	}
	for _, tc := range []struct {
		name, in string
		width    float32
		want     string
	}{
		{"fits", "訓練画像 10000 枚", 40, "訓練画像 10000 枚"},
		{"a number moves whole to the next line", "訓練画像は10000枚です", 14, "訓練画像は\n10000枚です"},
		{"a decimal stays whole", "テスト精度は0.88でした", 15, "テスト精度は\n0.88でした"},
		{"a break at a space drops it", "訓練画像 10000 枚", 12, "訓練画像\n10000 枚"},
		{"no line starts with 、 or 。", "あいう、えお。かき", 6, "あい\nう、え\nお。か\nき"},
		{"no line ends with （", "本文（§6.3.2）です", 10, "本文\n（§6.3.2）\nです"},
		{"a Latin word stays whole", "経路はavx512です", 10, "経路は\navx512です"},
		{"English at spaces", "best 249% of peak", 9, "best 249%\nof peak"},
		{"a piece wider than a line is cut", "0123456789", 4, "0123\n4567\n89"},
		{"paragraphs stay", "あいうえ\nかき", 4, "あい\nうえ\nかき"},
		{"a number with a space between its groups stays whole", "and 10 000 test images", 8, "and\n10 000\ntest\nimages"},
		{"and in Japanese", "テスト画像 10 000 枚", 13, "テスト画像\n10 000 枚"},
	} {
		got := breakLines(tc.in, tc.width, measure)
		if got != tc.want {
			t.Errorf("%s: breakLines(%q, %g) = %q, want %q", tc.name, tc.in, tc.width, got, tc.want)
		}
	}
}

// The long texts (help, guide, kernel info) are broken by the lab (here
// in Japanese): every line fits the label, no number is split, and
// the text without the breaks is the text.
func TestJapaneseTextBreaksOutsideNumbers(t *testing.T) {
	test.NewTempApp(t)
	ja := newLoc(i18n.Japanese)
	text := ja.T("data.loaded", 60000, 10000, "testdata/mnist") + " " + ja.T("guide.kernel")
	o := ja.wrapped(widget.NewLabel(text))
	b, ok := o.(*lineBroken)
	if !ok {
		t.Fatalf("a Japanese label is laid out as %T", o)
	}
	w := test.NewTempWindow(t, o)
	for _, width := range []float32{220, 317, 480} {
		w.Resize(fyne.NewSize(width, 900))
		lines := strings.Split(b.shown.Text, "\n")
		if len(lines) < 3 {
			t.Errorf("width %g: %d lines", width, len(lines))
		}
		inner := b.Size().Width - 2*theme.SizeForWidget(theme.SizeNameInnerPadding, b.shown)
		for i, line := range lines {
			if got := fyne.MeasureText(line, theme.SizeForWidget(theme.SizeNameText, b.shown), fyne.TextStyle{}).Width; got > inner {
				t.Errorf("width %g: line %d is %g px wide, more than %g: %q", width, i, got, inner, line)
			}
			if i > 0 && unicode.IsDigit([]rune(line)[0]) && unicode.IsDigit([]rune(lines[i-1])[len([]rune(lines[i-1]))-1]) {
				t.Errorf("width %g: a number is split between %q and %q", width, lines[i-1], line)
			}
		}
		if strings.ReplaceAll(strings.ReplaceAll(b.shown.Text, "\n", ""), " ", "") != strings.ReplaceAll(strings.ReplaceAll(text, "\n", ""), " ", "") {
			t.Errorf("width %g: the broken text differs from the text", width)
		}
	}
	if en, ok := newLoc(i18n.English).wrapped(widget.NewLabel("x")).(*lineBroken); !ok || en.shown.Wrapping != fyne.TextWrapWord {
		t.Error("English labels are not broken by the lab")
	}
}
