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
	top, toggles := sections(section{l.T("tab.guide"), guideText(l, guide)}, section{l.T("tab.settings"), settings})
	l.guides = append(l.guides, toggles[0])
	return container.NewBorder(container.NewVBox(l.wrapped(help), top, controls), nil, nil, nil, figure)
}

// guideText is a tab's guide: wrapped text.
func guideText(l *loc, text string) fyne.CanvasObject { return l.wrapped(widget.NewLabel(text)) }

// section is one collapsible part of a tab.
type section struct {
	title   string
	content fyne.CanvasObject
}

// sections shows one button per section in a row, each opening and
// closing its content below the row; it returns the row and contents and
// the buttons. (fyne's Accordion kept the window repainting every frame
// while idle under Xvfb: a core of CPU taken from the experiments.)
func sections(ss ...section) (fyne.CanvasObject, []*widget.Button) {
	var toggles, contents []fyne.CanvasObject
	var buttons []*widget.Button
	for _, s := range ss {
		content := s.content
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
	return container.NewVBox(append([]fyne.CanvasObject{container.NewHBox(toggles...)}, contents...)...), buttons
}
