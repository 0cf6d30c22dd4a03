package datasource

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zerokara/net/mnist"
)

func TestSourceLoadsOnceAndReportsChanges(t *testing.T) {
	s := New("../../../testdata/mnist")
	if err := s.Missing(); err != nil {
		t.Fatalf("Missing: %v", err)
	}
	var statuses []string
	s.OnChange(func(st string) { statuses = append(statuses, st) })
	a, err := s.Load()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Load()
	if a != b {
		t.Error("second Load read the files again")
	}
	if len(statuses) != 1 || !strings.Contains(statuses[0], "60000 training") {
		t.Errorf("status updates %q", statuses)
	}
}

func TestMissingDirectoryIsReported(t *testing.T) {
	dir := t.TempDir()
	s := New(dir)
	if err := s.Missing(); err == nil || !strings.Contains(err.Error(), dir) {
		t.Errorf("Missing = %v, want one naming %s", err, dir)
	}
	if _, err := s.Load(); err == nil {
		t.Error("Load from an empty directory succeeded")
	}
	if err := s.UseDir(filepath.Join(dir, "nope")); err == nil {
		t.Error("UseDir of a missing directory succeeded")
	}
	if err := s.UseDir("../../../testdata/mnist"); err != nil {
		t.Fatal(err)
	}
	if s.Missing() != nil || !strings.Contains(s.Status(), "testdata") {
		t.Errorf("after UseDir: missing %v, status %q", s.Missing(), s.Status())
	}
}

func TestLocateFromASubdirectory(t *testing.T) {
	wd, _ := os.Getwd()
	t.Chdir(filepath.Join(wd, "..")) // inside the checkout: finds testdata/mnist above
	dir, err := Locate()
	if err != nil || !strings.HasSuffix(dir, filepath.Join("testdata", "mnist")) {
		t.Errorf("Locate = %q, %v", dir, err)
	}
}

// TestCanceledLoadsStopAndAreNotKept checks that each context-aware load
// gives up with an error wrapping context.Canceled, keeps nothing, and
// leaves the source able to load afterwards.
func TestCanceledLoadsStopAndAreNotKept(t *testing.T) {
	const dir = "../../../testdata/mnist"
	canceled, cancel := context.WithCancel(context.Background())
	cancel()
	for _, tc := range []struct {
		name string
		load func(s *Source) error
	}{
		{"LoadContext", func(s *Source) error { _, err := s.LoadContext(canceled); return err }},
		{"LoadFirstContext", func(s *Source) error { _, err := s.LoadFirstContext(canceled, 100, 0); return err }},
		{"UseDirContext", func(s *Source) error { return s.UseDirContext(canceled, dir) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := New(dir)
			if err := tc.load(s); !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v; want %v", err, context.Canceled)
			}
			if _, _, _, ok := s.Loaded(); ok {
				t.Error("a canceled load was kept")
			}
			d, err := s.LoadFirstContext(context.Background(), 10, 10)
			if err != nil || d.Train.N != 10 || d.Test.N != 10 {
				t.Errorf("load after the cancel: %v", err)
			}
		})
	}
}

// TestNonRegularFileIsRefused checks that a directory in place of an MNIST
// file reaches the caller as mnist.ErrNotRegular, naming the file.
func TestNonRegularFileIsRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, mnist.TrainImages), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		load func(s *Source) error
	}{
		{"LoadContext", func(s *Source) error { _, err := s.LoadContext(context.Background()); return err }},
		{"LoadFirstContext", func(s *Source) error { _, err := s.LoadFirstContext(context.Background(), 1, 0); return err }},
		{"UseDirContext", func(s *Source) error { return s.UseDirContext(context.Background(), dir) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.load(New(dir))
			if !errors.Is(err, mnist.ErrNotRegular) || !strings.Contains(err.Error(), mnist.TrainImages) {
				t.Errorf("err = %v; want %v naming %s", err, mnist.ErrNotRegular, mnist.TrainImages)
			}
		})
	}
}
