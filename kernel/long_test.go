package kernel

import (
	"os"
	"testing"
)

// longSuite skips t unless ZEROKARA_LONG is set (CI sets it), and under
// -short whatever the variable says: t takes seconds of CPU, too long for
// the quick go test ./... of the README.
func longSuite(t *testing.T) {
	t.Helper()
	if testing.Short() || os.Getenv("ZEROKARA_LONG") == "" {
		t.Skip("long suite: set ZEROKARA_LONG=1 and run without -short")
	}
}
