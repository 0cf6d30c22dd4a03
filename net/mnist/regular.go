package mnist

import (
	"fmt"
	"io/fs"
	"os"
)

// openRegular opens path for reading if it is a regular file, or a
// symbolic link to one. Anything else is refused with ErrNotRegular
// before it is opened: open(2) on a FIFO blocks until a writer comes, a
// device may never end, and a directory holds no data.
func openRegular(path string) (*os.File, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w: it is a %s", path, ErrNotRegular, kindOf(info.Mode()))
	}
	return os.Open(path)
}

// kindOf names the kind of file a mode that is not regular describes.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "directory"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "block device"
	case m&fs.ModeSocket != 0:
		return "socket"
	}
	return "special file"
}
