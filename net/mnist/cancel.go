package mnist

import (
	"context"
	"io"
)

// cancelChunk is the most a canceling reader passes to the reader below
// in one call, so that a large read is checked against its context at
// least once per cancelChunk bytes.
const cancelChunk = 1 << 20

// canceling reads from r until ctx is done, then fails every read with
// ctx's error. Decompressing reads the file in small pieces through it,
// so a load ends soon after its context is canceled.
type canceling struct {
	ctx context.Context
	r   io.Reader
}

// Read checks ctx, then reads at most cancelChunk bytes from r.
func (c canceling) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	if len(p) > cancelChunk {
		p = p[:cancelChunk]
	}
	return c.r.Read(p)
}
