package lab

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screenLayout is every experiment tab: a line of help, the guide and the
// settings in collapsible sections (closed, so the figure gets the room),
// the run controls, and the figure filling the rest of the window.
func screenLayout(l *loc, help *widget.Label, guide string, settings, controls, figure fyne.CanvasObject) fyne.CanvasObject {
	return tab(l, l.wrapped(help), []section{{l.T("tab.guide"), guideText(l, guide)}, {l.T("tab.settings"), settings}}, controls, figure)
}

// tab lays a tab out top to bottom (see tabLayout): head, the sections'
// buttons and their contents, controls, and figure. The first section is
// the guide (OpenGuides opens it).
func tab(l *loc, head fyne.CanvasObject, ss []section, controls, figure fyne.CanvasObject) fyne.CanvasObject {
	row, contents, toggles := sections(ss...)
	l.guides = append(l.guides, toggles[0])
	objects := append(append([]fyne.CanvasObject{head, row}, contents...), controls, figure)
	return container.New(&tabLayout{flexible: contents}, objects...)
}

// guideText is a tab's guide: wrapped text.
func guideText(l *loc, text string) fyne.CanvasObject { return l.wrapped(widget.NewLabel(text)) }

// section is one collapsible part of a tab.
type section struct {
	title   string
	content fyne.CanvasObject
}

// sections returns one button per section in a row, each showing and
// hiding its content, and the contents, each in a vertical scroll
// (tabLayout gives an open one at most the room the figure can spare).
// fyne's Accordion kept the window repainting every frame while idle
// under Xvfb: a core of CPU taken from the experiments.
func sections(ss ...section) (row fyne.CanvasObject, contents []fyne.CanvasObject, buttons []*widget.Button) {
	var toggles []fyne.CanvasObject
	for _, s := range ss {
		content := container.NewVScroll(s.content)
		content.Hide()
		var toggle *widget.Button
		toggle = widget.NewButtonWithIcon(s.title, theme.MenuExpandIcon(), func() {
			if content.Visible() {
				content.Hide()
				toggle.SetIcon(theme.MenuExpandIcon())
			} else {
				content.Show()
				toggle.SetIcon(theme.MenuDropDownIcon())
			}
		})
		toggle.Alignment = widget.ButtonAlignLeading
		toggle.Importance = widget.LowImportance
		toggles, contents, buttons = append(toggles, toggle), append(contents, content), append(buttons, toggle)
	}
	return container.NewHBox(toggles...), contents, buttons
}

// Heights tabLayout keeps, in the theme's text lines.
const (
	// figureLines is the least height of the figure.
	figureLines = 7
	// sectionLines is the least height of an open section.
	sectionLines = 3
)

// tabLayout stacks a tab's objects top to bottom with the theme's
// padding, each as tall as its minimum, except: the flexible ones (the
// open sections, in scrolls) get their content's full height only as far
// as the room allows while the figure (the last object) keeps
// figureLines; the figure takes the rest. So an open guide or settings
// scroll rather than push the window past 800×600.
type tabLayout struct {
	flexible []fyne.CanvasObject
}

// Layout places the objects in size.
func (t *tabLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	// Wrapped text is as tall as its width makes it: give every object
	// the width first, then read the heights.
	for _, o := range objects[:len(objects)-1] {
		if o.Visible() && o.Size().Width != size.Width {
			o.Resize(fyne.NewSize(size.Width, o.MinSize().Height))
		}
	}
	fixed, flex, gaps := float32(0), []fyne.CanvasObject{}, float32(0)
	for _, o := range objects[:len(objects)-1] {
		if !o.Visible() {
			continue
		}
		gaps += pad
		if t.isFlexible(o) {
			flex = append(flex, o)
		} else {
			fixed += o.MinSize().Height
		}
	}
	heights := share(size.Height-fixed-gaps-lines(figureLines), flex)
	y := float32(0)
	for _, o := range objects[:len(objects)-1] {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		if t.isFlexible(o) {
			h = heights[o]
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + pad
	}
	figure := objects[len(objects)-1]
	figure.Move(fyne.NewPos(0, y))
	figure.Resize(fyne.NewSize(size.Width, max(0, size.Height-y)))
}

// MinSize is the widest object's width, and the fixed objects' heights
// with sectionLines for each open section and figureLines for the figure.
func (t *tabLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var s fyne.Size
	for _, o := range objects[:len(objects)-1] {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		if t.isFlexible(o) {
			m.Height = min(natural(o), lines(sectionLines))
		}
		s.Height += m.Height + pad
	}
	s.Width = max(s.Width, objects[len(objects)-1].MinSize().Width)
	s.Height += lines(figureLines)
	return s
}

func (t *tabLayout) isFlexible(o fyne.CanvasObject) bool {
	for _, f := range t.flexible {
		if f == o {
			return true
		}
	}
	return false
}

// share divides room among the open sections: each gets its content's
// height if it fits, else an equal part of what the others leave, and at
// least sectionLines (or its content's height, if less).
func share(room float32, flex []fyne.CanvasObject) map[fyne.CanvasObject]float32 {
	out := map[fyne.CanvasObject]float32{}
	left := append([]fyne.CanvasObject(nil), flex...)
	// Those that fit in an equal part take their height; the rest share.
	for changed := true; changed && len(left) > 0; {
		changed = false
		part := room / float32(len(left))
		for i, o := range left {
			if h := natural(o); h <= part {
				out[o], room = h, room-h
				left = append(left[:i], left[i+1:]...)
				changed = true
				break
			}
		}
	}
	for _, o := range left {
		out[o] = max(room/float32(len(left)), min(natural(o), lines(sectionLines)))
	}
	return out
}

// natural is the height an open section's content wants.
func natural(o fyne.CanvasObject) float32 {
	if s, ok := o.(*container.Scroll); ok {
		return s.Content.MinSize().Height
	}
	return o.MinSize().Height
}

// lines is the height of n lines of the theme's text.
func lines(n int) float32 {
	return float32(n) * (theme.TextSize() + theme.LineSpacing() + theme.InnerPadding()/2)
}
