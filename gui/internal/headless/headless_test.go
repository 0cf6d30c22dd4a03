package headless

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"zerokara/gui/internal/jafont"
	"zerokara/gui/internal/textlist"
	"zerokara/net"
	"zerokara/net/experiment"
)

func runMain(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Main(context.Background(), args, &out, &errOut)
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
		{[]string{"-run", "activations", "-samples", "-5"}, 2, "negative"},
		{[]string{"-run", "batchnorm", "-sigmas", "0.1,abc"}, 2, "-sigmas"},
		{[]string{"-run", "initcompare", "-optimizer", "magic"}, 2, "optimizer"},
		{[]string{"-bogus"}, 2, "flag provided but not defined"},
		{[]string{"-run", "activations", "-format", "png,gif"}, 2, "figure format"},
		{[]string{"-run", "activations", "-dpi", "5"}, 2, "-dpi"},
		{[]string{"-run", "overfit", "-variants", "plain,mixup"}, 2, "variant"},
		{[]string{"-run", "overfit", "-dropout", "1"}, 2, "-dropout"},
		{[]string{"-run", "sweep", "-learning-rates", "0.1,x"}, 2, "-learning-rates"},
		{[]string{"-run", "activations", "extra"}, 2, "unexpected argument"},
		{[]string{"-run", "activations", "-lang", "fr"}, 2, "unknown language"},
		{[]string{"-run", "batchnorm", "-data", "/nonexistent/dir"}, 1, "no such file"},
	} {
		code, _, stderr := runMain(t, append(tc.args, "-out", t.TempDir())...)
		if code != tc.code || !strings.Contains(stderr, tc.msg) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d mentioning %q", tc.args, code, stderr, tc.code, tc.msg)
		}
	}
	if code, _, stderr := runMain(t, "-h"); code != 0 || !strings.Contains(stderr, "-iterations") {
		t.Errorf("-h: exit %d, %q", code, stderr)
	}
}

func TestRunWritesFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "out")
	for _, args := range [][]string{
		{"-run", "activations", "-samples", "200", "-gradients"},
		{"-run", "batchnorm", "-sigmas", "0.1,1", "-points", "3", "-data", "../../../testdata/mnist"},
		{"-run", "initcompare", "-iterations", "30", "-inits", "he,xavier", "-dtype", "float64", "-format", "png,svg,pdf", "-dpi", "100"},
		{"-run", "symmetry", "-iterations", "20", "-every", "10", "-inits", "zero,he"},
		{"-run", "overfit", "-epochs", "3", "-variants", "plain,dropout", "-weight-decay", "0.2"},
		{"-run", "sweep", "-sigmas", "1,0.01", "-learning-rates", "0.01,1", "-iterations", "10"},
	} {
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
		}
		b, err := os.ReadFile(filepath.Join(dir, name+".json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &doc); err != nil || doc.Experiment != name || doc.Seconds <= 0 || !bytes.Contains(doc.Config, []byte(`"seed"`)) {
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
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
		if info, err := e.Info(); err != nil || info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", e.Name(), info.Mode())
		}
	}
	if len(entries) != 20 {
		t.Errorf("%d files in the output directory, want 20 (6 runs × json, csv, png; svg and pdf once)", len(entries))
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
// exactly what they say.
func TestFlagsOverrideOnlyWhatIsGiven(t *testing.T) {
	parse := func(args ...string) options {
		t.Helper()
		var o options
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.StringVar(&o.inits, "inits", "", "")
		fs.Float64Var(&o.lr, "lr", 0, "")
		fs.IntVar(&o.samples, "samples", 0, "")
		fs.IntVar(&o.batch, "batch", 0, "")
		fs.IntVar(&o.every, "every", 0, "")
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		o.set = map[string]bool{}
		fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
		o.dtype, o.seed, o.optimizer = experiment.Float32, 1, net.OptSGD
		return o
	}
	ic, err := initCompareConfig(parse(), nil)
	if err != nil || !reflect.DeepEqual(ic, experiment.BookInitCompareConfig()) {
		t.Errorf("no flags: %+v, %v; want the book's setup", ic, err)
	}
	ic, err = initCompareConfig(parse("-lr", "0", "-inits", "zero,he"), nil)
	if err != nil || ic.LR != 0 || textlist.Format(ic.Inits) != "const=0, He" {
		t.Errorf("-lr 0 -inits zero,he: lr %v inits %v, %v", ic.LR, ic.Inits, err)
	}
	bn, err := batchNormConfig(parse("-samples", "2000"), nil)
	if err != nil || bn.Samples != 2000 || bn.Every != 20 {
		t.Errorf("-samples 2000: samples %d every %d (want one epoch, 20), %v", bn.Samples, bn.Every, err)
	}
	bn, err = batchNormConfig(parse("-samples", "2000", "-every", "3"), nil)
	if err != nil || bn.Every != 3 {
		t.Errorf("-every 3: every %d, %v", bn.Every, err)
	}
	if _, err := activationsConfig(parse("-inits", " , ")); err == nil {
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
	if _, ferr := jafont.Load(); ferr != nil {
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
		set         bool
		samples     int
		train, test int
	}{
		{"batchnorm", false, 0, experiment.BookBatchNormConfig().Samples, 0},
		{"batchnorm", true, 500, 500, 0},
		{"batchnorm", true, 0, -1, 0}, // invalid: load all so the check names the range
		{"sweep", false, 0, experiment.BookSweepConfig().Samples, 0},
		{"overfit", false, 0, experiment.BookOverfitConfig().Samples, -1},
		{"overfit", true, 2000, 2000, -1},
		{"initcompare", true, 10, -1, -1},
		{"symmetry", false, 0, -1, -1},
	} {
		o := options{run: tc.run, samples: tc.samples, set: map[string]bool{"samples": tc.set}}
		if train, test := dataNeeded(o); train != tc.train || test != tc.test {
			t.Errorf("%s (samples %d, set %v): loads %d/%d, want %d/%d", tc.run, tc.samples, tc.set, train, test, tc.train, tc.test)
		}
	}
}
