package results

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
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

// nanResult encodes to JSON unless Value is NaN.
type nanResult struct {
	Gen   int     `json:"gen"`
	Value float64 `json:"value"`
}

func (r nanResult) WriteCSV(w io.Writer) error {
	_, err := fmt.Fprintf(w, "gen,%d\n", r.Gen)
	return err
}

// WriteSet writes the manifest into the JSON; a result JSON cannot hold
// fails before anything is touched: no folder made, the old set whole.
func TestWriteSetJSON(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old      bool // a set of gen 1 is there before
		res      nanResult
		manifest *Manifest
		wantErr  string
		wantGen  int // gen read back from NAME.json and NAME.csv; 0: no folder
	}{
		{"manifest", false, nanResult{2, 0.5}, NewManifest(9, 0), "", 2},
		{"no manifest", true, nanResult{2, 0.5}, nil, "", 2},
		{"NaN, new folder", false, nanResult{2, math.NaN()}, NewManifest(9, 0), "unsupported value: NaN", 0},
		{"NaN, old set", true, nanResult{2, math.NaN()}, nil, "unsupported value: NaN", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if tc.old {
				if _, err := WriteSet(context.Background(), dir, Set{Name: "x", Result: nanResult{1, 1}}); err != nil {
					t.Fatal(err)
				}
			}
			files, err := WriteSet(context.Background(), dir, Set{Name: "x", Result: tc.res, Manifest: tc.manifest})
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
			} else if err != nil || len(files) != 2 {
				t.Fatalf("%v, %v", files, err)
			}
			if tc.wantGen == 0 {
				if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
					t.Errorf("folder made: %v", err)
				}
				return
			}
			b, err := os.ReadFile(filepath.Join(dir, "x.json"))
			if err != nil {
				t.Fatal(err)
			}
			var got struct {
				Manifest *Manifest `json:"manifest"`
				Gen      int       `json:"gen"`
			}
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatal(err)
			}
			if wantM := tc.manifest; tc.wantErr == "" && !reflect.DeepEqual(got.Manifest, wantM) {
				t.Errorf("manifest %+v, want %+v", got.Manifest, wantM)
			}
			csv, err := os.ReadFile(filepath.Join(dir, "x.csv"))
			if got.Gen != tc.wantGen || err != nil || string(csv) != fmt.Sprintf("gen,%d\n", tc.wantGen) {
				t.Errorf("json gen %d, csv %q (%v), want gen %d", got.Gen, csv, err, tc.wantGen)
			}
		})
	}
}
