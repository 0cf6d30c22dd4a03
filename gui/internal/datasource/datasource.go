// Package datasource is where the lab and the headless runner get MNIST:
// a directory given on the command line, the checkout's testdata/mnist,
// the user cache directory, a folder the user picked, or a verified
// download into that cache. It loads once and caches; every method is
// safe from any goroutine, and the loading ones do file I/O, so the window
// calls them from workers, never from the UI goroutine.
package datasource

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"zerokara/gui/internal/download"
	"zerokara/net/mnist"
)

// Source finds, loads and caches MNIST.
type Source struct {
	mu     sync.Mutex
	dir    string // fixed by -data or a picked folder; "" means search
	data   *mnist.Data
	where  string // the directory data came from
	listen []func(status string)
}

// New returns a source that reads dir, or searches when dir is "".
func New(dir string) *Source { return &Source{dir: dir} }

// Load returns the data, loading it on first use. A failure is not
// cached: a download or a picked folder can fix it.
func (s *Source) Load() (*mnist.Data, error) { return s.LoadContext(context.Background()) }

// LoadContext is Load giving up, with an error wrapping ctx's error, once
// ctx is done (mnist.LoadContext); a canceled load is not cached either.
func (s *Source) LoadContext(ctx context.Context) (*mnist.Data, error) {
	s.mu.Lock()
	if s.data != nil {
		defer s.mu.Unlock()
		return s.data, nil
	}
	s.mu.Unlock()
	dir, err := s.dirToRead()
	if err != nil {
		return nil, err
	}
	d, err := mnist.LoadContext(ctx, dir)
	if err != nil {
		return nil, err
	}
	s.set(d, dir)
	return d, nil
}

// LoadFirst returns only the first train training and test test samples
// (mnist.LoadFirst: all when negative, none when 0), for a single run that
// needs no more: nothing is cached. It searches like Load.
func (s *Source) LoadFirst(train, test int) (*mnist.Data, error) {
	return s.LoadFirstContext(context.Background(), train, test)
}

// LoadFirstContext is LoadFirst giving up, with an error wrapping ctx's
// error, once ctx is done (mnist.LoadFirstContext).
func (s *Source) LoadFirstContext(ctx context.Context, train, test int) (*mnist.Data, error) {
	dir, err := s.dirToRead()
	if err != nil {
		return nil, err
	}
	return mnist.LoadFirstContext(ctx, dir, train, test)
}

// dirToRead is the fixed directory, or the one Locate finds.
func (s *Source) dirToRead() (string, error) {
	s.mu.Lock()
	dir := s.dir
	s.mu.Unlock()
	if dir != "" {
		return dir, nil
	}
	return Locate()
}

// UseDir loads the data in dir and serves it from then on.
func (s *Source) UseDir(dir string) error { return s.UseDirContext(context.Background(), dir) }

// UseDirContext is UseDir giving up, with an error wrapping ctx's error,
// once ctx is done; the source then keeps what it had.
func (s *Source) UseDirContext(ctx context.Context, dir string) error {
	d, err := mnist.LoadContext(ctx, dir)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.dir = dir
	s.mu.Unlock()
	s.set(d, dir)
	return nil
}

func (s *Source) set(d *mnist.Data, dir string) {
	s.mu.Lock()
	s.data, s.where = d, dir
	listen := append([]func(string){}, s.listen...)
	s.mu.Unlock()
	for _, f := range listen {
		f(s.Status())
	}
}

// OnChange registers f to receive the status line whenever the data
// changes (f runs on the goroutine that loaded it).
func (s *Source) OnChange(f func(status string)) {
	s.mu.Lock()
	s.listen = append(s.listen, f)
	s.mu.Unlock()
}

// Loaded returns the loaded data's image counts and folder; ok is false
// while nothing is loaded (a window shows it in its own language).
func (s *Source) Loaded() (train, test int, where string, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data == nil {
		return 0, 0, "", false
	}
	return s.data.Train.N, s.data.Test.N, s.where, true
}

// Status describes the data for a status line.
func (s *Source) Status() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data == nil {
		return "MNIST: found when an experiment first needs it"
	}
	return fmt.Sprintf("MNIST: %d training and %d test images from %s", s.data.Train.N, s.data.Test.N, s.where)
}

// Missing reports why no data can be found (nil when a directory with the
// training images exists). It looks, it does not load.
func (s *Source) Missing() error {
	s.mu.Lock()
	dir, loaded := s.dir, s.data != nil
	s.mu.Unlock()
	if loaded {
		return nil
	}
	if dir != "" {
		if _, err := os.Stat(filepath.Join(dir, mnist.TrainImages)); err != nil {
			return fmt.Errorf("MNIST not found in %s: %w", dir, err)
		}
		return nil
	}
	_, err := Locate()
	return err
}

// Download fetches the four MNIST files from the public mirrors into the
// cache directory, checking each against its SHA-256, then loads them;
// ctx cancels both. progress gets bytes done and total.
func (s *Source) Download(ctx context.Context, progress func(done, total int64)) error {
	dir, err := CacheDir()
	if err != nil {
		return err
	}
	client := &http.Client{Timeout: 5 * time.Minute}
	if err := download.Fetch(ctx, client, download.Mirrors(), download.MNIST(), dir, progress); err != nil {
		return err
	}
	return s.UseDirContext(ctx, dir)
}

// Locate finds a directory holding the MNIST training images without
// loading it: testdata/mnist in the current directory or a parent (a
// checkout), then CacheDir().
func Locate() (string, error) {
	var tried []string
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			cand := filepath.Join(d, "testdata", "mnist")
			tried = append(tried, cand)
			if _, err := os.Stat(filepath.Join(cand, mnist.TrainImages)); err == nil {
				return cand, nil
			}
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	if cand, err := CacheDir(); err == nil {
		tried = append(tried, cand)
		if _, err := os.Stat(filepath.Join(cand, mnist.TrainImages)); err == nil {
			return cand, nil
		}
	}
	return "", fmt.Errorf("MNIST not found (looked in %s); pass -data DIR with %s, %s, %s and %s",
		strings.Join(tried, ", "), mnist.TrainImages, mnist.TrainLabels, mnist.TestImages, mnist.TestLabels)
}

// CacheDir is where the lab downloads MNIST: the user cache directory's
// zerokara/mnist.
func CacheDir() (string, error) {
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(cache, "zerokara", "mnist"), nil
}
