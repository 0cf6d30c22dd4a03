package headless

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func longSuite(t *testing.T) {
	t.Helper()
	if testing.Short() || os.Getenv("ZEROKARA_LONG") == "" {
		t.Skip("long suite: set ZEROKARA_LONG=1")
	}
}

// TestRedTeam runs the command lines that once crashed, hung, overflowed
// or lost a result: each now ends in a clear usage error (exit 2) before
// any work, or in a saved result whose diverged values are null.
func TestRedTeam(t *testing.T) {
	longSuite(t)
	data := "../../../testdata/mnist"
	for _, tc := range []struct {
		args []string
		code int
		msg  string // in stderr; for a saved result, in the JSON
	}{
		// Diverged networks are results.
		{[]string{"-run", "symmetry", "-lr", "1", "-iterations", "200"}, 0, `"test_accuracy"`},
		{[]string{"-run", "overfit", "-lr", "100", "-epochs", "5", "-dropout-epochs", "5"}, 0, `"final_gap": null`},
		{[]string{"-run", "overfit", "-weight-decay", "1000", "-epochs", "5", "-dropout-epochs", "5", "-variants", "weight_decay"}, 0, `null`},
		{[]string{"-run", "activations", "-inits", "std=1e8"}, 0, `"mean": null`},
		// Products that overflowed, checked before any work.
		{[]string{"-run", "activations", "-samples", "100000000000000000"}, 2, "samples: 100000000000000000 is outside [1, 100000]"},
		{[]string{"-run", "activations", "-samples", "1e17"}, 2, "not a whole number"},
		{[]string{"-run", "initcompare", "-iterations", "72057594037927936"}, 2, "iterations"},
		{[]string{"-run", "symmetry", "-iterations", "72057594037927936"}, 2, "iterations"},
		{[]string{"-run", "batchnorm", "-points", "4611686018427387904", "-every", "2"}, 2, "points"},
		{[]string{"-run", "overfit", "-epochs", "3074457345618258603"}, 2, "epochs"},
		// Sizes tied to memory.
		{[]string{"-run", "batchnorm", "-samples", "10", "-batch", "1000000", "-points", "2", "-every", "1", "-sigmas", "1"}, 2, "batch: 1000000 is outside [1, 60000]"},
		{[]string{"-run", "initcompare", "-hidden", "4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096,4096", "-batch", "60000"}, 2, "above the budget of 4.0 GiB"},
		{[]string{"-run", "activations", "-inits", strings.Repeat("he,", 9999) + "he"}, 2, "inits: 10000 entries, want 1 to 16"},
		{[]string{"-run", "sweep", "-sigmas", strings.Repeat("1,", 9999) + "1"}, 2, "sigmas: 10000 entries, want 1 to 64"},
		{[]string{"-run", "overfit", "-variants", "dropout,dropout"}, 2, "given twice"},
		// -out is checked before training.
		{[]string{"-run", "initcompare", "-out", "/etc/hostname"}, 2, "-out"},
	} {
		out := filepath.Join(t.TempDir(), "out")
		args := append([]string{"-out", out}, tc.args...)
		if tc.args[1] != "activations" {
			args = append(args, "-data", data)
		}
		start := time.Now()
		code, _, stderr := runMain(t, args...)
		if code != tc.code {
			t.Errorf("%.80v: exit %d (%s), want %d", tc.args, code, stderr, tc.code)
			continue
		}
		if tc.code != 0 {
			if !strings.Contains(stderr, tc.msg) || strings.Contains(stderr, "goroutine") {
				t.Errorf("%.80v: stderr %q, want one line about %q", tc.args, stderr, tc.msg)
			}
			if time.Since(start) > 30*time.Second { // a hang, not a speed: refusals do no work
				t.Errorf("%.80v: refused only after %v", tc.args, time.Since(start))
			}
			continue
		}
		name := tc.args[1]
		b, err := os.ReadFile(filepath.Join(out, name+".json"))
		if err != nil || !json.Valid(b) || !strings.Contains(string(b), tc.msg) {
			t.Errorf("%.80v: result %v, valid %v, want it to hold %q", tc.args, err, json.Valid(b), tc.msg)
		}
	}
}

// TestCancelEndsAGridSoon: a canceled sweep of the largest grid starts no
// further cell and returns well within the bound (a hang detector: the
// machine may be busy).
func TestCancelEndsAGridSoon(t *testing.T) {
	longSuite(t)
	ctx, cancel := context.WithCancel(context.Background())
	var sigmas, lrs []string
	for i := 1; i <= 64; i++ {
		sigmas, lrs = append(sigmas, fmt.Sprint(i)), append(lrs, fmt.Sprint(float64(i)/1000))
	}
	done := make(chan string)
	go func() {
		code, _, stderr := runMainCtx(ctx, "-run", "sweep", "-sigmas", strings.Join(sigmas, ","), "-learning-rates", strings.Join(lrs, ","),
			"-steps", "100", "-data", "../../../testdata/mnist", "-out", t.TempDir())
		done <- fmt.Sprintf("exit %d: %s", code, stderr)
	}()
	time.Sleep(3 * time.Second)
	cancel()
	select {
	case got := <-done:
		if !strings.HasPrefix(got, "exit 1:") || !strings.Contains(got, "canceled") {
			t.Errorf("after cancel: %s; want exit 1, canceled", got)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the canceled sweep still runs after 30 s")
	}
}
