package experiment

import (
	"fmt"
	"math"
)

// Fields that several experiments share, each with one range.

// maxHidden bounds a hidden layer's width and maxLayers the number of
// hidden layers (the book's largest network: 6 × 100).
const (
	maxHidden = 4096
	maxLayers = 16
)

func seedField() Field {
	return Field{Key: "seed", Kind: Uint, Min: 0, Max: math.MaxUint64,
		Help: "random seed; the same seed and dtype give the same results"}
}

func dtypeField() Field {
	return Field{Key: "dtype", Kind: Text, Help: "element type: float32 or float64 (the book's arithmetic)"}
}

func workersField(what string) Field {
	return Field{Key: "workers", Kind: Int, Min: 0, Max: MaxWorkers,
		Help: "parallel " + what + " (0: automatic); results do not depend on it"}
}

func hiddenField() Field {
	return Field{Key: "hidden", Kind: IntList, Unit: "neurons", Min: 1, Max: maxHidden, MinLen: 1, MaxLen: maxLayers,
		Help: "hidden layer widths, comma-separated"}
}

func activationField() Field {
	return Field{Key: "activation", Kind: Text, Help: "hidden activation: relu, sigmoid or tanh"}
}

func optimizerField() Field {
	return Field{Key: "optimizer", Kind: Text, Help: "update rule: sgd, momentum, nesterov, adagrad, rmsprop or adam"}
}

func lrField() Field {
	return Field{Key: "lr", Kind: Float, Min: 0, Max: 1000, Help: "learning rate (0 allowed: nothing moves)"}
}

func batchField() Field {
	return Field{Key: "batch", Kind: Int, Unit: "images", Min: 1, Max: 60000, Help: "mini-batch size"}
}

func samplesField(help string) Field {
	return Field{Key: "samples", Kind: Int, Unit: "images", Min: 1, Max: 60000, Help: help}
}

func initsField(help string) Field {
	return Field{Key: "inits", Kind: TextList, MinLen: 1, MaxLen: 16, Unique: true,
		Help: help + ": std=σ, xavier, glorot, he, zero or const=C, comma-separated"}
}

func sigmasField() Field {
	return Field{Key: "sigmas", Kind: FloatList, Min: 0, Max: 1e6, MinLen: 1, MaxLen: 64, Unique: true,
		Help: "initial weight scales σ (std of the weights), comma-separated"}
}

// bnFields are Batch Normalization's options.
func bnFields() []Field {
	return []Field{
		{Key: "bn.momentum", Kind: Float, Min: 0, Max: 1, OpenMax: true, Help: "BN: momentum of the running statistics"},
		{Key: "bn.eps", Kind: Float, Min: 0, Max: 1, Help: "BN: ε added to the variance"},
		{Key: "bn.running_var_one", Kind: Bool, Help: "BN: start the running variance at 1 instead of the book's 0"},
	}
}

// checkMNIST checks the data attached to a config: present, with at least
// samples training images (−1: any) and, when test, a test set.
func checkMNIST(c Config, samples int, test bool) error {
	d := dataOf(c)
	switch {
	case d == nil:
		return errNeedsData
	case samples > d.Train.N:
		return fmt.Errorf("samples %d: the training set has %d images", samples, d.Train.N)
	case d.Train.N == 0:
		return fmt.Errorf("the training set is empty")
	case test && d.Test.N == 0:
		return fmt.Errorf("needs the MNIST test set")
	}
	return nil
}
