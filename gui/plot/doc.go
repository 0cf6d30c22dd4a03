// Package plot draws zerokara's charts — line charts, histograms and grids
// of panels — from fyne canvas primitives (lines, rectangles, text), and
// renders them to PNG with fyne's software renderer, so the desktop lab
// and the headless runner show the same pictures. The arithmetic (scales,
// ticks, decimation) is plain Go in scale.go.
package plot
