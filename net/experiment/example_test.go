package experiment_test

import (
	"context"
	"fmt"

	"zerokara/net"
	"zerokara/net/experiment"
)

// Start from the book's setup, change what you study, and follow the run
// through its events: Apply builds the partial result a live figure draws.
func ExampleActivations() {
	cfg := experiment.BookActivationsConfig()
	cfg.Activations = []net.Activation{net.SigmoidAct}
	cfg.Inits = []net.Init{net.Std(1), net.Xavier()}
	partial, err := experiment.NewActivationsResult(cfg)
	if err != nil {
		panic(err)
	}
	res, err := experiment.Activations(context.Background(), cfg, func(e experiment.ActivationsEvent) {
		partial.Apply(e) // on a GUI: draw partial.Snapshot() now and then
	})
	if err != nil {
		panic(err)
	}
	for i, run := range res.Runs {
		last := run.Layers[cfg.Layers-1]
		fmt.Printf("%s %-6s layer 5 std %.2f (partial agrees: %v)\n", run.Activation, run.Init, last.Std,
			partial.Runs[i].Layers[cfg.Layers-1].Std == last.Std)
	}
	// Output:
	// sigmoid std=1  layer 5 std 0.44 (partial agrees: true)
	// sigmoid Xavier layer 5 std 0.12 (partial agrees: true)
}
