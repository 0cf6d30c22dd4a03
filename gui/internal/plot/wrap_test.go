package plot

import (
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Long titles and footers wrap at spaces, or between Japanese characters,
// never inside a word or a number, and no line is wider than asked
// unless one piece alone is.
func TestWrap(t *testing.T) {
	sty := textStyle(sans, 10, draw.XLeft, draw.YBottom)
	for _, tc := range []struct {
		name, in string
		width    vg.Length
		whole    []string // pieces that must stay on one line
		lines    int      // at least this many lines
	}{
		{"fits", "batch 100, seed 1", 500, []string{"batch 100, seed 1"}, 1},
		{"english", "final accuracy on the first 1000 training images after 191 updates", 120,
			[]string{"1000", "191", "accuracy"}, 3},
		{"numbers", "0.88 0.001 10000 784-100-100-10", 30, []string{"0.88", "0.001", "10000", "784-100-100-10"}, 4},
		{"japanese", "訓練画像の先頭 1000 枚に対する 191 回更新後の精度", 60, []string{"1000", "191"}, 3},
		{"one long word", "784-100-100-100-100-100-100-10", 20, []string{"784-100-100-100-100-100-100-10"}, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := wrap(tc.in, sty, tc.width)
			lines := strings.Split(got, "\n")
			if len(lines) < tc.lines {
				t.Errorf("%q: %d lines, want at least %d", got, len(lines), tc.lines)
			}
			if strings.ReplaceAll(strings.Join(lines, ""), " ", "") != strings.ReplaceAll(tc.in, " ", "") {
				t.Errorf("%q lost or added text: %q", tc.in, got)
			}
			for _, w := range tc.whole {
				if !strings.Contains(got, w) {
					t.Errorf("%q split %q", got, w)
				}
			}
			for _, l := range lines {
				if sty.Width(l) > tc.width && len(pieces(l)) > 1 {
					t.Errorf("line %q is %.1f wide, want at most %.1f", l, sty.Width(l), tc.width)
				}
			}
		})
	}
}
