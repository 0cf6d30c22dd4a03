// Command shotcheck checks a screenshot of the lab for CI's smoke test:
// the figure (the large white area) must span at least -min-width of the
// window's width and -min-height of its height, lie wholly inside the
// window, and hold curves (pixels of the first series colour).
//
//	go run ./gui/internal/shotcheck -window 1200x900 -min-width 0.9 shot.png
package main

import (
	"flag"
	"fmt"
	"image"
	_ "image/png"
	"os"
	"strconv"
	"strings"
)

func main() {
	win := flag.String("window", "", "window size WxH at the screenshot's top-left corner")
	minWidth := flag.Float64("min-width", 0.9, "least fraction of the window's width the figure spans")
	minHeight := flag.Float64("min-height", 0.5, "least fraction of the window's height the figure spans")
	flag.Parse()
	if err := check(flag.Arg(0), *win, *minWidth, *minHeight); err != nil {
		fmt.Fprintln(os.Stderr, "shotcheck:", err)
		os.Exit(1)
	}
}

func check(path, win string, minWidth, minHeight float64) error {
	ws, hs, ok := strings.Cut(win, "x")
	w, werr := strconv.Atoi(ws)
	h, herr := strconv.Atoi(hs)
	if !ok || werr != nil || herr != nil {
		return fmt.Errorf("-window %q: want WxH", win)
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	b := img.Bounds()
	if b.Dx() < w || b.Dy() < h {
		return fmt.Errorf("screenshot %v is smaller than the window %dx%d", b.Size(), w, h)
	}
	white := func(x, y int) bool {
		r, g, bl, _ := img.At(x, y).RGBA()
		return r>>8 > 250 && g>>8 > 250 && bl>>8 > 250
	}
	// Figure rows: mostly white across the window.
	top, bottom := -1, -1
	for y := 0; y < h; y++ {
		n := 0
		for x := 0; x < w; x++ {
			if white(x, y) {
				n++
			}
		}
		if float64(n) > 0.6*float64(w) {
			if top < 0 {
				top = y
			}
			bottom = y
		}
	}
	if top < 0 {
		return fmt.Errorf("no figure found in the %dx%d window", w, h)
	}
	// Its width: the white run through the middle of the figure.
	mid := (top + bottom) / 2
	left, right := -1, -1
	for x := 0; x < w; x++ {
		if white(x, mid) || white(x, mid-1) || white(x, mid+1) {
			if left < 0 {
				left = x
			}
			right = x
		}
	}
	fw, fh := float64(right-left+1)/float64(w), float64(bottom-top+1)/float64(h)
	curve := 0
	for y := top; y <= bottom; y++ {
		for x := left; x <= right; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if d := abs(int(r>>8)-0x1f) + abs(int(g>>8)-0x77) + abs(int(bl>>8)-0xb4); d < 60 {
				curve++
			}
		}
	}
	fmt.Printf("figure spans x %d…%d (%.0f%% of %d) and y %d…%d (%.0f%% of %d); %d curve pixels\n",
		left, right, 100*fw, w, top, bottom, 100*fh, h, curve)
	switch {
	case fw < minWidth:
		return fmt.Errorf("the figure spans %.0f%% of the window's width, want ≥ %.0f%%", 100*fw, 100*minWidth)
	case fh < minHeight:
		return fmt.Errorf("the figure spans %.0f%% of the window's height, want ≥ %.0f%%", 100*fh, 100*minHeight)
	case curve < 500:
		return fmt.Errorf("only %d pixels of curves: no run drawn", curve)
	}
	return nil
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
