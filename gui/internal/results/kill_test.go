package results

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// killHelperEnv makes TestKillHelper a writer loop in a child process: its
// value is "DIR FIRSTGEN".
const killHelperEnv = "ZEROKARA_RESULTS_KILL_HELPER"

// killExts is the set of generation g: an odd generation has one figure
// format more, so a reader also sees whether the set of names matches.
func killExts(g int) []string {
	if g%2 == 1 {
		return []string{".json", ".csv", ".png", ".svg"}
	}
	return []string{".json", ".csv", ".png"}
}

// TestKillHelper is not a test: in the child process the kill test starts,
// it writes generation after generation of the set "k" until killed,
// saying "ready" once the first is written.
func TestKillHelper(t *testing.T) {
	arg := os.Getenv(killHelperEnv)
	if arg == "" {
		t.Skip("the kill test's child process")
	}
	var dir string
	var g int
	if _, err := fmt.Sscan(arg, &dir, &g); err != nil {
		t.Fatal(err)
	}
	for n := 0; ; n++ {
		if _, err := writeSet(context.Background(), dir, "k", genFiles(g+n, 64<<10, killExts(g+n)...)); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			fmt.Println("ready")
		}
	}
}

// SIGKILL at any moment leaves a set a reader finds whole: every file of
// one generation, and exactly that generation's files. The folder starts
// with plain files of generation 0, as an earlier version wrote them, so
// kills also land in their adoption.
func TestKillDuringWrite(t *testing.T) {
	longSuite(t)
	dir := t.TempDir()
	seedRegular(t, dir, "k", 0, killExts(0)...)
	last := 0
	for i := range 20 {
		first := (i + 1) * 1_000_000 // each child's generations are its own
		// Every other child finds plain files again and is killed at any
		// moment from its start, its first write (the adoption) included;
		// the others are killed only once they have written a set.
		adopting := i%2 == 1
		if adopting {
			reseed(t, dir, first-1)
			last = first - 1
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillHelper$")
		cmd.Env = append(os.Environ(), killHelperEnv+"="+dir+" "+strconv.Itoa(first))
		out, err := cmd.StdoutPipe()
		mustDo(t, err)
		mustDo(t, cmd.Start())
		if !adopting {
			if line, err := bufio.NewReader(out).ReadString('\n'); err != nil || line != "ready\n" {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatalf("child %d: %q, %v", i, line, err)
			}
		}
		time.Sleep(time.Duration(rand.IntN(40_000)) * time.Microsecond)
		mustDo(t, cmd.Process.Signal(syscall.SIGKILL))
		cmd.Wait()
		got := readSet(t, dir, "k")
		g := got[".json"]
		if want := wantSet(g, killExts(g)...); !maps.Equal(got, want) {
			t.Fatalf("after kill %d the reader finds %v, want %v", i, got, want)
		}
		if g < last || !adopting && g == last {
			t.Fatalf("after kill %d the reader finds generation %d, want one of this child's (from %d)", i, g, first)
		}
		last = g
	}
	// The next write cleans what the kills left.
	if _, err := writeSet(context.Background(), dir, "k", genFiles(1, 10, killExts(1)...)); err != nil {
		t.Fatal(err)
	}
	if got := readSet(t, dir, "k"); !maps.Equal(got, wantSet(1, killExts(1)...)) {
		t.Errorf("after the kills a write gives %v", got)
	}
	checkLayout(t, dir, "k")
	if entries, _ := os.ReadDir(dir); len(entries) != 2+len(killExts(1)) {
		t.Errorf("left in the folder: %v", entries)
	}
}

// reseed replaces the set's names in dir by plain files of generation g.
func reseed(t *testing.T, dir string, g int) {
	t.Helper()
	for _, ext := range allExts {
		if err := os.Remove(filepath.Join(dir, "k"+ext)); err != nil && !errors.Is(err, os.ErrNotExist) {
			t.Fatal(err)
		}
	}
	seedRegular(t, dir, "k", g, killExts(g)...)
}
