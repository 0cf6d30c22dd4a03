// Package net is a small neural-network library on zerokara's GEMM kernel:
// the building blocks of "Deep Learning from Scratch" (ゼロから作るDeep
// Learning) — Affine, ReLU, Sigmoid, Tanh, Batch Normalization, Dropout,
// softmax with cross-entropy — weight initializers, the book's optimizers,
// and a fully connected Network with training steps.
//
// Every type is generic over the element type: float32 is fast, float64
// reproduces the book's arithmetic (NumPy computes these experiments in
// float64) and carries the gradient checks. Defaults follow the book's
// companion code exactly (see SPEC-ch6 §2–§4): e.g. BatchNorm starts its
// running statistics at zero with momentum 0.9 and eps 1e-6, "Xavier" is
// √(1/fan_in), and the loss adds 1e-7 inside the log.
//
// # Checked input
//
// Nothing computes on a mis-shaped batch. Network methods (Predict, Loss,
// Accuracy, Gradient, Step) return an error — "net: Predict: shape
// mismatch: batch has 783 columns, expected 784" — that wraps ErrShape for
// a batch of the wrong width, with no rows, or a hand-built Matrix whose
// Data does not hold Rows×Cols values, and ErrLabels for a label count
// other than the row count or a label outside [0, OutputSize). They check
// before touching anything, so a refused batch leaves the network as it
// was. Layer methods, which sit inside a training loop, panic instead, as
// gonum/mat does with ErrShape: the panic value is an error "net:
// Layer.Method: …" wrapping ErrShape, ErrLabels, or ErrNoForward for a
// Backward without the training Forward it differentiates. Constructors
// taking a Config return errors; those taking plain sizes panic.
//
// # Aliasing
//
// A layer keeps its Forward input x (not a copy) until its Backward, and
// SoftmaxWithLoss keeps its labels: do not change them in between. The
// matrices a layer returns belong to it and are overwritten by its next
// call.
//
// # Configuration values
//
// Activation, Init and OptimizerName are typed values with a text form
// (encoding.TextMarshaler and TextUnmarshaler): "relu", "He", "std=0.01",
// "adam". Configs hold these values and mean exactly what they hold — a
// zero Init is the all-zero initializer, a learning rate of 0 keeps the
// weights still; nothing stands for "the default". The book's settings come
// from constructors such as BookBatchNormOptions and OptimizerName.BookLR
// (and, for whole experiments, from package experiment).
//
// Randomness is explicit: every constructor that draws takes a seeded
// *rand.Rand (math/rand/v2); there is no global generator. A layer's
// Forward and Backward return matrices the layer owns and overwrites on its
// next call, so a training step allocates nothing.
package net
