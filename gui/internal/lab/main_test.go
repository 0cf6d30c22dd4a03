package lab

import (
	"os"
	"testing"

	"zerokara/gui/internal/plot"
)

// TestMain draws figures synchronously: fyne's test driver runs fyne.Do
// callbacks on the calling goroutine, so a background drawing goroutine
// would touch widgets concurrently with the test (the real driver
// serializes them on the main thread).
func TestMain(m *testing.M) {
	plot.RenderInline(true)
	os.Exit(m.Run())
}
