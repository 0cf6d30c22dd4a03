//go:build !purego

package kernel

// peakLoops returns the float32 and float64 FMA loops of the named path.
func peakLoops(name string) [2]peakLoop {
	switch name {
	case "avx512":
		return [2]peakLoop{{peakFMA32AVX512, 12 * 16 * 2}, {peakFMA64AVX512, 12 * 8 * 2}}
	case "avx2fma":
		return [2]peakLoop{{peakFMA32AVX2, 12 * 8 * 2}, {peakFMA64AVX2, 12 * 4 * 2}}
	}
	return [2]peakLoop{}
}
