package report

import (
	"strings"
	"testing"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/jafont"
)

// The Japanese figures' font has a glyph for every rune of every figure
// text of the Japanese bundle, and figures in Japanese name it.
func TestJapaneseFigureFontHasEveryGlyph(t *testing.T) {
	f, err := jafont.Load()
	if err != nil {
		if tr, lerr := Localizer(i18n.Japanese); lerr == nil || tr.Lang() != i18n.English {
			t.Errorf("no Japanese font, yet Localizer(ja) = %s, %v", tr.Lang(), lerr)
		}
		t.Skipf("no Japanese font installed, figures stay English (CI installs fonts-ipafont-gothic): %v", err)
	}
	ja := i18n.For(i18n.Japanese)
	var text strings.Builder
	n := 0
	for _, k := range ja.Keys() {
		if strings.HasPrefix(k, "fig.") {
			text.WriteString(ja.Raw(k))
			n++
		}
	}
	if n < 40 {
		t.Fatalf("only %d figure texts", n)
	}
	if m := f.Missing(text.String()); len(m) > 0 {
		t.Errorf("%s has no glyph for %q", f.Path, string(m))
	}
	tr, err := Localizer(i18n.Japanese)
	if err != nil || tr.Lang() != i18n.Japanese {
		t.Fatalf("Localizer(ja) = %s, %v", tr.Lang(), err)
	}
	if got := typeface(tr); got != f.Family {
		t.Errorf("Japanese figures use typeface %q, want %q", got, f.Family)
	}
	if got := typeface(i18n.For(i18n.English)); got != "" {
		t.Errorf("English figures use typeface %q", got)
	}
}
