package lab

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"zerokara/gui/internal/datasource"
)

// offerDownload tells the user that MNIST was not found (why) and offers
// to fetch the four files from the public mirrors into the cache
// directory, with a progress bar and SHA-256 verification; the source
// serves them afterwards (and updates the status line).
func offerDownload(l *loc, w fyne.Window, why error, src *datasource.Source) {
	if w == nil {
		return
	}
	dir, err := datasource.CacheDir()
	if err != nil {
		dialog.ShowError(errors.New(l.T("dl.nocache", why, err)), w)
		return
	}
	dialog.ShowConfirm(l.T("dl.missing"), l.T("dl.ask", why, dir), func(ok bool) {
		if !ok {
			return
		}
		bar := widget.NewProgressBar()
		label := widget.NewLabel(l.T("dl.connecting"))
		ctx, cancel := context.WithCancel(context.Background())
		d := dialog.NewCustom(l.T("dl.title"), l.T("dl.cancel"), container.NewVBox(label, bar), w)
		d.SetOnClosed(cancel)
		d.Show()
		go func() {
			err := src.Download(ctx, func(n, total int64) {
				fyne.Do(func() {
					bar.SetValue(float64(n) / float64(total))
					label.SetText(l.T("dl.progress", float64(n)/1e6, float64(total)/1e6))
				})
			})
			fyne.Do(func() {
				d.Hide()
				if err != nil {
					dialog.ShowError(errorIn(l, "dl.failed", err), w)
				} else {
					dialog.ShowInformation(l.T("dl.ready"), l.T("dl.done", dir), w)
				}
			})
		}()
	}, w)
}
