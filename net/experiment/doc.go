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
// Each Run function takes a context (cancellation is checked every training
// step), a configuration whose zero fields take the book's defaults, and an
// optional progress callback that receives every recorded point as it is
// computed, so a GUI can draw live. The callback is never called
// concurrently. Independent trainings run in parallel, one per worker with
// serial matrix products; results are deterministic for a given seed and
// element type whatever the number of workers. Results are plain data that
// marshal to JSON, and have CSV writers.
package experiment
