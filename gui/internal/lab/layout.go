package lab

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// screenLayout is every experiment tab: a line of help, the settings in a
// collapsible section (closed, so the figure gets the room), the run
// controls, and the figure filling the rest of the window.
func screenLayout(help *widget.Label, settings, controls, figure fyne.CanvasObject) fyne.CanvasObject {
	help.Wrapping = fyne.TextWrapWord
	acc := widget.NewAccordion(widget.NewAccordionItem("Settings", settings))
	return container.NewBorder(container.NewVBox(help, acc, controls), nil, nil, nil, figure)
}
