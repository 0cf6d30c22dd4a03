package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
)

// run is one harness run's -csv file, labelled by its build.
type run struct {
	label string
	// rates[key][contender] holds the per-round GFLOP/s, indexed by round.
	rates map[rowKey]map[string][]float64
	order []rowKey // keys in file order
}

// rowKey names one rotation: element type, shape label and threads.
type rowKey struct {
	elem, shape string
	threads     int
}

// readRun reads a -csv file written by this harness; keep, if not empty,
// lists the contenders to take from it (the others are left out).
func readRun(label, path string, keep []string) (*run, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(csvHeader, ",") {
		return nil, fmt.Errorf("%s: not a -csv file of this harness (header %v)", path, rows[0])
	}
	r := &run{label: label, rates: map[rowKey]map[string][]float64{}}
	for _, row := range rows[1:] {
		threads, err1 := strconv.Atoi(row[5])
		round, err2 := strconv.Atoi(row[6])
		rate, err3 := strconv.ParseFloat(row[10], 64)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("%s: bad line %v", path, row)
		}
		if len(keep) > 0 && !slices.Contains(keep, row[7]) {
			continue
		}
		key := rowKey{row[0], row[1], threads}
		byName, ok := r.rates[key]
		if !ok {
			byName = map[string][]float64{}
			r.rates[key] = byName
			r.order = append(r.order, key)
		}
		for len(byName[row[7]]) <= round {
			byName[row[7]] = append(byName[row[7]], math.NaN())
		}
		byName[row[7]][round] = rate
	}
	return r, nil
}

// has reports whether the contender took part in any rotation of r.
func (r *run) has(name string) bool {
	for _, byName := range r.rates {
		if len(byName[name]) > 0 {
			return true
		}
	}
	return false
}

// median is the median of one contender's rates in one rotation of r (NaN
// if absent).
func (r *run) median(key rowKey, name string) float64 {
	return summarize(r.rates[key][name]).median
}

// ratio is the median over rounds of num's rate divided by den's, both from
// the same round of one rotation of r.
func (r *run) ratio(key rowKey, num, den string) spread {
	a, b := r.rates[key][num], r.rates[key][den]
	var xs []float64
	for i := range min(len(a), len(b)) {
		if b[i] > 0 {
			xs = append(xs, a[i]/b[i])
		}
	}
	return summarize(xs)
}

// mergeRuns prints, per element type, one Markdown table with every
// contender of every run per shape: zerokara and gomlx of each build,
// OpenBLAS and the ratios from the first run (whose rotations they share).
// Each cell holds the single-thread and the n-thread figure.
func mergeRuns(w io.Writer, runs []*run) {
	first := runs[0]
	for _, elem := range []string{"float32", "float64"} {
		var shapes []string
		threads := 0
		for _, key := range first.order {
			if key.elem != elem {
				continue
			}
			if key.threads == 1 {
				shapes = append(shapes, key.shape)
			} else {
				threads = key.threads
			}
		}
		if len(shapes) == 0 {
			continue
		}
		fmt.Fprintf(w, "### %s: GFLOP/s 1 thread / %d threads (medians over rounds)\n\n", elem, threads)
		cols := []string{"shape m×n×k"}
		for _, r := range runs {
			if r.has("zerokara") {
				cols = append(cols, "zerokara "+r.label)
			}
		}
		cols = append(cols, "OpenBLAS")
		for _, r := range runs {
			if r.has("gomlx") {
				cols = append(cols, "gomlx "+r.label)
			}
		}
		cols = append(cols, "zk÷OB ("+first.label+")", "zk÷gomlx ("+first.label+")")
		peak := first.has("peak")
		if peak {
			cols = append(cols, "zk 1t÷peak ("+first.label+")")
		}
		fmt.Fprintf(w, "| %s |\n|---|%s\n", strings.Join(cols, " | "), strings.Repeat("---:|", len(cols)-1))
		for _, shape := range shapes {
			one, many := rowKey{elem, shape, 1}, rowKey{elem, shape, threads}
			pair := func(r *run, name string) string {
				return rateCell(spread{median: r.median(one, name)}) + " / " + rateCell(spread{median: r.median(many, name)})
			}
			ratio := func(den string) string {
				return ratioCell(first.ratio(one, "zerokara", den)) + " / " + ratioCell(first.ratio(many, "zerokara", den))
			}
			cells := []string{shape}
			for _, r := range runs {
				if r.has("zerokara") {
					cells = append(cells, pair(r, "zerokara"))
				}
			}
			cells = append(cells, pair(first, "OpenBLAS"))
			for _, r := range runs {
				if r.has("gomlx") {
					cells = append(cells, pair(r, "gomlx"))
				}
			}
			cells = append(cells, ratio("OpenBLAS"), ratio("gomlx"))
			if peak {
				cells = append(cells, ratioCell(first.ratio(one, "zerokara", "peak")))
			}
			fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
		}
		fmt.Fprintln(w)
	}
}
