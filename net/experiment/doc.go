// Package experiment runs the experiments of "Deep Learning from Scratch"
// chapter 6 (§6.1–6.5) as plain functions, each described once for every
// consumer.
//
// # The contract: one description per experiment
//
// Each engine file registers a Description (Experiments, Lookup): the
// experiment's name, its book section, its settings (Field: JSON key,
// kind, unit, range, list length, help) and its joint constraints, a
// memory estimate, the MNIST data it reads, its run function and its
// result. Everything else derives from it:
//
//   - Validate and Description.Check are the only place ranges live;
//     sizes are multiplied without overflow, lists have length caps, and a
//     run estimated above DefaultMemoryBudget (4 GiB, the same on every
//     machine) is refused with the estimate;
//   - the headless runner's flags (one per setting, -run NAME -h lists
//     them with the book's values and ranges; a flag of another
//     experiment is an error);
//   - the window's settings form and its checks (Description.Set and
//     Text);
//   - config files (EncodeConfig, DecodeConfig: {"experiment": NAME,
//     "config": {…}}, the file's settings over the book's setup; another
//     experiment's file, an unknown setting, a value out of range are
//     refused); a result JSON is a config file too;
//   - the figure registry, keyed by Name.
//
// Adding an experiment takes one engine file (config, Book…Config,
// engine, spec registered from init), one figure file and bundle keys.
//
// # Runs
//
//   - Activations: activation histograms of a 5-layer network for several
//     activations and initializers (§6.2.2–6.2.3);
//   - InitCompare: loss curves of a 784-100-100-100-100-10 ReLU network on
//     MNIST for std=0.01, Xavier and He (§6.2.4);
//   - BatchNorm: accuracy curves with and without Batch Normalization across
//     16 initial weight scales (§6.3);
//   - Symmetry: whether equal initial weights keep a layer's neurons alike;
//   - Overfit: overfitting and its regularisers (§6.4);
//   - Sweep: BN against plain over initial scale × learning rate;
//   - Optimizers: SGD, Momentum, AdaGrad and Adam, their paths on
//     x²/20 + y² and their loss curves on MNIST (§6.1);
//   - Hyperparams: the random search of learning rate × weight decay
//     (§6.5).
//
// Each function takes a context (cancellation is checked every training
// step, and no further network starts once a run is canceled), a
// configuration, and an optional progress callback. The callback receives
// a typed event for every step or recorded point as it is computed, with
// the work done so far; it is never called concurrently. A consumer that
// draws live keeps the partial result from NewInitCompareResult (and its
// siblings, or Description.NewPartial) and calls its Apply with each event:
// the run builds its own result the same way, so the two agree point for
// point. Snapshot copies a partial result for drawing while the run goes
// on.
//
// Every network draws its weights from a generator seeded with the run's
// seed and the network's own name (an initializer, a variant) or grid
// values (σ, learning rate), never its position in a list: a network's
// result does not depend on its neighbours. A network is diverged when its
// loss or weights stop being finite: its points are NaN from then on (null
// in JSON) and the run goes on. Any other error ends the run, wrapped with
// the network and the step. Independent trainings run in parallel, at most
// MaxWorkers at once, one per worker with serial matrix products; results
// are deterministic for a given seed and element type whatever the number
// of workers. Results are plain data that marshal to JSON, and have CSV
// writers.
package experiment
