//go:build !linux

package kernelbench

import "time"

// threadCPU returns the CPU time the calling OS thread has used so far,
// and whether the system told it: not here (a core's share is then
// unknown).
func threadCPU() (time.Duration, bool) { return 0, false }
