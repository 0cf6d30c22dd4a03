package results

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// CheckWritable accepts a writable folder, existing or to be made, and
// refuses a file, a path below a file and a read-only folder, creating
// nothing.
func TestCheckWritable(t *testing.T) {
	root := t.TempDir()
	mustDo(t, os.WriteFile(filepath.Join(root, "hostname"), []byte("h"), 0o644))
	mustDo(t, os.Mkdir(filepath.Join(root, "ro"), 0o555))
	for _, tc := range []struct {
		name, dir, wantErr string
		needsNonRoot       bool // root writes into read-only folders
	}{
		{"existing folder", root, "", false},
		{"new folder", "a/b/c", "", false},
		{"file", "hostname", "is not a directory", false},
		{"below a file", "hostname/x", "not a directory", false},
		{"read-only folder", "ro", "is not writable", true},
		{"new folder in a read-only folder", "ro/new", "is not writable", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.needsNonRoot && os.Geteuid() == 0 {
				t.Skip("root may write anywhere")
			}
			dir := tc.dir
			if !filepath.IsAbs(dir) {
				dir = filepath.Join(root, dir)
			}
			err := CheckWritable(dir)
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Fatalf("CheckWritable(%s) = %v, want %q", tc.dir, err, tc.wantErr)
			}
			if _, err := os.Stat(filepath.Join(root, "a")); err == nil {
				t.Errorf("created a folder")
			}
			for _, d := range []string{root, filepath.Join(root, "ro")} {
				entries, _ := os.ReadDir(d)
				for _, e := range entries {
					if strings.HasPrefix(e.Name(), ".zerokara-probe") {
						t.Errorf("probe %s left in %s", e.Name(), d)
					}
				}
			}
		})
	}
}
