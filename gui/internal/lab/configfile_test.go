package lab

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"zerokara/gui/internal/headless"
	"zerokara/net/experiment"
)

// A config file reruns the same run headless and in the window: the
// result JSONs are equal apart from the run's time.
func TestConfigFileRerunsTheSameResult(t *testing.T) {
	d, err := experiment.Lookup("overfit")
	if err != nil {
		t.Fatal(err)
	}
	cfg := experiment.BookOverfitConfig()
	cfg.Epochs, cfg.DropoutEpochs, cfg.Variants, cfg.Seed = 4, 5, []experiment.OverfitVariant{experiment.Plain, experiment.DropoutNet}, 7
	b, err := d.EncodeConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "overfit-config.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	headlessOut, windowOut := filepath.Join(dir, "headless"), filepath.Join(dir, "window")
	args := []string{"-run", "overfit", "-config", file, "-out", headlessOut, "-data", "../../../testdata/mnist"}
	if code := headless.Main(context.Background(), args, io.Discard, io.Discard); code != 0 {
		t.Fatalf("headless: exit %d", code)
	}

	l := newTestLab(t)
	if err := l.LoadConfig(b); err != nil {
		t.Fatal(err)
	}
	s := l.Screen("overfit")
	if l.Tabs.Selected().Text != "Overfitting" {
		t.Errorf("the config's tab is not shown: %q", l.Tabs.Selected().Text)
	}
	l.RunSelected()
	s.wait()
	if s.Err != nil {
		t.Fatal(s.Err)
	}
	if err := s.Export.exportTo(windowOut); err != nil {
		t.Fatal(err)
	}
	read := func(dir string) map[string]any {
		var m map[string]any
		b, err := os.ReadFile(filepath.Join(dir, "overfit.json"))
		if err == nil {
			err = json.Unmarshal(b, &m)
		}
		if err != nil {
			t.Fatal(err)
		}
		delete(m, "seconds")
		return m
	}
	h, w := read(headlessOut), read(windowOut)
	if !reflect.DeepEqual(h, w) {
		t.Errorf("the window's result differs from the headless one:\n%v\n%v", w, h)
	}
	if c := h["config"].(map[string]any); c["epochs"] != 4.0 || c["dropout_epochs"] != 5.0 || c["seed"] != 7.0 {
		t.Errorf("the config as run: %v", c)
	}
}

// Loading another experiment's config file into a tab, or one with a
// value out of range, is refused with the reason; the tab keeps its
// settings.
func TestLoadConfigRefuses(t *testing.T) {
	l := newTestLab(t)
	for _, tc := range []struct{ file, want string }{
		{`{"experiment":"overfit","config":{"batch":1000000000000,"epochs":3}}`, "batch"},
		{`{"experiment":"overfit","config":{"epochs":3.5}}`, "epochs"},
		{`{"experiment":"initcompare","config":{"hidden":[100000,100000,100000,100000]}}`, "hidden"},
		{`{"experiment":"overfit","config":{"lr":1,"sigmas":[1]}}`, `unknown setting "sigmas"`},
		{`{"experiment":"mixup","config":{}}`, "mixup"},
		{`{"epochs":3}`, "experiment"},
		{`[1,2]`, "config file"},
	} {
		if err := l.LoadConfig([]byte(tc.file)); err == nil || !contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error about %q", tc.file, err, tc.want)
		}
	}
	if got := l.Screen("overfit").Form.Field("epochs").Entry.Text; got != "201" {
		t.Errorf("a refused file changed the form: epochs %q", got)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
