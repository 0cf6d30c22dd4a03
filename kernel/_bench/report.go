package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// rotationResult is one rotation of one shape: its contenders (in call
// order of the first round) and samples[round][contender].
type rotationResult struct {
	threads int
	names   []string
	samples [][]sample
	others  float64 // CPUs kept busy by other processes during the rounds, -1 unknown
}

// index returns the position of the named contender, or -1.
func (r rotationResult) index(name string) int {
	for i, n := range r.names {
		if n == name {
			return i
		}
	}
	return -1
}

// rate summarizes the named contender's GFLOP/s over the rounds.
func (r rotationResult) rate(name string) spread {
	i := r.index(name)
	if i < 0 {
		return summarize(nil)
	}
	return summarize(rates(r.samples, i))
}

// ratio summarizes the per-round ratio of two contenders' rates.
func (r rotationResult) ratio(num, den string) spread {
	i, j := r.index(num), r.index(den)
	if i < 0 || j < 0 {
		return summarize(nil)
	}
	return summarize(ratios(r.samples, i, j))
}

// table writes one element type's Markdown table, row by row as the shapes
// finish.
type table struct {
	w           io.Writer
	n           int  // threads of the second rotation
	peak, gonum bool // extra columns
}

// header writes the table's title and column heads.
func (t *table) header(elem string) {
	fmt.Fprintf(t.w, "### %s (GFLOP/s, median over rounds; ratios: median (min–max) of per-round ratios)\n\n", elem)
	cols := []string{"shape m×n×k", "zerokara 1w", "OpenBLAS 1t", "gomlx 1t", "zk÷OB 1t", "zk÷gomlx 1t"}
	if t.n > 1 {
		cols = append(cols,
			fmt.Sprintf("zerokara %dw", t.n), fmt.Sprintf("OpenBLAS %dt", t.n), fmt.Sprintf("gomlx %dt", t.n),
			fmt.Sprintf("zk÷OB %dt", t.n), fmt.Sprintf("zk %dw÷OB best", t.n), fmt.Sprintf("zk÷gomlx %dt", t.n))
	}
	if t.peak {
		cols = append(cols, "peak 1 core", "zk 1w÷peak")
	}
	if t.gonum {
		cols = append(cols, fmt.Sprintf("gonum %dt", t.n))
	}
	cols = append(cols, "others' load")
	fmt.Fprintf(t.w, "| %s |\n", strings.Join(cols, " | "))
	align := make([]string, len(cols))
	for i := range align {
		align[i] = "---:"
	}
	align[0] = "---"
	fmt.Fprintf(t.w, "|%s|\n", strings.Join(align, "|"))
}

// row writes one shape's row from its single-thread and n-thread rotations.
func (t *table) row(s shape, one, many rotationResult) {
	cells := []string{s.String(),
		rateCell(one.rate("zerokara")), rateCell(one.rate("OpenBLAS")), rateCell(one.rate("gomlx")),
		ratioCell(one.ratio("zerokara", "OpenBLAS")), ratioCell(one.ratio("zerokara", "gomlx"))}
	if t.n > 1 {
		cells = append(cells,
			rateCell(many.rate("zerokara")), rateCell(many.rate("OpenBLAS")), rateCell(many.rate("gomlx")),
			ratioCell(many.ratio("zerokara", "OpenBLAS")), bestCell(many.rate("zerokara"), one.rate("OpenBLAS"), many.rate("OpenBLAS")),
			ratioCell(many.ratio("zerokara", "gomlx")))
	}
	if t.peak {
		cells = append(cells, rateCell(one.rate("peak")), ratioCell(one.ratio("zerokara", "peak")))
	}
	if t.gonum {
		cells = append(cells, rateCell(many.rate("gonum")))
	}
	load := loadCell(one.others)
	if t.n > 1 {
		load += " / " + loadCell(many.others)
	}
	cells = append(cells, load)
	fmt.Fprintf(t.w, "| %s |\n", strings.Join(cells, " | "))
}

// bestCell formats zerokara's n-worker median rate divided by OpenBLAS's
// best median rate over its thread counts (1 or n): OpenBLAS on more
// threads than pay, for a small product, is not its best setting.
func bestCell(zk, ob1, obN spread) string {
	best := max(ob1.median, obN.median)
	if math.IsNaN(zk.median) || math.IsNaN(best) || best == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f", zk.median/best)
}

// loadCell formats the CPUs other processes kept busy ("?" unknown).
func loadCell(x float64) string {
	if x < 0 {
		return "?"
	}
	return fmt.Sprintf("%.2f", x)
}

// csvHeader is the first line of -csv: one line per contender per round.
var csvHeader = []string{"type", "shape", "m", "n", "k", "threads", "round", "contender", "calls", "seconds", "gflops", "others_load"}

// writeCSV appends one rotation's raw per-round samples to w.
func writeCSV(w *csv.Writer, elem string, s shape, r rotationResult) {
	for round, row := range r.samples {
		for i, x := range row {
			w.Write([]string{elem, s.String(), strconv.Itoa(s.m), strconv.Itoa(s.n), strconv.Itoa(s.k),
				strconv.Itoa(r.threads), strconv.Itoa(round), r.names[i], strconv.Itoa(x.calls),
				strconv.FormatFloat(x.secs, 'g', 8, 64), strconv.FormatFloat(x.gflops, 'f', 3, 64),
				strconv.FormatFloat(r.others, 'f', 3, 64)})
		}
	}
	w.Flush()
}
