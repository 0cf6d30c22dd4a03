package lab

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"zerokara/net/experiment"
)

// narrowBest is how many of the best trials "Narrow" searches around.
const narrowBest = 10

func init() { tabExtensions["hyperparams"] = hyperparamsTab }

// hyperparamsTab adds the book's next step above the figure: a button
// that sets the lr and λ ranges to where the best trials of the last run
// were (Narrowed: their span, slightly widened), so that Run searches
// again there. The ranges stay ordinary settings: the user may edit them
// further, or reset them to the book's.
func hyperparamsTab(s *ExperimentScreen, figure fyne.CanvasObject) fyne.CanvasObject {
	narrow := widget.NewButton(s.loc.T("hp.narrow", narrowBest), func() { narrowRanges(s) })
	return container.NewBorder(container.NewHBox(narrow), nil, nil, nil, figure)
}

// narrowRanges fills the four range fields from the last run's result
// (complete, or stopped with some trials finished) and says so in the
// status line; without a finished trial it says that instead.
func narrowRanges(s *ExperimentScreen) {
	snap, ok := s.live.snapshot()
	var r *experiment.HyperparamsResult
	if ok {
		r, _ = snap.Typed().(*experiment.HyperparamsResult)
	}
	var n experiment.Ranges
	if r != nil {
		n, ok = r.Narrowed(narrowBest)
	}
	if r == nil || !ok {
		s.Status.SetText(s.loc.T("hp.nonarrow"))
		return
	}
	for key, v := range map[string]float64{"lr_log10_min": n.LRLog10Min, "lr_log10_max": n.LRLog10Max,
		"weight_decay_log10_min": n.WeightDecayLog10Min, "weight_decay_log10_max": n.WeightDecayLog10Max} {
		if f := s.Form.Field(key); f != nil {
			f.Entry.SetText(strconv.FormatFloat(v, 'g', -1, 64))
		}
	}
	s.Status.SetText(s.loc.T("hp.narrowed", min(narrowBest, len(r.Ranking)), n.LRLog10Min, n.LRLog10Max, n.WeightDecayLog10Min, n.WeightDecayLog10Max))
}
