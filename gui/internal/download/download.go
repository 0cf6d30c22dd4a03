// Package download fetches the MNIST files from public mirrors into a
// directory, verifying each file's size and SHA-256 before it takes its
// final name: a failed or mismatched download is reported and removed,
// never left looking complete.
package download

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
)

// File is one file to fetch and the digest it must have.
type File struct {
	Name   string
	Size   int64
	SHA256 string
}

// MNIST lists the four original gzip files (SPEC-ch6 §8).
func MNIST() []File {
	return []File{
		{"train-images-idx3-ubyte.gz", 9912422, "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"},
		{"train-labels-idx1-ubyte.gz", 28881, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"},
		{"t10k-images-idx3-ubyte.gz", 1648877, "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"},
		{"t10k-labels-idx1-ubyte.gz", 4542, "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"},
	}
}

// Mirrors are well-known public copies of the MNIST files, tried in order.
func Mirrors() []string {
	return []string{
		"https://ossci-datasets.s3.amazonaws.com/mnist/",
		"https://storage.googleapis.com/cvdf-datasets/mnist/",
	}
}

// Fetch downloads every file into dir (created if needed), trying the
// mirrors in order for each. A file already present with the right digest
// is kept. progress, if not nil, receives the bytes done and the total
// over all files. Every attempt writes to a temporary name that is removed
// unless the digest matches.
func Fetch(ctx context.Context, client *http.Client, mirrors []string, files []File, dir string, progress func(done, total int64)) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("download: %w", err)
	}
	var total, done int64
	for _, f := range files {
		total += f.Size
	}
	report := func(n int64) {
		done += n
		if progress != nil {
			progress(done, total)
		}
	}
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if ok, _ := matches(path, f); ok {
			report(f.Size)
			continue
		}
		var errs []error
		for _, m := range mirrors {
			before := done
			err := fetchOne(ctx, client, m+f.Name, path, f, report)
			if err == nil {
				break
			}
			done = before
			errs = append(errs, fmt.Errorf("%s: %w", m+f.Name, err))
			if ctx.Err() != nil {
				break
			}
		}
		if len(errs) == len(mirrors) || ctx.Err() != nil {
			return fmt.Errorf("download: %s: %w", f.Name, errors.Join(errs...))
		}
	}
	return nil
}

// fetchOne downloads url to path through a temporary file, checking size
// and digest.
func fetchOne(ctx context.Context, client *http.Client, url, path string, f File, report func(int64)) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP %s", resp.Status)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+f.Name+".*.part")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op once renamed
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h, progressWriter(report)), io.LimitReader(resp.Body, f.Size+1))
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	switch {
	case err != nil:
		return fmt.Errorf("after %d bytes: %w", n, err)
	case n != f.Size:
		return fmt.Errorf("got %d bytes, want %d", n, f.Size)
	case hex.EncodeToString(h.Sum(nil)) != f.SHA256:
		return fmt.Errorf("SHA-256 mismatch (want %s)", f.SHA256)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// matches reports whether path exists with f's size and digest.
func matches(path string, f File) (bool, error) {
	file, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer file.Close()
	h := sha256.New()
	n, err := io.Copy(h, file)
	return err == nil && n == f.Size && hex.EncodeToString(h.Sum(nil)) == f.SHA256, err
}

type progressWriter func(int64)

func (p progressWriter) Write(b []byte) (int, error) {
	p(int64(len(b)))
	return len(b), nil
}
