package experiment

import (
	"encoding/csv"
	"io"
	"math"
	"strconv"
)

// Every result writes a long-format CSV: one row per recorded value, so
// spreadsheets and plotting tools can pivot it as they like. Empty cells
// mark points where a network had diverged.

// WriteCSV writes columns activation, init, layer, kind (activations, or
// gradients), bin_lo, bin_hi, count, plus one "stats" row per layer with
// mean and std.
func (r *ActivationsResult) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"activation", "init", "layer", "kind", "bin_lo", "bin_hi", "count", "mean", "std"})
	for _, run := range r.Runs {
		for l, s := range run.Layers {
			layer := strconv.Itoa(l + 1)
			cw.Write([]string{run.Activation, run.Init, layer, "stats", "", "", "", num(s.Mean), num(s.Std)})
			writeHist(cw, []string{run.Activation, run.Init, layer, "hist"}, s.Hist)
			writeHist(cw, []string{run.Activation, run.Init, layer, "fit"}, s.Fit)
			if s.Grad != nil {
				cw.Write([]string{run.Activation, run.Init, layer, "grad_stats", "", "", "", num(s.Grad.Mean), num(s.Grad.Std)})
				writeHist(cw, []string{run.Activation, run.Init, layer, "grad_hist"}, s.Grad.Hist)
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeHist(cw *csv.Writer, prefix []string, h Histogram) {
	width := (h.Hi - h.Lo) / float64(len(h.Counts))
	for b, c := range h.Counts {
		lo := h.Lo + float64(b)*width
		cw.Write(append(append([]string(nil), prefix...), num(lo), num(lo+width), strconv.Itoa(c), "", ""))
	}
}

// WriteCSV writes columns iteration, then loss and smoothed for each
// series (e.g. He_loss, He_smoothed).
func (r *InitCompareResult) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"iteration"}
	for _, s := range r.Series {
		head = append(head, s.Name+"_loss", s.Name+"_smoothed")
	}
	cw.Write(head)
	for i := range r.Config.Iterations {
		row := []string{strconv.Itoa(i)}
		for _, s := range r.Series {
			row = append(row, num(s.Loss[i]), num(s.Smoothed[i]))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSV writes columns sigma, epoch, bn, plain (accuracies), bn_loss,
// plain_loss and, when recorded, bn_train_mode.
func (r *BatchNormResult) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	head := []string{"sigma", "epoch", "bn", "plain", "bn_loss", "plain_loss"}
	if r.Config.TrainModeAccuracy {
		head = append(head, "bn_train_mode")
	}
	cw.Write(head)
	for _, p := range r.Panels {
		for e := range p.BN {
			row := []string{num(p.Sigma), strconv.Itoa(e), num(p.BN[e]), num(p.Plain[e]), num(p.BNLoss[e]), num(p.PlainLoss[e])}
			if r.Config.TrainModeAccuracy {
				row = append(row, num(p.BNTrainMode[e]))
			}
			cw.Write(row)
		}
	}
	cw.Flush()
	return cw.Error()
}

// num formats v, or "" for NaN and ±Inf.
func num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// WriteCSV writes one row per run, point and layer: init, iteration, the
// batch loss, the layer, its distinct neurons and their spread.
func (r *SymmetryResult) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"init", "iteration", "loss", "layer", "distinct", "spread"})
	for _, run := range r.Runs {
		for p, it := range run.Iterations {
			for l, layer := range run.Layers {
				cw.Write([]string{run.Init, strconv.Itoa(it), num(run.Loss[p]), strconv.Itoa(l + 1),
					strconv.Itoa(layer.Distinct[p]), num(layer.Spread[p])})
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSV writes one row per variant and epoch: variant, epoch, train
// and test accuracy.
func (r *OverfitResult) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"variant", "epoch", "train_acc", "test_acc"})
	for _, h := range r.Variants {
		for i, e := range h.Epochs {
			cw.Write([]string{string(h.Name), strconv.FormatFloat(e, 'g', -1, 64), num(h.TrainAcc[i]), num(h.TestAcc[i])})
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteCSV writes one row per cell: sigma, lr, the BN and plain final
// accuracies (empty where diverged) and the divergence flags.
func (r *SweepResult) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"sigma", "lr", "bn", "plain", "bn_diverged", "plain_diverged"})
	for i, s := range r.Sigmas {
		for j, lr := range r.LearningRates {
			cw.Write([]string{strconv.FormatFloat(s, 'g', -1, 64), strconv.FormatFloat(lr, 'g', -1, 64), num(r.BN[i][j]), num(r.Plain[i][j]),
				strconv.FormatBool(r.BNDiverged[i][j]), strconv.FormatBool(r.PlainDiverged[i][j])})
		}
	}
	cw.Flush()
	return cw.Error()
}
