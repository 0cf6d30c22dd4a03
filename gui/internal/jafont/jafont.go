// Package jafont finds a Japanese font on the system for the lab's
// Japanese figures (the window's text uses fyne's system fallback). It
// must be a single-file TrueType/OpenType
// font: the .ttc collections that most systems ship their CJK fonts in
// cannot be embedded or looked up by gonum/plot. Nothing is bundled: the
// IPA fonts (Debian: fonts-ipafont-gothic) are the ones looked for.
package jafont

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// EnvVar names a font file to use instead of searching.
const EnvVar = "ZEROKARA_JA_FONT"

// Font is a parsed Japanese font file.
type Font struct {
	Path string
	// Family is the font's family name (e.g. "IPAPGothic"), also the
	// typeface name figures use for it.
	Family string
	Face   *opentype.Font
}

// names are the IPA font files, proportional (nicer for text) first.
var names = []string{"ipagp.ttf", "ipag.ttf", "ipaexg.ttf", "fonts-japanese-gothic.ttf"}

// Candidates lists the files looked at, in order: $ZEROKARA_JA_FONT, then
// the IPA Gothic fonts in the well-known font folders of this OS.
func Candidates() []string {
	var out []string
	if p := os.Getenv(EnvVar); p != "" {
		out = append(out, p)
	}
	var dirs []string
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "darwin":
		dirs = []string{filepath.Join(home, "Library/Fonts"), "/Library/Fonts"}
	case "windows":
		dirs = []string{filepath.Join(os.Getenv("LOCALAPPDATA"), `Microsoft\Windows\Fonts`), filepath.Join(os.Getenv("WINDIR"), "Fonts")}
	default:
		dirs = []string{
			"/usr/share/fonts/opentype/ipafont-gothic", // Debian, Ubuntu
			"/usr/share/fonts/opentype/ipaexfont-gothic",
			"/usr/share/fonts/truetype",                                   // Debian's fonts-japanese-gothic alternative
			"/usr/share/fonts/ipa-gothic", "/usr/share/fonts/ipa-pgothic", // Fedora
			"/usr/share/fonts/OTF", "/usr/share/fonts/TTF", // Arch
			"/usr/local/share/fonts",
			filepath.Join(home, ".local/share/fonts"), filepath.Join(home, ".fonts"),
		}
	}
	for _, d := range dirs {
		for _, n := range names {
			out = append(out, filepath.Join(d, n))
		}
	}
	return out
}

var (
	once   sync.Once
	found  *Font
	errGot error
)

// Load returns the first candidate that parses and has Japanese glyphs
// (cached after the first call).
func Load() (*Font, error) {
	once.Do(func() { found, errGot = search(Candidates()) })
	return found, errGot
}

// ErrNotFound is returned by Load when no candidate is usable.
var ErrNotFound = errors.New("no Japanese TrueType font found")

func search(paths []string) (*Font, error) {
	var tried []string
	for _, p := range paths {
		f, err := Open(p)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, os.ErrNotExist) {
			tried = append(tried, err.Error())
		}
	}
	detail := ""
	if len(tried) > 0 {
		detail = ": " + strings.Join(tried, "; ")
	}
	return nil, fmt.Errorf("%w (install the IPA Gothic font, Debian: fonts-ipafont-gothic, or set %s to a .ttf/.otf file)%s", ErrNotFound, EnvVar, detail)
}

// Open parses one font file and checks that it has kana and kanji.
func Open(path string) (*Font, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("Japanese font: %w", err)
	}
	face, err := opentype.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("Japanese font %s (a .ttc collection will not do): %w", path, err)
	}
	var buf sfnt.Buffer
	family, err := face.Name(&buf, sfnt.NameIDFamily)
	if err != nil {
		return nil, fmt.Errorf("Japanese font %s: family name: %w", path, err)
	}
	f := &Font{Path: path, Family: family, Face: face}
	if miss := f.Missing("あア漢"); len(miss) > 0 {
		return nil, fmt.Errorf("Japanese font %s has no kana or kanji", path)
	}
	return f, nil
}

// Missing returns the runes of s (other than control characters) the
// font has no glyph for, each once.
func (f *Font) Missing(s string) []rune {
	var buf sfnt.Buffer
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if r < ' ' || seen[r] {
			continue
		}
		seen[r] = true
		if i, err := f.Face.GlyphIndex(&buf, r); err != nil || i == 0 {
			out = append(out, r)
		}
	}
	return out
}
