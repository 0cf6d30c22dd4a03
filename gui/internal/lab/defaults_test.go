package lab

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"zerokara/gui/internal/headless"
	"zerokara/net/experiment"
)

// The book's setup lives in the experiment package's constructors: a
// screen's reset shows exactly it, and the headless help quotes the same
// numbers.
func TestResetAndHelpAgreeWithBookConfigs(t *testing.T) {
	l := newTestLab(t)
	bn, ic := l.BatchNorm, l.InitCompare
	bn.Points.Entry.SetText("3")
	bn.LR.Entry.SetText("0")
	ic.Iterations.Entry.SetText("7")
	ic.Inits.Entry.SetText("zero")
	test.Tap(bn.Reset)
	test.Tap(ic.Reset)

	gotBN, err := bn.config()
	if err != nil {
		t.Fatal(err)
	}
	if want := experiment.BookBatchNormConfig(); !reflect.DeepEqual(gotBN, want) {
		t.Errorf("Batch Normalization reset gives\n%+v\nwant the book's\n%+v", gotBN, want)
	}
	gotIC, err := ic.config()
	if err != nil {
		t.Fatal(err)
	}
	if want := experiment.BookInitCompareConfig(); !reflect.DeepEqual(gotIC, want) {
		t.Errorf("init comparison reset gives\n%+v\nwant the book's\n%+v", gotIC, want)
	}
	act := experiment.BookActivationsConfig()
	if a := l.Activations; a.Layers.Entry.Text != strconv.Itoa(act.Layers) || a.Width.Entry.Text != strconv.Itoa(act.Width) {
		t.Errorf("activations shows %s layers × %s, want the book's %d × %d", a.Layers.Entry.Text, a.Width.Entry.Text, act.Layers, act.Width)
	}

	var help bytes.Buffer
	if code := headless.Main(context.Background(), []string{"-h"}, io.Discard, &help); code != 0 {
		t.Fatalf("-h: exit %d", code)
	}
	for _, tc := range []struct{ flag, want string }{
		{"iterations", fmt.Sprintf("(book: %s)", ic.Iterations.Entry.Text)},
		{"batch", fmt.Sprintf("(book: %s, %d)", ic.Batch.Entry.Text, gotBN.Batch)},
		{"points", fmt.Sprintf("(book: %s)", bn.Points.Entry.Text)},
		{"samples", fmt.Sprintf("(book: %d); batchnorm: training images used (book: %d)", act.Samples, gotBN.Samples)},
		{"lr", fmt.Sprintf("(book: %s, %s)", ic.LR.Entry.Text, bn.LR.Entry.Text)},
		{"inits", "initcompare " + ic.Inits.Entry.Text + ";"},
		{"sigmas", fmt.Sprintf("(book: %d from 1 to 0.0001)", len(gotBN.Sigmas))},
		{"every", fmt.Sprintf("(book: %d,", gotBN.Every)},
	} {
		line := flagHelp(help.String(), tc.flag)
		if !strings.Contains(line, tc.want) {
			t.Errorf("-%s help %q does not say %q", tc.flag, line, tc.want)
		}
	}
}

// flagHelp returns the help text of one flag (its line and the next).
func flagHelp(help, flag string) string {
	lines := strings.Split(help, "\n")
	for i, l := range lines {
		if strings.HasPrefix(strings.TrimSpace(l), "-"+flag+" ") || strings.TrimSpace(l) == "-"+flag {
			if i+1 < len(lines) {
				return l + " " + strings.TrimSpace(lines[i+1])
			}
			return l
		}
	}
	return ""
}
