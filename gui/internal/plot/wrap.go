package plot

import (
	"strings"
	"unicode/utf8"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// wrap breaks s into lines no wider than width in sty, joined by "\n".
// A line breaks at a space, or between two runes of which one is not
// ASCII (Japanese text has no spaces): never inside a word or a number
// ("0.88", "10000"). A piece wider than width alone gets a line of its
// own.
func wrap(s string, sty draw.TextStyle, width vg.Length) string {
	if s == "" || sty.Width(s) <= width {
		return s
	}
	var lines []string
	line := ""
	for _, piece := range pieces(s) {
		switch next := line + piece; {
		case line == "":
			line = strings.TrimLeft(piece, " ")
		case sty.Width(strings.TrimRight(next, " ")) <= width:
			line = next
		default:
			lines = append(lines, strings.TrimRight(line, " "))
			line = strings.TrimLeft(piece, " ")
		}
	}
	return strings.Join(append(lines, strings.TrimRight(line, " ")), "\n")
}

// pieces splits s where a line may break: after each space, and between
// two runes of which one is not ASCII.
func pieces(s string) []string {
	var out []string
	start, prev := 0, rune(-1)
	for i, r := range s {
		if i > start && (prev == ' ' || (r != ' ' && (r >= utf8.RuneSelf || prev >= utf8.RuneSelf))) {
			out, start = append(out, s[start:i]), i
		}
		prev = r
	}
	return append(out, s[start:])
}
