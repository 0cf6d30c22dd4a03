//go:build !purego

package kernel

// peakLoops returns the float32 and float64 FMA loops of the named path.
func peakLoops(name string) [2]peakLoop {
	if name == "neon" {
		return [2]peakLoop{{peakFMA32NEON, 24 * 4 * 2}, {peakFMA64NEON, 24 * 2 * 2}}
	}
	return [2]peakLoop{}
}
