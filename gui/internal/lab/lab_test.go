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

func TestBatchNormRunsToCompletion(t *testing.T) {
	l := newTestLab(t)
	s := l.BatchNorm
	s.Sigmas.Entry.SetText("0.1, 1")
	s.Points.Entry.SetText("3")
	s.TrainMode.SetChecked(true)
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
	if !strings.HasPrefix(s.Sigmas.Entry.Text, "1, 0.54117") || s.Points.Entry.Text != "20" {
		t.Errorf("reset gave σ %q, points %q", s.Sigmas.Entry.Text, s.Points.Entry.Text)
	}
}

func TestInitCompareStop(t *testing.T) {
	l := newTestLab(t)
	s := l.InitCompare
	s.Iterations.Entry.SetText("100000")
	test.Tap(s.Run)
	if s.Run.Disabled() != true || s.Stop.Disabled() {
		t.Error("Run should be disabled and Stop enabled while running")
	}
	// Stop once training is under way (data loading is not interruptible).
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		s.runner.mu.Lock()
		done := s.runner.last.Done
		s.runner.mu.Unlock()
		if done > 0 || time.Now().After(deadline) {
			break
		}
	}
	s.Stop.OnTapped() // not test.Tap: the worker may be redrawing right now
	start := time.Now()
	s.wait()
	if waited := time.Since(start); waited > 2*time.Second {
		t.Errorf("stopping took %v", waited)
	}
	if !strings.HasPrefix(s.Status.Text, "stopped") || s.Run.Disabled() {
		t.Errorf("after Stop: status %q, Run disabled %v", s.Status.Text, s.Run.Disabled())
	}
	if err := s.Export.exportTo(t.TempDir()); err == nil {
		t.Error("a stopped run was exported as if complete")
	}
}

func TestInvalidInputNeverStartsARun(t *testing.T) {
	l := newTestLab(t)
	for _, tc := range []struct {
		name string
		set  func()
		r    *runner
		errs func() string
	}{
		{"points", func() { l.BatchNorm.Points.Entry.SetText("many") }, l.BatchNorm.runner, func() string { return l.BatchNorm.Points.Error.Text }},
		{"sigmas", func() { l.BatchNorm.Sigmas.Entry.SetText("0.1, -2") }, l.BatchNorm.runner, func() string { return l.BatchNorm.Sigmas.Error.Text }},
		{"seed", func() { l.InitCompare.Seed.SetText("-1") }, l.InitCompare.runner, func() string { return l.InitCompare.SeedError.Text }},
		{"inits", func() { l.InitCompare.Inits.Entry.SetText("He, wrong") }, l.InitCompare.runner, func() string { return l.InitCompare.Inits.Error.Text }},
	} {
		tc.set()
		test.Tap(tc.r.Run)
		tc.r.wait()
		if tc.errs() == "" || !strings.Contains(tc.r.Status.Text, "fix") || tc.r.Run.Disabled() {
			t.Errorf("%s: error label %q, status %q", tc.name, tc.errs(), tc.r.Status.Text)
		}
	}
}

func TestSelectTab(t *testing.T) {
	l := newTestLab(t)
	if !l.SelectTab("Batch") || l.Tabs.SelectedIndex() != 2 {
		t.Error("SelectTab(Batch)")
	}
	if l.SelectTab("Nope") {
		t.Error("SelectTab accepted an unknown tab")
	}
}

func TestConfigSaveLoadRoundTrip(t *testing.T) {
	l := newTestLab(t)
	bn := l.BatchNorm
	bn.Sigmas.Entry.SetText("0.5, 0.01")
	bn.Points.Entry.SetText("7")
	bn.Optimizer.SetSelected("adam")
	bn.RunningVarOne.SetChecked(true)
	bn.Seed.SetText("42")
	var buf bytes.Buffer
	if err := bn.Config.write(&buf); err != nil {
		t.Fatal(err)
	}
	test.Tap(bn.Reset)
	if err := bn.Config.read(&buf); err != nil {
		t.Fatal(err)
	}
	if bn.Sigmas.Entry.Text != "0.5, 0.01" || bn.Points.Entry.Text != "7" || bn.Optimizer.Selected != "adam" || !bn.RunningVarOne.Checked || bn.Seed.Text != "42" {
		t.Errorf("after load: σ %q points %q opt %q rv1 %v seed %q", bn.Sigmas.Entry.Text, bn.Points.Entry.Text, bn.Optimizer.Selected, bn.RunningVarOne.Checked, bn.Seed.Text)
	}
	ic := l.InitCompare
	ic.Inits.Entry.SetText("He, std=0.05")
	ic.Iterations.Entry.SetText("300")
	ic.Activation.SetSelected("tanh")
	buf.Reset()
	if err := ic.Config.write(&buf); err != nil {
		t.Fatal(err)
	}
	test.Tap(ic.Reset)
	if err := ic.Config.read(&buf); err != nil {
		t.Fatal(err)
	}
	if ic.Inits.Entry.Text != "He, std=0.05" || ic.Iterations.Entry.Text != "300" || ic.Activation.Selected != "tanh" {
		t.Errorf("after load: inits %q iterations %q activation %q", ic.Inits.Entry.Text, ic.Iterations.Entry.Text, ic.Activation.Selected)
	}
	// A broken file is an error; invalid fields are not saved.
	if err := ic.Config.read(strings.NewReader("{not json")); err == nil {
		t.Error("broken config accepted")
	}
	ic.Batch.Entry.SetText("0")
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
	for _, tc := range []struct {
		name  string
		set   func()
		error func() string
	}{
		{"runner seed", func() { l.BatchNorm.Seed.SetText("12abc") }, func() string { return l.BatchNorm.SeedError.Text }},
		{"activations seed", func() { l.Activations.Seed.Entry.SetText("12abc") }, func() string { return l.Activations.Seed.Error.Text }},
		{"points", func() { l.BatchNorm.Points.Entry.SetText("7.5") }, func() string { return l.BatchNorm.Points.Error.Text }},
		{"learning rate", func() { l.InitCompare.LR.Entry.SetText("0.01x") }, func() string { return l.InitCompare.LR.Error.Text }},
	} {
		tc.set()
		if tc.error() == "" {
			t.Errorf("%s: no error shown", tc.name)
		}
	}
	if err := l.InitCompare.LR.Entry.Validate(); err == nil {
		t.Error("fyne's validation does not mark the bad learning rate")
	}
}

func TestSymmetryTabRuns(t *testing.T) {
	l := newTestLab(t)
	s := l.Symmetry
	s.Iterations.Entry.SetText("200")
	s.Inits.Entry.SetText("zero, he")
	test.Tap(s.Run)
	s.wait()
	if s.Err != nil || !strings.HasPrefix(s.Status.Text, "done") {
		t.Fatalf("err %v, status %q", s.Err, s.Status.Text)
	}
	res, ok := s.live.last()
	if !ok || len(res.Runs) != 2 || res.Runs[0].Layers[1].Distinct[2] != 1 || res.Runs[1].Layers[1].Distinct[2] != 100 {
		t.Fatalf("result %v", ok)
	}
	if f := s.View.Figure(); f == nil || len(f.Panels) != 2+2+2 {
		t.Errorf("figure with %d panels, want loss row, counts and heat maps", len(f.Panels))
	}
}

func TestOverfitTabRuns(t *testing.T) {
	l := newTestLab(t)
	s := l.Overfit
	s.Epochs.Entry.SetText("4")
	s.Variants.Entry.SetText("plain, dropout")
	test.Tap(s.Run)
	s.wait()
	if s.Err != nil || !strings.HasPrefix(s.Status.Text, "done") {
		t.Fatalf("err %v, status %q", s.Err, s.Status.Text)
	}
	res, ok := s.live.last()
	if !ok || len(res.Variants) != 2 || len(res.Variants[0].Epochs) != 4 || len(res.Variants[1].Epochs) != 104 {
		t.Fatalf("result: %v", ok)
	}
	s.Variants.Entry.SetText("plain, mixup")
	if s.Variants.Error.Text == "" {
		t.Error("an unknown variant is not marked")
	}
}

func TestSweepTabRuns(t *testing.T) {
	l := newTestLab(t)
	s := l.Sweep
	s.Sigmas.Entry.SetText("1, 0.01")
	s.LRs.Entry.SetText("0.01, 1")
	s.Steps.Entry.SetText("20")
	test.Tap(s.Run)
	s.wait()
	if s.Err != nil || !strings.HasPrefix(s.Status.Text, "done") {
		t.Fatalf("err %v, status %q", s.Err, s.Status.Text)
	}
	if res, ok := s.live.last(); !ok || len(res.BN) != 2 || len(res.BN[0]) != 2 {
		t.Fatalf("result %v", ok)
	}
	if f := s.View.Figure(); f == nil || len(f.Panels) != 2 || f.Panels[0].Heat == nil {
		t.Error("no heat maps drawn")
	}
}
