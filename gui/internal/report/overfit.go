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
	empty := true
	for i, h := range r.Variants {
		p.XMax = max(p.XMax, float64(r.Config.Epochs-1), float64(len(h.Epochs)-1))
		col := plot.Palette(i)
		name := variantName(h.Name, r.Config, tr)
		train, test := tr.T("fig.of.trainnone", name), tr.T("fig.of.testnone", name)
		if len(h.Epochs) > 0 {
			train, test = tr.T("fig.of.train", name, tr.T("fig.of.gap", h.FinalGap)), tr.T("fig.of.test", name, h.MaxTestAcc)
			empty = false
		}
		p.Series = append(p.Series,
			plot.Series{Name: train, X: h.Epochs, Y: h.TrainAcc, Color: col},
			plot.Series{Name: test, X: h.Epochs, Y: h.TestAcc, Color: col, Dashed: true})
	}
	c := r.Config
	return &plot.Figure{Title: tr.T("fig.of.title"), Cols: 1, PanelSize: fyne.NewSize(800, 500),
		Panels: []*plot.Panel{p}, Typeface: typeface(tr), Placeholder: runToDraw(empty, tr),
		FooterText: tr.T("fig.of.footer",
			Architecture(c.Hidden), c.Activation, c.Init, c.Optimizer, c.LR, c.Batch, c.WeightDecay, c.DropoutRatio, c.Seed, c.DType)}
}

// variantName is a variant in words, with its setting ("weight decay
// λ = 0.1"), not its identifier.
func variantName(v experiment.OverfitVariant, c experiment.OverfitConfig, tr *i18n.Localizer) string {
	switch v {
	case experiment.Plain:
		return tr.T("fig.of.v.plain")
	case experiment.WeightDecay:
		return tr.T("fig.of.v.weight_decay", c.WeightDecay)
	case experiment.DropoutNet:
		return tr.T("fig.of.v.dropout", c.DropoutRatio)
	case experiment.BatchNormed:
		return tr.T("fig.of.v.batchnorm")
	}
	return string(v) // a variant this figure does not know yet
}
