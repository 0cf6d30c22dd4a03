package datasource

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
