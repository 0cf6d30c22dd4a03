package plot

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
)

// The live view draws the figure at the size it is given, again after
// every resize, and follows SetFigure.
func TestViewFollowsItsSize(t *testing.T) {
	test.NewTempApp(t)
	v := NewView()
	w := test.NewTempWindow(t, container.NewStack(v))
	w.SetPadded(false)
	v.SetFigure(smallFigure())
	for _, size := range []fyne.Size{{Width: 600, Height: 400}, {Width: 900, Height: 300}, {Width: 400, Height: 700}} {
		w.Resize(size)
		v.Wait()
		img := v.img.Image
		if img == nil {
			t.Fatalf("%v: nothing drawn", size)
		}
		b := img.Bounds()
		got := v.img.Size()
		if abs(b.Dx()-int(got.Width)) > 2 || abs(b.Dy()-int(got.Height)) > 2 || got.Width < size.Width-10 {
			t.Errorf("window %v: view %v, image %v×%v", size, got, b.Dx(), b.Dy())
		}
	}
	v.SetFigure(nil)
	v.Wait()
	if v.img.Image != nil {
		t.Error("a nil figure left the old picture")
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
