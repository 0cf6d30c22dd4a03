//go:build race

package kernel

// raceEnabled reports a -race build, in which sync.Pool drops items at
// random, so allocation counts are not meaningful.
const raceEnabled = true
