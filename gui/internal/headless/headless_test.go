package headless

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"zerokara/gui/internal/jafont"
	"zerokara/gui/internal/textlist"
	"zerokara/net/experiment"
)

func runMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runMainCtx(context.Background(), args...)
}

func runMainCtx(ctx context.Context, args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Main(ctx, args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{nil, 2, "-run"},
		{[]string{"-run", "nonsense"}, 2, "unknown experiment"},
		{[]string{"-run", "activations", "-inits", "std=-3"}, 2, "initializer"},
		{[]string{"-run", "activations", "-dtype", "int8"}, 2, "dtype"},
		{[]string{"-run", "activations", "-samples", "-5"}, 2, "samples: -5 is outside [1, 100000]"},
		{[]string{"-run", "activations", "-lr", "5"}, 2, "-lr does not apply to activations (it is a flag of initcompare, batchnorm, symmetry"},
		{[]string{"-run", "batchnorm", "-sigmas", "0.1,abc"}, 2, "-sigmas"},
		{[]string{"-run", "initcompare", "-optimizer", "magic"}, 2, "optimizer"},
		{[]string{"-bogus"}, 2, "-run NAME"},
		{[]string{"-run", "activations", "-bogus"}, 2, "-bogus does not apply to activations (no experiment has it)"},
		{[]string{"-run", "activations", "-format", "png,gif"}, 2, "figure format"},
		{[]string{"-run", "activations", "-dpi", "5"}, 2, "-dpi"},
		{[]string{"-run", "overfit", "-variants", "plain,mixup"}, 2, "variant"},
		{[]string{"-run", "overfit", "-variants", "plain,plain"}, 2, "given twice"},
		{[]string{"-run", "overfit", "-dropout-ratio", "1"}, 2, "-dropout-ratio"},
		{[]string{"-run", "sweep", "-learning-rates", "0.1,x"}, 2, "-learning-rates"},
		{[]string{"-run", "activations", "extra"}, 2, "unexpected argument"},
		{[]string{"-run", "activations", "-lang", "fr"}, 2, "unknown language"},
		{[]string{"-run", "activations", "-config", "/nonexistent/config.json"}, 2, "-config"},
		{[]string{"-run", "batchnorm", "-data", "/nonexistent/dir"}, 1, "no such file"},
	} {
		code, _, stderr := runMain(t, append(tc.args, "-out", t.TempDir())...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", tc.args, code, stderr, tc.code, tc.msg)
		}
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"-h"}, append(experiment.Names(), "-run NAME -h")},
		{[]string{"-run", "overfit", "-h"}, []string{"-epochs", "(book: 201)", "-dropout-epochs", "(book: 301)", "[1, 100000]", "-variants", "-config", "-memory-budget"}},
	} {
		code, _, stderr := runMain(t, tc.args...)
		for _, w := range tc.want {
			if code != 0 || !strings.Contains(stderr, w) {
				t.Errorf("%v: exit %d, help lacks %q:\n%s", tc.args, code, w, stderr)
			}
		}
	}
}

func TestRunWritesFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "out")
	runs := [][]string{
		{"-run", "activations", "-samples", "200", "-gradients"},
		{"-run", "batchnorm", "-sigmas", "0.1,1", "-points", "3", "-data", "../../../testdata/mnist"},
		{"-run", "initcompare", "-iterations", "30", "-inits", "he,xavier", "-dtype", "float64", "-format", "png,svg,pdf", "-dpi", "100"},
		{"-run", "symmetry", "-iterations", "20", "-every", "10", "-inits", "zero,he"},
		{"-run", "overfit", "-epochs", "3", "-variants", "plain,dropout", "-weight-decay", "0.2"},
		{"-run", "sweep", "-sigmas", "1,0.01", "-learning-rates", "0.01,1", "-steps", "10"},
	}
	long := !testing.Short() && os.Getenv("ZEROKARA_LONG") != ""
	if !long {
		runs = runs[:2] // the others load all of MNIST: long suite
	}
	for _, args := range runs {
		code, stdout, stderr := runMain(t, append(args, "-out", dir)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		name := args[1]
		if !strings.HasPrefix(stdout, name+": wrote ") || strings.Count(stdout, "\n") != 1 {
			t.Errorf("summary line %q", stdout)
		}
		var doc struct {
			Experiment string          `json:"experiment"`
			Seconds    float64         `json:"seconds"`
			Config     json.RawMessage `json:"config"`
			Manifest   struct {
				Seed      uint64 `json:"seed"`
				GoVersion string `json:"go_version"`
				Kernel    string `json:"kernel"`
			} `json:"manifest"`
		}
		b, err := os.ReadFile(filepath.Join(dir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &doc); err != nil || doc.Experiment != name || doc.Seconds <= 0 || !bytes.Contains(doc.Config, []byte(`"seed"`)) ||
			doc.Manifest.Seed != 1 || doc.Manifest.GoVersion == "" || doc.Manifest.Kernel == "" {
			t.Errorf("%s.json: %v, %+v", name, err, doc)
		}
		if csv, err := os.ReadFile(filepath.Join(dir, name+".csv")); err != nil || bytes.Count(csv, []byte("\n")) < 3 {
			t.Errorf("%s.csv: %v, %d bytes", name, err, len(csv))
		}
		f, err := os.Open(filepath.Join(dir, name+".png"))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		// Not blank: the figure has both paper and ink.
		colors := map[uint32]bool{}
		bounds := img.Bounds()
		for y := bounds.Min.Y; y < bounds.Max.Y; y += 3 {
			for x := bounds.Min.X; x < bounds.Max.X; x += 3 {
				r, g, b, _ := img.At(x, y).RGBA()
				colors[r>>8<<16|g>>8<<8|b>>8] = true
			}
		}
		if len(colors) < 10 {
			t.Errorf("%s.png has only %d colors", name, len(colors))
		}
	}
	// The sets' own files, as a reader opens them (the results package
	// keeps each set's files behind one link it swaps).
	entries, _ := os.ReadDir(dir)
	visible := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		visible++
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
		if info, err := os.Stat(filepath.Join(dir, e.Name())); err != nil || info.Mode().Perm() != 0o644 || !info.Mode().IsRegular() {
			t.Errorf("%s: %v, want a regular 0644 file", e.Name(), err)
		}
	}
	if long && visible != 20 {
		t.Errorf("%d files in the output directory, want 20 (6 runs × json, csv, png; svg and pdf once)", visible)
	}
	if !long {
		return
	}
	if b, err := os.ReadFile(filepath.Join(dir, "initcompare.pdf")); err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Errorf("initcompare.pdf: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "initcompare.svg")); err != nil || !bytes.Contains(b, []byte("<path")) {
		t.Errorf("initcompare.svg: %v", err)
	}
}

func TestCancelledRunWritesNothing(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut bytes.Buffer
	code := Main(ctx, []string{"-run", "batchnorm", "-out", dir}, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "canceled") {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("cancelled run left %d files", len(entries))
	}
}

// Flags not given keep the book's setup; given ones, 0 included, set
// exactly what they say, in the order given.
func TestFlagsOverrideOnlyWhatIsGiven(t *testing.T) {
	cfgOf := func(name string, args ...string) (experiment.Config, error) {
		t.Helper()
		d, err := experiment.Lookup(name)
		if err != nil {
			t.Fatal(err)
		}
		fs, o := newFlags(d, io.Discard)
		if err := fs.Parse(append([]string{"-run", name}, args...)); err != nil {
			t.Fatal(err)
		}
		return config(d, o)
	}
	if c, err := cfgOf("initcompare"); err != nil || !reflect.DeepEqual(c, experiment.BookInitCompareConfig()) {
		t.Errorf("no flags: %+v, %v; want the book's setup", c, err)
	}
	c, err := cfgOf("initcompare", "-lr", "0", "-inits", "zero,he")
	if ic, _ := c.(experiment.InitCompareConfig); err != nil || ic.LR != 0 || textlist.Format(ic.Inits) != "const=0, He" {
		t.Errorf("-lr 0 -inits zero,he: %+v, %v", c, err)
	}
	c, err = cfgOf("overfit", "-epochs", "3")
	if of, _ := c.(experiment.OverfitConfig); err != nil || of.Epochs != 3 || of.DropoutEpochs != 301 {
		t.Errorf("-epochs 3: %+v, %v; want dropout's 301 epochs kept", c, err)
	}
	c, err = cfgOf("batchnorm", "-samples", "2000", "-every", "3", "-every", "4")
	if bn, _ := c.(experiment.BatchNormConfig); err != nil || bn.Samples != 2000 || bn.Every != 4 {
		t.Errorf("-every 3 -every 4: %+v, %v; want the last", c, err)
	}
	if _, err := cfgOf("activations", "-inits", " , "); err == nil {
		t.Error("an empty -inits list accepted")
	}
}

// -lang ja writes Japanese text into PNG's and SVG's figures and keeps the
// PDF's English; without a Japanese font it says so and writes English.
func TestJapaneseFigures(t *testing.T) {
	dir := t.TempDir()
	code, _, stderr := runMain(t, "-run", "activations", "-out", dir, "-lang", "ja", "-format", "svg,pdf")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	svg, err := os.ReadFile(filepath.Join(dir, "activations.svg"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ferr := jafont.Load(); ferr != nil && os.Getenv("ZEROKARA_REQUIRE_JA_FONT") != "" {
		t.Fatalf("ZEROKARA_REQUIRE_JA_FONT is set, but no Japanese font: %v", ferr)
	} else if ferr != nil {
		if !strings.Contains(stderr, "figures in English") || !strings.Contains(string(svg), "Activation distributions") {
			t.Errorf("no Japanese font: stderr %q", stderr)
		}
		t.Skipf("no Japanese font installed: %v", ferr)
	}
	if !strings.Contains(string(svg), "層ごとのアクティベーション分布") || strings.Contains(string(svg), "Activation distributions") {
		t.Error("the SVG's title is not Japanese")
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "activations.pdf"))
	if err != nil || len(pdf) == 0 {
		t.Fatalf("PDF: %v", err)
	}
}

// TestDataNeeded: the runs that use a prefix of the training images load
// only that (and no test set where none is scored).
func TestDataNeeded(t *testing.T) {
	for _, tc := range []struct {
		run         string
		args        []string
		train, test int
	}{
		{"batchnorm", nil, experiment.BookBatchNormConfig().Samples, 0},
		{"batchnorm", []string{"-samples", "500"}, 500, 0},
		{"sweep", nil, experiment.BookSweepConfig().Samples, 0},
		{"overfit", nil, experiment.BookOverfitConfig().Samples, -1},
		{"overfit", []string{"-samples", "2000"}, 2000, -1},
		{"initcompare", nil, -1, -1},
		{"initcompare", []string{"-skip-test-accuracy", "true"}, -1, 0},
		{"symmetry", nil, -1, -1},
		{"activations", nil, 0, 0},
	} {
		d, err := experiment.Lookup(tc.run)
		if err != nil {
			t.Fatal(err)
		}
		fs, o := newFlags(d, io.Discard)
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		cfg, err := config(d, o)
		if err != nil {
			t.Fatal(err)
		}
		if train, test := d.DataNeeded(cfg); train != tc.train || test != tc.test {
			t.Errorf("%s %v: loads %d/%d, want %d/%d", tc.run, tc.args, train, test, tc.train, tc.test)
		}
	}
}
