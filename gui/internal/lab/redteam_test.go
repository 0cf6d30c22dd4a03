package lab

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func longSuite(t *testing.T) {
	t.Helper()
	if testing.Short() || os.Getenv("ZEROKARA_LONG") == "" {
		t.Skip("long suite: set ZEROKARA_LONG=1")
	}
}

// TestRedTeamWindow: on every experiment tab, settings that make every
// network diverge give a result that is drawn and exported (× marks, null
// in JSON); the window and the other tabs' results stay.
func TestRedTeamWindow(t *testing.T) {
	longSuite(t)
	l := newTestLab(t)
	small := map[string][][2]string{
		"initcompare": {{"iterations", "30"}, {"lr", "1000"}},
		"batchnorm":   {{"points", "3"}, {"sigmas", "1, 100"}, {"lr", "1000"}},
		"symmetry":    {{"iterations", "30"}, {"every", "10"}, {"lr", "10"}},
		"overfit":     {{"epochs", "3"}, {"dropout_epochs", "3"}, {"lr", "1000"}, {"weight_decay", "1000"}},
		"sweep":       {{"sigmas", "1, 100"}, {"learning_rates", "10, 1000"}, {"steps", "20"}},
	}
	var done []*ExperimentScreen
	for _, s := range l.Experiments {
		settings, ok := small[s.Desc.Name]
		if !ok {
			continue // a later experiment: its own tests
		}
		for _, kv := range settings {
			setField(t, s, kv[0], kv[1])
		}
		s.Run.OnTapped()
		s.wait()
		if s.Err != nil {
			t.Errorf("%s: %v", s.Desc.Name, s.Err)
			continue
		}
		if s.View.Figure() == nil {
			t.Errorf("%s: nothing drawn", s.Desc.Name)
		}
		dir := t.TempDir()
		if err := s.Export.exportTo(dir); err != nil {
			t.Errorf("%s: export: %v", s.Desc.Name, err)
		} else if b, err := os.ReadFile(filepath.Join(dir, s.Desc.Name+".json")); err != nil || !strings.Contains(string(b), "null") {
			t.Errorf("%s: the exported JSON (%v) shows no diverged value", s.Desc.Name, err)
		}
		done = append(done, s)
	}
	for _, s := range done {
		if _, ok := s.live.last(); !ok {
			t.Errorf("%s: its result was lost by a later tab's run", s.Desc.Name)
		}
	}
}
