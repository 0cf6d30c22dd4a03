package report

import (
	"fyne.io/fyne/v2"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
	"zerokara/net/experiment"
)

// Overfit draws the book's overfitting figure for every variant on one
// panel: accuracy against epochs, train solid and test dashed, one colour
// per variant, the final train − test gap in the legend.
func Overfit(r *experiment.OverfitResult, tr *i18n.Localizer) *plot.Figure {
	p := &plot.Panel{Title: tr.T("fig.of.panel", r.Config.Samples, 10000),
		XLabel: tr.T("fig.epochs"), YLabel: tr.T("fig.accuracy"), XMin: 0, YMin: 0, YMax: 1, Legend: true}
	for i, h := range r.Variants {
		p.XMax = max(p.XMax, float64(r.Config.Epochs-1), float64(len(h.Epochs)-1))
		col := plot.Palette(i)
		gap := tr.T("fig.of.nogap")
		if len(h.Epochs) > 0 {
			gap = tr.T("fig.of.gap", h.FinalGap)
		}
		p.Series = append(p.Series,
			plot.Series{Name: tr.T("fig.of.train", h.Name, gap), X: h.Epochs, Y: h.TrainAcc, Color: col},
			plot.Series{Name: tr.T("fig.of.test", h.Name, h.MaxTestAcc), X: h.Epochs, Y: h.TestAcc, Color: col, Dashed: true})
	}
	c := r.Config
	return &plot.Figure{Title: tr.T("fig.of.title"), Cols: 1, PanelSize: fyne.NewSize(800, 500),
		Panels: []*plot.Panel{p}, Typeface: typeface(tr),
		FooterText: tr.T("fig.of.footer",
			Architecture(c.Hidden), c.Activation, c.Init, c.Optimizer, c.LR, c.Batch, c.WeightDecay, c.DropoutRatio, c.Seed, c.DType)}
}
