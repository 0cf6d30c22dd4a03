// Package plot describes zerokara's figures — a title over a grid of
// panels with line series, histograms and markers — and draws that one
// description with gonum.org/v1/plot: to PNG, SVG and PDF files, and, at
// the size of its widget, as the lab's live View. Tickers, legends and
// axis layout are gonum/plot's.
package plot
