package lab

import (
	"context"
	"fmt"

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
func offerDownload(w fyne.Window, why error, src *datasource.Source) {
	if w == nil {
		return
	}
	dir, err := datasource.CacheDir()
	if err != nil {
		dialog.ShowError(fmt.Errorf("%v; and no cache directory for a download: %w", why, err), w)
		return
	}
	msg := fmt.Sprintf("%v\n\nDownload the four MNIST files (about 11 MB) from the public mirrors into\n%s?\nEach file is checked against its SHA-256; nothing unverified is kept.", why, dir)
	dialog.ShowConfirm("MNIST not found", msg, func(ok bool) {
		if !ok {
			return
		}
		bar := widget.NewProgressBar()
		label := widget.NewLabel("connecting…")
		ctx, cancel := context.WithCancel(context.Background())
		d := dialog.NewCustom("Downloading MNIST", "Cancel", container.NewVBox(label, bar), w)
		d.SetOnClosed(cancel)
		d.Show()
		go func() {
			err := src.Download(ctx, func(n, total int64) {
				fyne.Do(func() {
					bar.SetValue(float64(n) / float64(total))
					label.SetText(fmt.Sprintf("%.1f of %.1f MB", float64(n)/1e6, float64(total)/1e6))
				})
			})
			fyne.Do(func() {
				d.Hide()
				if err != nil {
					dialog.ShowError(fmt.Errorf("download failed, nothing unverified was kept: %w", err), w)
				} else {
					dialog.ShowInformation("MNIST ready", "The files are verified and in "+dir, w)
				}
			})
		}()
	}, w)
}
