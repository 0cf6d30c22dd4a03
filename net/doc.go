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
// Randomness is explicit: every constructor that draws takes a seeded
// *rand.Rand (math/rand/v2); there is no global generator. A layer's
// Forward and Backward return matrices the layer owns and overwrites on its
// next call, so a training step allocates nothing.
package net
