package lab

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"zerokara/gui/internal/report"
)

// optimizersTabOf finds the Optimizers tab's figure in the lab.
func optimizersTabOf(t *testing.T, l *Lab) (*ExperimentScreen, *optimizersTab) {
	t.Helper()
	var find func(o fyne.CanvasObject) *optimizersView
	find = func(o fyne.CanvasObject) *optimizersView {
		switch o := o.(type) {
		case *optimizersView:
			return o
		case *fyne.Container:
			for _, c := range o.Objects {
				if v := find(c); v != nil {
					return v
				}
			}
		}
		return nil
	}
	for _, item := range l.Tabs.Items {
		if v := find(item.Content); v != nil {
			return v.tab.s, v.tab
		}
	}
	t.Fatal("no Optimizers tab")
	return nil, nil
}

// pathStart returns the first position of the shown figure's paths.
func pathStart(t *testing.T, tab *optimizersTab) (float64, float64) {
	t.Helper()
	if tab.shown == nil || len(tab.shown.Paths) == 0 {
		t.Fatal("no paths shown")
	}
	return tab.shown.Paths[0].X[0], tab.shown.Paths[0].Y[0]
}

// TestOptimizersTabRedrawsPaths: the paths follow the settings as they are
// typed, the lists' lengths that do not pair up are said in the status
// line and keep the picture, and every value the form accepts draws.
func TestOptimizersTabRedrawsPaths(t *testing.T) {
	l := newTestLab(t)
	s, tab := optimizersTabOf(t, l)
	if x, y := pathStart(t, tab); x != -7 || y != 2 {
		t.Fatalf("the book's paths start at (%v, %v)", x, y)
	}
	setField(t, s, "path.x0", "3")
	if x, _ := pathStart(t, tab); x != 3 {
		t.Errorf("after typing x0 = 3 the paths start at x = %v", x)
	}
	fig := tab.View.View.Figure()
	_, cells, _, _ := report.OptimizersCells(4)
	found := false
	for _, ser := range fig.Panels[cells[0]].Series {
		found = found || (len(ser.X) == 30 && ser.X[0] == 3)
	}
	if !found {
		t.Error("the SGD panel has no path of 30 points from x = 3")
	}
	setField(t, s, "path.optimizers", "sgd, adam")
	if !strings.Contains(s.Status.Text, "4 rates for 2 optimizers") || len(tab.shown.Paths) != 4 {
		t.Errorf("2 optimizers, 4 rates: status %q, %d paths shown", s.Status.Text, len(tab.shown.Paths))
	}
	setField(t, s, "path.lrs", "0.5, 0.2")
	if strings.Contains(s.Status.Text, "rates") || len(tab.shown.Paths) != 2 || tab.shown.Paths[1].LR != 0.2 {
		t.Errorf("2 optimizers, 2 rates: status %q, %d paths", s.Status.Text, len(tab.shown.Paths))
	}
	test.Tap(s.Reset)
	for _, tc := range [][2]string{
		{"path.lrs", "1000, 1000, 1000, 1000"}, {"path.steps", "10000"}, {"path.x0", "-10"}, {"path.y0", "10"},
		{"path.lrs", "0, 0, 0, 0"}, {"path.optimizers", "nesterov, rmsprop, adam, sgd"}, {"path.steps", "1"},
	} {
		setField(t, s, tc[0], tc[1])
		tab.View.View.Wait()
		if strings.Contains(s.Status.Text, "rror") || tab.View.View.Figure() == nil {
			t.Errorf("%s = %s: status %q", tc[0], tc[1], s.Status.Text)
		}
	}
}

// TestOptimizersTabClick: a click on a path panel sets the start to the
// point under it; a click on the loss panel changes nothing.
func TestOptimizersTabClick(t *testing.T) {
	l := newTestLab(t)
	s, tab := optimizersTabOf(t, l)
	size := fyne.NewSize(900, 600)
	tab.View.Resize(size)
	cols, cells, loss, _ := report.OptimizersCells(4)
	fig := tab.View.View.Figure()
	rows := float32((len(fig.Panels) + cols - 1) / cols)
	// Near the middle of a cell of the grid, and 10 units on.
	near := func(cell int, d float32) fyne.Position {
		return fyne.NewPos((float32(cell%cols)+0.5)*size.Width/float32(cols)+d, (float32(cell/cols)+0.5)*size.Height/rows+d)
	}
	// Two positions in the Momentum panel give its linear scale.
	var hits [][4]float64
	for _, d := range []float32{0, 10} {
		pos := near(cells[1], d)
		if i, x, y, ok := fig.DataAt(size, pos); ok && i == cells[1] {
			hits = append(hits, [4]float64{float64(pos.X), float64(pos.Y), x, y})
		}
	}
	if len(hits) < 2 {
		t.Fatalf("the middle of the Momentum cell is not on its panel: %v", hits)
	}
	a, b := hits[0], hits[1]
	const tx, ty = 4.0, -2.0
	pos := fyne.NewPos(float32(a[0]+(tx-a[2])*(b[0]-a[0])/(b[2]-a[2])), float32(a[1]+(ty-a[3])*(b[1]-a[1])/(b[3]-a[3])))
	tab.View.Tapped(&fyne.PointEvent{Position: pos})
	x, _ := strconv.ParseFloat(s.Form.Field("path.x0").Entry.Text, 64)
	y, _ := strconv.ParseFloat(s.Form.Field("path.y0").Entry.Text, 64)
	if math.Abs(x-tx) > 0.05 || math.Abs(y-ty) > 0.05 {
		t.Errorf("a click at (%v, %v) set the start to (%v, %v)", tx, ty, x, y)
	}
	if px, py := pathStart(t, tab); px != x || py != y {
		t.Errorf("the paths start at (%v, %v), the fields say (%v, %v)", px, py, x, y)
	}
	if i, _, _, ok := fig.DataAt(size, near(loss, 0)); !ok || i != loss {
		t.Fatalf("the middle of the loss cell is on panel %d (%v)", i, ok)
	}
	tab.View.Tapped(&fyne.PointEvent{Position: near(loss, 0)})
	if got := s.Form.Field("path.x0").Entry.Text; got != strconv.FormatFloat(x, 'f', -1, 64) {
		t.Errorf("a click on the loss panel set x0 to %s", got)
	}
}

// TestOptimizersTabRunAndExport: a short run draws its curves in the tab;
// the export holds the run's MNIST part with the paths of the settings
// typed after it.
func TestOptimizersTabRunAndExport(t *testing.T) {
	l := newTestLab(t)
	s, tab := optimizersTabOf(t, l)
	setField(t, s, "iterations", "20")
	setField(t, s, "hidden", "10")
	test.Tap(s.Run)
	s.wait()
	tab.following.Wait()
	if s.Err != nil || len(tab.shown.MNIST) != 4 || len(tab.shown.MNIST[0].Loss) != 20 || tab.shown.MNIST[3].TestAccuracy == nil {
		t.Fatalf("after the run: error %v, shown %+v", s.Err, tab.shown.MNIST)
	}
	setField(t, s, "path.x0", "5")
	dir := t.TempDir()
	if err := s.Export.exportTo(dir); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "optimizers.json"))
	if err != nil {
		t.Fatal(err)
	}
	var js struct {
		Config struct {
			Path struct{ X0 float64 } `json:"path"`
		}
		Paths map[string]struct{ X []float64 }
		MNIST map[string]struct{ Loss []float64 }
	}
	if err := json.Unmarshal(b, &js); err != nil {
		t.Fatal(err)
	}
	if js.Config.Path.X0 != 5 || js.Paths["sgd"].X[0] != 5 || len(js.MNIST["adam"].Loss) != 20 {
		t.Errorf("export: x0 %v, sgd path from %v, %d adam losses", js.Config.Path.X0, js.Paths["sgd"].X, len(js.MNIST["adam"].Loss))
	}
}
