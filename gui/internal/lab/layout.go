package lab

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screenLayout is every experiment tab: a line of help, the settings in a
// collapsible section (closed, so the figure gets the room), the run
// controls, and the figure filling the rest of the window.
func screenLayout(help *widget.Label, settings, controls, figure fyne.CanvasObject) fyne.CanvasObject {
	help.Wrapping = fyne.TextWrapWord
	return container.NewBorder(container.NewVBox(help, collapsible("Settings", settings), controls), nil, nil, nil, figure)
}

// collapsible shows content under a button that opens and closes it.
// (fyne's Accordion kept the window repainting every frame while idle
// under Xvfb: a core of CPU taken from the experiments.)
func collapsible(title string, content fyne.CanvasObject) fyne.CanvasObject {
	content.Hide()
	var toggle *widget.Button
	toggle = widget.NewButtonWithIcon(title, theme.MenuExpandIcon(), func() {
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
	return container.NewVBox(container.NewHBox(toggle), content)
}
