package results

import (
	"io"
	"slices"
	"testing"

	"fyne.io/fyne/v2"

	"zerokara/gui/internal/i18n"
	"zerokara/gui/internal/plot"
)

type fakeResult struct{}

func (fakeResult) WriteCSV(w io.Writer) error { _, err := io.WriteString(w, "a,b\n"); return err }

// Figures are drawn in the asked language, except PDF: English.
func TestWriteDrawsPDFInEnglish(t *testing.T) {
	for _, tc := range []struct {
		lang    i18n.Lang
		formats []plot.Format
		want    []i18n.Lang
	}{
		{i18n.Japanese, []plot.Format{plot.SVG, plot.PDF}, []i18n.Lang{i18n.Japanese, i18n.English}},
		{i18n.English, []plot.Format{plot.PDF}, []i18n.Lang{i18n.English}},
	} {
		var got []i18n.Lang
		fig := func(tr *i18n.Localizer) *plot.Figure {
			got = append(got, tr.Lang())
			return &plot.Figure{Title: tr.T("fig.loss"), Cols: 1, PanelSize: fyne.NewSize(100, 80), Panels: []*plot.Panel{{}}}
		}
		files, err := Write(t.TempDir(), "x", fakeResult{}, fig, i18n.For(tc.lang), tc.formats, 72)
		if err != nil || len(files) != 2+len(tc.formats) {
			t.Fatalf("%v: %v, %v", tc.formats, files, err)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s %v: figures drawn in %v, want %v", tc.lang, tc.formats, got, tc.want)
		}
	}
}
