//go:build (!amd64 && !arm64) || purego

package kernel

// archImplementations lists no assembly paths on this build.
func archImplementations() []*implementation { return nil }
