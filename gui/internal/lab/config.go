package lab

import (
	"encoding/json"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// configIO is a screen's "Save config…" and "Load config…" buttons: the
// settings as the experiment's JSON config (the same shape the headless
// runner writes under "config").
type configIO struct {
	Save, Load *widget.Button
	get        func() (any, error) // the current settings
	set        func([]byte) error  // fill the fields from JSON
	window     func() fyne.Window
	status     *widget.Label
}

func newConfigIO(window func() fyne.Window, status *widget.Label, get func() (any, error), set func([]byte) error) *configIO {
	c := &configIO{get: get, set: set, window: window, status: status}
	c.Save = widget.NewButton("Save config…", c.askSave)
	c.Load = widget.NewButton("Load config…", c.askLoad)
	return c
}

func (c *configIO) askSave() {
	w := c.window()
	if w == nil {
		return
	}
	dialog.ShowFileSave(func(f fyne.URIWriteCloser, err error) {
		if err != nil || f == nil {
			return
		}
		defer f.Close()
		if err := c.write(f); err != nil {
			dialog.ShowError(err, w)
		}
	}, w)
}

func (c *configIO) askLoad() {
	w := c.window()
	if w == nil {
		return
	}
	dialog.ShowFileOpen(func(f fyne.URIReadCloser, err error) {
		if err != nil || f == nil {
			return
		}
		defer f.Close()
		if err := c.read(f); err != nil {
			dialog.ShowError(err, w)
		}
	}, w)
}

// write encodes the current settings; invalid fields are an error.
func (c *configIO) write(w io.Writer) error {
	cfg, err := c.get()
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	if err := enc.Encode(cfg); err != nil {
		return fmt.Errorf("saving config: %w", err)
	}
	c.status.SetText("config saved")
	return nil
}

// read fills the fields from a saved config.
func (c *configIO) read(r io.Reader) error {
	b, err := io.ReadAll(io.LimitReader(r, 1<<20))
	if err != nil {
		return fmt.Errorf("loading config: %w", err)
	}
	if err := c.set(b); err != nil {
		return fmt.Errorf("loading config: %w", err)
	}
	c.status.SetText("config loaded")
	return nil
}
