package report

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/jafont"
)

// requireJapaneseFontEnv, when set (CI sets it, having installed the
// font), turns the skip for want of a Japanese font into a failure.
const requireJapaneseFontEnv = "ZEROKARA_REQUIRE_JA_FONT"

// The Japanese figures' font has a glyph for every rune of every figure
// text of the Japanese bundle, and figures in Japanese name it.
func TestJapaneseFigureFontHasEveryGlyph(t *testing.T) {
	f, err := jafont.Load()
	if err != nil {
		if tr, lerr := Localizer(i18n.Japanese); lerr == nil || tr.Lang() != i18n.English {
			t.Errorf("no Japanese font, yet Localizer(ja) = %s, %v", tr.Lang(), lerr)
		}
		msg := fmt.Sprintf("no Japanese font installed, figures stay English (Debian: apt install fonts-ipafont-gothic): %v", err)
		if os.Getenv(requireJapaneseFontEnv) != "" {
			t.Fatalf("%s is set, but %s", requireJapaneseFontEnv, msg)
		}
		t.Skip(msg)
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
