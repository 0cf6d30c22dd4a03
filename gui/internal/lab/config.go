package lab

import (
	"bytes"
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zerokara/net/experiment"
)

// configIO is a screen's "Save config…" and "Load config…" buttons: the
// settings as the experiment's config file ({"experiment": NAME,
// "config": {…}}, what the headless runner's -config reads; a result JSON
// loads too). Loading checks the file as -config does.
type configIO struct {
	Save, Load *widget.Button
	desc       *experiment.Description
	get        func() (experiment.Config, error) // the current settings
	set        func([]byte) error                // fill the fields from a config file
	window     func() fyne.Window
	status     *widget.Label
	loc        *loc
}

func newConfigIO(l *loc, d *experiment.Description, window func() fyne.Window, status *widget.Label, get func() (experiment.Config, error), set func([]byte) error) *configIO {
	c := &configIO{desc: d, get: get, set: set, window: window, status: status, loc: l}
	c.Save = widget.NewButton(l.T("config.save"), c.askSave)
	c.Load = widget.NewButton(l.T("config.load"), c.askLoad)
	return c
}

// askSave reads the fields here, on the UI goroutine, and writes the file
// on a worker.
func (c *configIO) askSave() {
	w := c.window()
	if w == nil {
		return
	}
	dialog.ShowFileSave(func(f fyne.URIWriteCloser, err error) {
		if err != nil || f == nil {
			return
		}
		var buf bytes.Buffer
		if err := c.write(&buf); err != nil {
			f.Close()
			dialog.ShowError(err, w)
			return
		}
		go func() {
			_, err := f.Write(buf.Bytes())
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				fyne.Do(func() { dialog.ShowError(errors.New(c.loc.T("config.saveerr", err)), w) })
			}
		}()
	}, w)
}

// askLoad reads the file on a worker and fills the fields on the UI
// goroutine.
func (c *configIO) askLoad() {
	w := c.window()
	if w == nil {
		return
	}
	dialog.ShowFileOpen(func(f fyne.URIReadCloser, err error) {
		if err != nil || f == nil {
			return
		}
		go func() {
			b, err := io.ReadAll(io.LimitReader(f, experiment.MaxConfigBytes+1))
			f.Close()
			fyne.Do(func() {
				if err == nil {
					err = c.read(bytes.NewReader(b))
				}
				if err != nil {
					dialog.ShowError(err, w)
				}
			})
		}()
	}, w)
}

// write encodes the current settings; invalid fields are an error.
func (c *configIO) write(w io.Writer) error {
	cfg, err := c.get()
	if err != nil {
		return err
	}
	b, err := c.desc.EncodeConfig(cfg)
	if err == nil {
		_, err = w.Write(b)
	}
	if err != nil {
		return errors.New(c.loc.T("config.saveerr", err))
	}
	c.status.SetText(c.loc.T("config.saved"))
	return nil
}

// read fills the fields from a saved config.
func (c *configIO) read(r io.Reader) error {
	b, err := io.ReadAll(io.LimitReader(r, experiment.MaxConfigBytes+1))
	if err != nil {
		return errors.New(c.loc.T("config.loaderr", err))
	}
	if err := c.set(b); err != nil {
		return errors.New(c.loc.T("config.loaderr", err))
	}
	c.status.SetText(c.loc.T("config.loaded"))
	return nil
}
