package plot

import (
	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot/font"
)

// RegisterTypeface makes face available to figures as Figure.Typeface
// name (a Japanese font for Japanese figures: gonum/plot's Liberation
// fonts have no kana or kanji). It is safe to call more than once.
func RegisterTypeface(name string, face *opentype.Font) {
	font.DefaultCache.Add(font.Collection{{Font: font.Font{Typeface: font.Typeface(name)}, Face: face}})
}

// fontOf returns the figure's font: its Typeface, or Liberation Sans.
func (f *Figure) fontOf() font.Font {
	if f.Typeface == "" {
		return sans
	}
	return font.Font{Typeface: font.Typeface(f.Typeface)}
}
