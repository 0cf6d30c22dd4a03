package download

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fileFor(name string, content []byte) File {
	sum := sha256.Sum256(content)
	return File{Name: name, Size: int64(len(content)), SHA256: hex.EncodeToString(sum[:])}
}

// server serves content under /good/, a corrupted copy under /corrupt/,
// and under /drop/ sends half of it and then cuts the connection.
func server(t *testing.T, content map[string][]byte) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		parts := strings.SplitN(strings.TrimPrefix(r.URL.Path, "/"), "/", 2)
		body, ok := content[parts[1]]
		if !ok {
			http.NotFound(w, r)
			return
		}
		switch parts[0] {
		case "good":
			w.Write(body)
		case "corrupt":
			bad := append([]byte(nil), body...)
			bad[len(bad)/2] ^= 0xff
			w.Write(bad)
		case "drop":
			w.Header().Set("Content-Length", "100000")
			w.Write(body[:len(body)/2])
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	content := map[string][]byte{"a.gz": []byte(strings.Repeat("zerokara ", 500)), "b.gz": []byte("tiny labels")}
	files := []File{fileFor("a.gz", content["a.gz"]), fileFor("b.gz", content["b.gz"])}
	srv := server(t, content)
	ctx := context.Background()

	for _, tc := range []struct {
		name    string
		mirrors []string
		wantErr string
	}{
		{"good", []string{srv.URL + "/good/"}, ""},
		{"fallback after a corrupt mirror", []string{srv.URL + "/corrupt/", srv.URL + "/good/"}, ""},
		{"fallback after a dropped connection", []string{srv.URL + "/drop/", srv.URL + "/good/"}, ""},
		{"corrupt only", []string{srv.URL + "/corrupt/"}, "SHA-256 mismatch"},
		{"dropped only", []string{srv.URL + "/drop/"}, "bytes"},
		{"missing", []string{srv.URL + "/good/nothing/"}, "404"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			var last, total int64
			err := Fetch(ctx, srv.Client(), tc.mirrors, files, dir, func(d, tot int64) { last, total = d, tot })
			entries, _ := os.ReadDir(dir)
			if tc.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				for _, f := range files {
					if ok, err := matches(filepath.Join(dir, f.Name), f); !ok {
						t.Errorf("%s not verified: %v", f.Name, err)
					}
				}
				if len(entries) != 2 || last != total {
					t.Errorf("%d files, progress %d/%d", len(entries), last, total)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Fatalf("error %v, want one mentioning %q", err, tc.wantErr)
			}
			if len(entries) != 0 {
				t.Errorf("failed download left %d files (%s)", len(entries), entries[0].Name())
			}
		})
	}

	// A file already present and correct is not fetched again.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "b.gz"), content["b.gz"], 0o644)
	if err := Fetch(ctx, srv.Client(), []string{srv.URL + "/nowhere/"}, files[1:], dir, nil); err != nil {
		t.Errorf("present file refetched: %v", err)
	}
	// Cancellation stops at once.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := Fetch(cctx, srv.Client(), []string{srv.URL + "/good/"}, files, t.TempDir(), nil); err == nil {
		t.Error("cancelled fetch succeeded")
	}
}

func TestMNISTList(t *testing.T) {
	if len(MNIST()) != 4 || len(Mirrors()) == 0 {
		t.Fatal("file or mirror list empty")
	}
}
