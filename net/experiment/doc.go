// Package experiment runs the weight-initialization and Batch Normalization
// experiments of "Deep Learning from Scratch" §6.2–6.3 as plain functions:
//
//   - Activations: activation histograms of a 5-layer network for several
//     activations and initializers (SPEC-ch6 §5.1);
//   - InitCompare: loss curves of a 784-100-100-100-100-10 ReLU network on
//     MNIST for std=0.01, Xavier and He (§5.2);
//   - BatchNorm: accuracy curves with and without Batch Normalization across
//     16 initial weight scales (§5.3).
//
// Each function takes a context (cancellation is checked every training
// step), a configuration, and an optional progress callback. A config's
// fields mean what they hold; BookActivationsConfig, BookInitCompareConfig
// and BookBatchNormConfig return the book's setups, the one home of its
// numbers. The callback receives a typed event (ActivationsEvent,
// InitCompareEvent, BatchNormEvent) for every step or recorded point as it
// is computed, with the work done so far; it is never called concurrently.
// A consumer that draws live keeps the partial result from
// NewInitCompareResult (and its siblings) and calls its Apply with each
// event: the run builds its own result the same way, so the two agree
// point for point. Snapshot copies a partial result for drawing while the
// run goes on.
//
// A network is diverged when its loss or weights stop being finite: its
// points are NaN from then on (null in JSON) and the run goes on. Any other
// error ends the run, wrapped with the network and the step. Independent trainings run in parallel, one per worker with
// serial matrix products; results are deterministic for a given seed and
// element type whatever the number of workers. Results are plain data that
// marshal to JSON, and have CSV writers.
package experiment
