package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// uiPackages are the packages whose strings reach the window or the
// figures.
var uiPackages = []string{"../lab", "../report"}

// sinks are the calls whose string arguments a user reads: widget
// constructors, setters, dialogs, and the formatting and error calls
// whose results are shown.
var sinks = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true, "NewCheck": true,
	"NewFormItem": true, "NewTabItem": true, "NewTabItemWithIcon": true, "NewHyperlink": true,
	"NewRichTextFromMarkdown": true, "NewRichTextWithText": true, "NewMenuItem": true, "NewSelect": true,
	"SetText": true, "SetTitle": true, "SetPlaceHolder": true, "NewWindow": true,
	"ShowInformation": true, "ShowConfirm": true, "NewCustom": true, "NewConfirm": true, "NewInformation": true,
	"Errorf": true, "New": true, "Sprintf": true, "Sprint": true,
}

// textFields are the fields of widgets and figure descriptions that are
// shown as text.
var textFields = map[string]bool{"Text": true, "Title": true, "XLabel": true, "YLabel": true, "Name": true,
	"FooterText": true, "PlaceHolder": true, "Label": true}

// keyCalls take a key, not text.
var keyCalls = map[string]bool{"T": true, "errorIn": true, "Has": true}

// untranslated returns the string literals with letters that src passes
// to a sink or a text field without a localizer, as "line: literal". A
// line commented "i18n:ignore" (command-line messages, internal errors)
// is left alone.
func untranslated(t *testing.T, fset *token.FileSet, f *ast.File) []string {
	t.Helper()
	ignored := map[int]bool{}
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			if strings.Contains(c.Text, "i18n:ignore") {
				ignored[fset.Position(c.Pos()).Line] = true
			}
		}
	}
	var out []string
	// flag reports the literals with letters in e, skipping keys.
	flag := func(e ast.Node) {
		ast.Inspect(e, func(n ast.Node) bool {
			if c, ok := n.(*ast.CallExpr); ok && keyCalls[callName(c)] {
				return false
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			line := fset.Position(lit.Pos()).Line
			if err == nil && strings.IndexFunc(s, unicode.IsLetter) >= 0 && !ignored[line] {
				out = append(out, strconv.Itoa(line)+": "+lit.Value)
			}
			return true
		})
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if sinks[callName(n)] {
				for _, a := range n.Args {
					flag(a)
				}
			}
		case *ast.KeyValueExpr:
			if k, ok := n.Key.(*ast.Ident); ok && textFields[k.Name] {
				flag(n.Value)
			}
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				if sel, ok := lhs.(*ast.SelectorExpr); ok && textFields[sel.Sel.Name] && i < len(n.Rhs) {
					flag(n.Rhs[i])
				}
			}
		}
		return true
	})
	return out
}

// callName is the called function's or method's name.
func callName(c *ast.CallExpr) string {
	switch fn := c.Fun.(type) {
	case *ast.Ident:
		return fn.Name
	case *ast.SelectorExpr:
		return fn.Sel.Name
	case *ast.IndexExpr: // a generic call
		if sel, ok := fn.X.(*ast.SelectorExpr); ok {
			return sel.Sel.Name
		}
	}
	return ""
}

// The checker finds what it should: each case's source and the literals
// it must report.
func TestUntranslatedFindsLiterals(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want int
	}{
		{`b := widget.NewButton("Run", nil)`, 1},
		{`b := widget.NewButton(l.T("run.run"), nil)`, 0},
		{`s.Status.SetText("done in " + x)`, 1},
		{`s.Status.SetText(l.T("run.done", x) + " ·")`, 0},
		{`return fmt.Errorf("a whole number from 1 to %d", max)`, 1},
		{`return errors.New(l.T("check.fix"))`, 0},
		{`p := &plot.Panel{Title: "loss", XLabel: tr.T("fig.iterations")}`, 1},
		{`pl.Title.Text = "batch loss"`, 1},
		{`w := a.NewWindow("zerokara lab") // i18n:ignore (test)`, 0},
		{`x := strings.TrimPrefix(name, "std=")`, 0},
		{`m := plot.Mark{Text: "×"}`, 0},
	} {
		src := "package p\nfunc f() {\n" + tc.src + "\n}\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "x.go", src, parser.ParseComments)
		if err != nil {
			t.Fatalf("%s: %v", tc.src, err)
		}
		if got := untranslated(t, fset, f); len(got) != tc.want {
			t.Errorf("%s: reported %v, want %d", tc.src, got, tc.want)
		}
	}
}

// uiFiles parses the UI packages' non-test files.
func uiFiles(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	files := map[string]*ast.File{}
	for _, dir := range uiPackages {
		paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(paths) == 0 {
			t.Fatalf("%s: %v (%d files)", dir, err, len(paths))
		}
		for _, p := range paths {
			if strings.HasSuffix(p, "_test.go") {
				continue
			}
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			f, err := parser.ParseFile(fset, p, src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			files[p] = f
		}
	}
	return fset, files
}

// No user-visible string literal of the UI packages bypasses the
// localizer.
func TestNoUntranslatedUIStrings(t *testing.T) {
	fset, files := uiFiles(t)
	for p, f := range files {
		for _, hit := range untranslated(t, fset, f) {
			t.Errorf("%s:%s is shown without translation", p, hit)
		}
	}
}

// keyLike is what a key looks like: dotted lower-case words.
var keyLike = regexp.MustCompile(`^[a-z]+(\.[a-z0-9]+)+$`)

// Every key the UI packages name is in the bundles; so is every key a
// dynamic prefix ("fig.kernel." + dtype) can make.
func TestEveryKeyUsedExists(t *testing.T) {
	prefixes := map[string]bool{}
	for _, k := range For(English).Keys() {
		prefixes[k[:strings.IndexByte(k, '.')]] = true
	}
	_, files := uiFiles(t)
	used := 0
	for p, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			if !keyLike.MatchString(s) || !prefixes[s[:strings.IndexByte(s, '.')]] {
				return true
			}
			used++
			if !For(English).Has(s) {
				t.Errorf("%s: key %q is not in the bundles", p, s)
			}
			return true
		})
	}
	for _, dt := range []string{"float32", "float64"} {
		if !For(English).Has("fig.kernel." + dt) {
			t.Errorf("no key fig.kernel.%s", dt)
		}
	}
	if used < 100 {
		t.Errorf("only %d keys found in the UI packages: is the scan looking at them?", used)
	}
}
