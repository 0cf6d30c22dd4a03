package lab

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"zerokara/gui/internal/i18n"

	"zerokara/gui/internal/datasource"
	"zerokara/net/experiment"
)

// testData is shared by the tests' labs: MNIST loads once.
var testData = datasource.New("../../../testdata/mnist")

func newTestLab(t *testing.T) *Lab {
	t.Helper()
	test.NewTempApp(t)
	l := New(testData, i18n.English)
	// The test driver runs fyne.Do callbacks on the worker goroutines, so
	// the test touches widgets only while no worker is updating them.
	l.Activations.wait()
	test.NewTempWindow(t, l.Content())
	l.waitViews()
	return l
}

func TestActivationsRecomputeOnChange(t *testing.T) {
	l := newTestLab(t)
	s := l.Activations
	if f := s.View.Figure(); f == nil || len(f.Panels) != 12*5 {
		t.Fatalf("initial figure: %v", f)
	}
	s.Activation.SetSelected("tanh")
	s.Init.SetSelected("He")
	s.wait()
	if f := s.View.Figure(); len(f.Panels) != 5 || !strings.Contains(f.Panels[0].Title, "tanh, He") {
		t.Errorf("after choosing tanh/He: %d panels, first %q", len(f.Panels), f.Panels[0].Title)
	}
	if !strings.Contains(s.Formula.Text, "√(2/fan_in)") {
		t.Errorf("formula %q", s.Formula.Text)
	}
	s.Gradients.SetChecked(true)
	s.wait()
	if f := s.View.Figure(); !strings.Contains(f.Title, "Gradient") {
		t.Errorf("gradient view title %q", f.Title)
	}
	// Invalid input is shown next to the field and keeps the picture.
	test.Type(s.Layers.Entry, "x")
	s.Layers.Entry.OnSubmitted(s.Layers.Entry.Text)
	s.wait()
	if s.Layers.Error.Text == "" || !strings.Contains(s.Status.Text, "fix") {
		t.Errorf("bad layer count: error %q, status %q", s.Layers.Error.Text, s.Status.Text)
	}
}

// setField types text into a screen's setting (a check takes "true").
func setField(t *testing.T, s *ExperimentScreen, key, text string) *setting {
	t.Helper()
	f := s.Form.Field(key)
	if f == nil {
		t.Fatalf("%s has no setting %s", s.Desc.Name, key)
	}
	if f.Check != nil {
		f.Check.SetChecked(text == "true")
	} else {
		f.Entry.SetText(text)
	}
	return f
}

func TestBatchNormRunsToCompletion(t *testing.T) {
	l := newTestLab(t)
	s := l.Screen("batchnorm")
	setField(t, s, "sigmas", "0.1, 1")
	setField(t, s, "points", "3")
	setField(t, s, "train_mode_accuracy", "true")
	test.Tap(s.Run)
	s.wait()
	if s.Err != nil || !strings.HasPrefix(s.Status.Text, "done") || s.Progress.Value != 1 {
		t.Fatalf("err %v, status %q, progress %g", s.Err, s.Status.Text, s.Progress.Value)
	}
	f := s.View.Figure()
	if len(f.Panels) != 2 || len(f.Panels[0].Series[0].Y) != 3 || len(f.Panels[0].Series) != 3 {
		t.Fatalf("figure: %d panels, %d series", len(f.Panels), len(f.Panels[0].Series))
	}
	if len(f.Panels[1].Marks) == 0 {
		t.Error("σ=1: the plain net's divergence is not marked")
	}
	dir := t.TempDir()
	if err := s.Export.exportTo(dir); err != nil || !strings.Contains(s.Status.Text, "batchnorm.png") {
		t.Errorf("export: %v, status %q", err, s.Status.Text)
	}
	for _, ext := range []string{"json", "csv", "png", "svg", "pdf"} {
		if info, err := os.Stat(filepath.Join(dir, "batchnorm."+ext)); err != nil || info.Size() == 0 {
			t.Errorf("export wrote no batchnorm.%s: %v", ext, err)
		}
	}
	test.Tap(s.Reset)
	if got := s.Form.Field("sigmas").Entry.Text; !strings.HasPrefix(got, "1, 0.5411695265464637, ") || s.Form.Field("points").Entry.Text != "20" {
		t.Errorf("reset gave σ %q, points %q", got, s.Form.Field("points").Entry.Text)
	}
}

func TestInitCompareStop(t *testing.T) {
	l := newTestLab(t)
	s := l.Screen("initcompare")
	setField(t, s, "iterations", "100000")
	test.Tap(s.Run)
	if s.Run.Disabled() != true || s.Stop.Disabled() {
		t.Error("Run should be disabled and Stop enabled while running")
	}
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		s.runner.mu.Lock()
		done := s.runner.last.Done
		s.runner.mu.Unlock()
		if done > 0 || time.Now().After(deadline) {
			break
		}
	}
	s.Stop.OnTapped() // not test.Tap: the worker may be redrawing right now
	s.wait()
	if !strings.HasPrefix(s.Status.Text, "stopped") || s.Run.Disabled() {
		t.Errorf("after Stop: status %q, Run disabled %v", s.Status.Text, s.Run.Disabled())
	}
	if err := s.Export.exportTo(t.TempDir()); err == nil {
		t.Error("a stopped run was exported as if complete")
	}
}

func TestInvalidInputNeverStartsARun(t *testing.T) {
	l := newTestLab(t)
	bn, ic := l.Screen("batchnorm"), l.Screen("initcompare")
	for _, tc := range []struct {
		name string
		set  func() func() string
		r    *runner
	}{
		{"points", func() func() string {
			f := setField(t, bn, "points", "many")
			return func() string { return f.Error.Text }
		}, bn.runner},
		{"sigmas", func() func() string {
			f := setField(t, bn, "sigmas", "0.1, -2")
			return func() string { return f.Error.Text }
		}, bn.runner},
		{"seed", func() func() string { ic.Seed.SetText("-1"); return func() string { return ic.SeedError.Text } }, ic.runner},
		{"inits", func() func() string {
			f := setField(t, ic, "inits", "He, wrong")
			return func() string { return f.Error.Text }
		}, ic.runner},
	} {
		errs := tc.set()
		test.Tap(tc.r.Run)
		tc.r.wait()
		if errs() == "" || !strings.Contains(tc.r.Status.Text, "fix") || tc.r.Run.Disabled() {
			t.Errorf("%s: error label %q, status %q", tc.name, errs(), tc.r.Status.Text)
		}
	}
}

func TestSelectTab(t *testing.T) {
	l := newTestLab(t)
	if !l.SelectTab("Batch") || l.Screen("batchnorm") == nil || l.Tabs.Selected().Text != "Batch Normalization" {
		t.Error("SelectTab(Batch)")
	}
	if l.SelectTab("Nope") {
		t.Error("SelectTab accepted an unknown tab")
	}
}

func TestConfigSaveLoadRoundTrip(t *testing.T) {
	l := newTestLab(t)
	bn := l.Screen("batchnorm")
	setField(t, bn, "sigmas", "0.5, 0.01")
	setField(t, bn, "points", "7")
	setField(t, bn, "optimizer", "adam")
	setField(t, bn, "bn.running_var_one", "true")
	bn.Seed.SetText("42")
	var buf bytes.Buffer
	if err := bn.Config.write(&buf); err != nil {
		t.Fatal(err)
	}
	saved := buf.String()
	test.Tap(bn.Reset)
	if err := bn.Config.read(&buf); err != nil {
		t.Fatal(err)
	}
	f := bn.Form.Field
	if f("sigmas").Entry.Text != "0.5, 0.01" || f("points").Entry.Text != "7" || f("optimizer").Entry.Text != "adam" || !f("bn.running_var_one").Check.Checked || bn.Seed.Text != "42" {
		t.Errorf("after load: σ %q points %q opt %q rv1 %v seed %q", f("sigmas").Entry.Text, f("points").Entry.Text, f("optimizer").Entry.Text, f("bn.running_var_one").Check.Checked, bn.Seed.Text)
	}
	ic := l.Screen("initcompare")
	// Another experiment's file is refused with its name; a broken one is
	// an error; invalid fields are not saved.
	if err := ic.Config.read(strings.NewReader(saved)); err == nil || !strings.Contains(err.Error(), "batchnorm") {
		t.Errorf("batchnorm's config loaded into initcompare: %v", err)
	}
	if err := ic.Config.read(strings.NewReader("{not json")); err == nil {
		t.Error("broken config accepted")
	}
	setField(t, ic, "batch", "0")
	if err := ic.Config.write(&buf); err == nil {
		t.Error("invalid settings saved")
	}
}

// An edit cancels the stale recomputation instead of letting it finish on
// all cores; the figure shows the last settings.
func TestActivationsEditCancelsStaleRun(t *testing.T) {
	l := newTestLab(t)
	s := l.Activations
	s.Width.Entry.SetText("1000") // 12 runs of 5 products of 1000³: seconds of work
	s.Width.Entry.SetText("50")
	s.wait()
	if n := s.cancelled.Load(); n < 1 {
		t.Errorf("%d stale runs cancelled, want the 1000-wide one", n)
	}
	if f := s.View.Figure(); f == nil || !strings.Contains(f.FooterText, "× 50 neurons") {
		t.Errorf("figure footer %q, want the 50-neuron run", f.FooterText)
	}
}

// Numbers are parsed strictly: "12abc" is not 12.
func TestStrictNumbers(t *testing.T) {
	l := newTestLab(t)
	bn, ic := l.Screen("batchnorm"), l.Screen("initcompare")
	for _, tc := range []struct {
		name  string
		set   func()
		error func() string
	}{
		{"runner seed", func() { bn.Seed.SetText("12abc") }, func() string { return bn.SeedError.Text }},
		{"activations seed", func() { l.Activations.Seed.Entry.SetText("12abc") }, func() string { return l.Activations.Seed.Error.Text }},
		{"points", func() { setField(t, bn, "points", "7.5") }, func() string { return bn.Form.Field("points").Error.Text }},
		{"learning rate", func() { setField(t, ic, "lr", "0.01x") }, func() string { return ic.Form.Field("lr").Error.Text }},
	} {
		tc.set()
		if tc.error() == "" {
			t.Errorf("%s: no error shown", tc.name)
		}
	}
	if err := ic.Form.Field("lr").Entry.Validate(); err == nil {
		t.Error("fyne's validation does not mark the bad learning rate")
	}
}

func TestSymmetryTabRuns(t *testing.T) {
	l := newTestLab(t)
	s := l.Screen("symmetry")
	setField(t, s, "iterations", "200")
	setField(t, s, "inits", "zero, he")
	test.Tap(s.Run)
	s.wait()
	if s.Err != nil || !strings.HasPrefix(s.Status.Text, "done") {
		t.Fatalf("err %v, status %q", s.Err, s.Status.Text)
	}
	p, ok := s.live.last()
	res, _ := p.Typed().(*experiment.SymmetryResult)
	if !ok || len(res.Runs) != 2 || res.Runs[0].Layers[1].Distinct[2] != 1 || res.Runs[1].Layers[1].Distinct[2] != 100 {
		t.Fatalf("result %v", ok)
	}
	if f := s.View.Figure(); f == nil || len(f.Panels) < 6 {
		t.Errorf("figure with %d panels, want loss row, counts and heat maps", len(f.Panels))
	}
}

// A learning rate that makes every network diverge is a result, drawn
// with its marks; the window and the other tabs stay.
func TestDivergedSymmetryRunIsAResult(t *testing.T) {
	l := newTestLab(t)
	s := l.Screen("symmetry")
	setField(t, s, "iterations", "30")
	setField(t, s, "every", "10")
	setField(t, s, "lr", "10")
	test.Tap(s.Run)
	s.wait()
	if s.Err != nil || !strings.HasPrefix(s.Status.Text, "done") {
		t.Fatalf("err %v, status %q", s.Err, s.Status.Text)
	}
	if err := s.Export.exportTo(t.TempDir()); err != nil {
		t.Errorf("export of a diverged run: %v", err)
	}
}

func TestOverfitTabRuns(t *testing.T) {
	l := newTestLab(t)
	s := l.Screen("overfit")
	setField(t, s, "epochs", "4")
	setField(t, s, "dropout_epochs", "6")
	setField(t, s, "variants", "plain, dropout")
	test.Tap(s.Run)
	s.wait()
	if s.Err != nil || !strings.HasPrefix(s.Status.Text, "done") {
		t.Fatalf("err %v, status %q", s.Err, s.Status.Text)
	}
	p, ok := s.live.last()
	res, _ := p.Typed().(*experiment.OverfitResult)
	if !ok || len(res.Variants) != 2 || len(res.Variants[0].Epochs) != 4 || len(res.Variants[1].Epochs) != 6 {
		t.Fatalf("result: %v", ok)
	}
	if setField(t, s, "variants", "plain, mixup").Error.Text == "" {
		t.Error("an unknown variant is not marked")
	}
}

func TestSweepTabRuns(t *testing.T) {
	l := newTestLab(t)
	s := l.Screen("sweep")
	setField(t, s, "sigmas", "1, 0.01")
	setField(t, s, "learning_rates", "0.01, 1")
	setField(t, s, "steps", "20")
	test.Tap(s.Run)
	s.wait()
	if s.Err != nil || !strings.HasPrefix(s.Status.Text, "done") {
		t.Fatalf("err %v, status %q", s.Err, s.Status.Text)
	}
	p, ok := s.live.last()
	if res, _ := p.Typed().(*experiment.SweepResult); !ok || len(res.BN) != 2 || len(res.BN[0]) != 2 {
		t.Fatalf("result %v", ok)
	}
	if f := s.View.Figure(); f == nil || len(f.Panels) < 2 || f.Panels[0].Heat == nil {
		t.Error("no heat maps drawn")
	}
}
