package jafont

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCandidatesStartWithTheEnvironment(t *testing.T) {
	t.Setenv(EnvVar, "/some/where/font.ttf")
	c := Candidates()
	if len(c) < 2 || c[0] != "/some/where/font.ttf" {
		t.Fatalf("candidates %q", c)
	}
	for _, p := range c[1:] {
		if !strings.HasSuffix(p, ".ttf") {
			t.Errorf("candidate %q is not a single-file font", p)
		}
	}
}

func TestSearchRefusesWhatIsNotAJapaneseFont(t *testing.T) {
	dir := t.TempDir()
	notFont := filepath.Join(dir, "not.ttf")
	if err := os.WriteFile(notFont, []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		paths []string
		want  string // in the error
	}{
		{"nothing there", []string{filepath.Join(dir, "missing.ttf")}, "fonts-ipafont-gothic"},
		{"not a font", []string{notFont}, "not.ttf"},
	} {
		f, err := search(tc.paths)
		if f != nil || !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, %v", tc.name, f, err)
		}
	}
}

// requireEnv, when set (CI sets it, having installed the font), turns the
// skip for want of a Japanese font into a failure.
const requireEnv = "ZEROKARA_REQUIRE_JA_FONT"

// When a Japanese font is installed, it has kana and kanji and no glyph
// for a rune outside Unicode's assigned planes.
func TestLoadedFontHasJapanese(t *testing.T) {
	f, err := Load()
	if err != nil {
		if os.Getenv(requireEnv) != "" {
			t.Fatalf("%s is set, but: %v", requireEnv, err)
		}
		t.Skipf("no Japanese font installed: %v", err)
	}
	if m := f.Missing("日本語のテキスト、ひらがな"); len(m) > 0 {
		t.Errorf("%s misses %q", f.Path, m)
	}
	if m := f.Missing("\U000F0000"); len(m) != 1 {
		t.Errorf("%s claims a glyph for a private-use rune: %q", f.Path, m)
	}
}
