package report

import (
	"fmt"

	"fyne.io/fyne/v2"

	"zerokara/gui/internal/plot"
	"zerokara/net/experiment"
)

// Overfit draws the book's overfitting figure for every variant on one
// panel: accuracy against epochs, train solid and test dashed, one colour
// per variant, the final train − test gap in the legend.
func Overfit(r *experiment.OverfitResult) *plot.Figure {
	p := &plot.Panel{Title: fmt.Sprintf("first %d training images vs the %d test images", r.Config.Samples, 10000),
		XLabel: "epochs", YLabel: "accuracy", XMin: 0, YMin: 0, YMax: 1, Legend: true}
	for i, h := range r.Variants {
		p.XMax = max(p.XMax, float64(r.Config.Epochs-1), float64(len(h.Epochs)-1))
		col := plot.Palette(i)
		gap := "gap –"
		if len(h.Epochs) > 0 {
			gap = fmt.Sprintf("final gap %.3f", h.FinalGap)
		}
		p.Series = append(p.Series,
			plot.Series{Name: fmt.Sprintf("%s train (%s)", h.Name, gap), X: h.Epochs, Y: h.TrainAcc, Color: col},
			plot.Series{Name: fmt.Sprintf("%s test (best %.3f)", h.Name, h.MaxTestAcc), X: h.Epochs, Y: h.TestAcc, Color: col, Dashed: true})
	}
	c := r.Config
	return &plot.Figure{Title: "Overfitting: train (solid) and test (dashed) accuracy", Cols: 1, PanelSize: fyne.NewSize(800, 500),
		Panels: []*plot.Panel{p},
		FooterText: fmt.Sprintf("%s %s, %s init, %s lr=%g, batch %d; weight decay λ=%g, dropout ratio %g (not inverted); seed %d, %s",
			Architecture(c.Hidden), c.Activation, c.Init, c.Optimizer, c.LR, c.Batch, c.WeightDecay, c.DropoutRatio, c.Seed, c.DType)}
}
