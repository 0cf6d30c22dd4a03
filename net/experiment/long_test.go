package experiment

import (
	"os"
	"testing"
)

// fullExperiment skips a test that runs a whole book experiment (tens of
// seconds) unless the long suites are asked for (ZEROKARA_LONG=1, as CI
// does) and -short is not given.
func fullExperiment(t *testing.T) {
	t.Helper()
	if testing.Short() || os.Getenv("ZEROKARA_LONG") == "" {
		t.Skip("a whole book experiment: set ZEROKARA_LONG=1 (and drop -short)")
	}
}
