#!/usr/bin/env python3
"""A NumPy peer of the lab's `hyperparams` experiment (the book's §6.5).

Written from the experiment's contract, not from the book's script. The
first 500 training images are shuffled; the first 20 % (100) are validation
data, the other 400 training data. For each of 100 trials, weight decay
lambda = 10**U(-8, -4) and then lr = 10**U(-6, -2) are drawn; a
784-100x6-10 ReLU network with He initial weights and weight decay lambda
(0.5*lambda*sum ||W||^2 on every weight matrix) is trained by plain SGD for
50 epochs of 4 iterations (batches of 100 drawn with replacement). After the
update of every iteration i with i % 4 == 0 the accuracy on the 400 training
and the 100 validation images is recorded. Like the book's Trainer, every
iteration also computes the batch loss after its update, and the trials run
one after another: this is the work a reader of the book waits for.

One generator (numpy's default_rng(seed)) draws everything in the book's
order: the shuffle, then per trial lambda, lr, the weights and the batches.

Prints one JSON object: the best final validation accuracy, how many trials
end above 0.5, the lr range of the best 10 (ranked by final validation
accuracy, ties in draw order), and the seconds the search took. Run from the
repository's root:

    OPENBLAS_NUM_THREADS=1 /usr/bin/python3 net/experiment/_peers/hyperparams.py --seed 1
"""

import argparse
import gzip
import json
import os
import struct
import time

import numpy as np


def read_idx(path):
    """Reads a gzip IDX file (images or labels) into a uint8 array."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = struct.unpack(">I", data[:4])[0] & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


class Net:
    """An MLP with ReLU hidden layers, softmax cross-entropy and weight decay."""

    def __init__(self, sizes, decay, rng, dtype):
        self.decay = decay
        self.w = [(rng.standard_normal((a, b)) * np.sqrt(2.0 / a)).astype(dtype) for a, b in zip(sizes, sizes[1:])]
        self.b = [np.zeros(b, dtype=dtype) for b in sizes[1:]]

    def forward(self, x):
        """Returns the logits and every layer's input."""
        inputs = []
        for i, (w, b) in enumerate(zip(self.w, self.b)):
            inputs.append(x)
            x = x @ w + b
            if i < len(self.w) - 1:
                x = np.maximum(x, 0)
        return x, inputs

    def loss(self, x, t):
        """Mean cross-entropy of the batch plus 0.5*lambda*sum ||W||^2."""
        logits, _ = self.forward(x)
        p = softmax(logits)
        ce = -np.mean(np.log(p[np.arange(len(t)), t] + 1e-7))
        return ce + 0.5 * self.decay * sum(np.sum(w * w) for w in self.w)

    def sgd_step(self, x, t, lr):
        """One SGD update on the batch: W -= lr*(dL/dW + lambda*W)."""
        logits, inputs = self.forward(x)
        dy = softmax(logits)
        dy[np.arange(len(t)), t] -= 1
        dy /= len(t)
        for i in reversed(range(len(self.w))):
            dw = inputs[i].T @ dy + self.decay * self.w[i]
            db = dy.sum(axis=0)
            if i > 0:
                dy = (dy @ self.w[i].T) * (inputs[i] > 0)
            self.w[i] -= lr * dw
            self.b[i] -= lr * db

    def accuracy(self, x, t):
        logits, _ = self.forward(x)
        return float(np.mean(np.argmax(logits, axis=1) == t))


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def search(args):
    dtype = np.float32 if args.dtype == "f32" else np.float64
    x = read_idx(os.path.join(args.mnist_dir, "train-images-idx3-ubyte.gz"))[:args.samples]
    t = read_idx(os.path.join(args.mnist_dir, "train-labels-idx1-ubyte.gz"))[:args.samples].astype(np.int64)
    x = x.reshape(len(x), -1).astype(dtype) / dtype(255)
    rng = np.random.default_rng(args.seed)
    perm = rng.permutation(len(x))
    x, t = x[perm], t[perm]
    n_val = int(len(x) * args.validation)
    x_val, t_val, x_train, t_train = x[:n_val], t[:n_val], x[n_val:], t[n_val:]
    per_epoch = max(len(x_train) // args.batch, 1)
    sizes = [x.shape[1]] + [100] * 6 + [10]
    trials = []
    for _ in range(args.trials):
        decay = 10 ** rng.uniform(-8, -4)
        lr = 10 ** rng.uniform(-6, -2)
        net = Net(sizes, decay, rng, dtype)
        val, train = [], []
        for i in range(args.epochs * per_epoch):
            idx = rng.choice(len(x_train), args.batch)
            net.sgd_step(x_train[idx], t_train[idx], lr)
            net.loss(x_train[idx], t_train[idx])  # as the book's Trainer, unused
            if i % per_epoch == 0:
                train.append(net.accuracy(x_train, t_train))
                val.append(net.accuracy(x_val, t_val))
        trials.append({"lr": lr, "weight_decay": decay, "val_acc": val, "train_acc": train})
    return trials


def summary(trials):
    """The figures the lab is compared on (Python's sorted is stable)."""
    ranking = sorted(range(len(trials)), key=lambda k: trials[k]["val_acc"][-1], reverse=True)
    best10 = [trials[k]["lr"] for k in ranking[:10]]
    return {"best_val_acc": trials[ranking[0]]["val_acc"][-1],
            "above_half": sum(1 for tr in trials if tr["val_acc"][-1] > 0.5),
            "best10_lr": [min(best10), max(best10)]}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--trials", type=int, default=100)
    ap.add_argument("--epochs", type=int, default=50)
    ap.add_argument("--samples", type=int, default=500)
    ap.add_argument("--validation", type=float, default=0.2)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--dtype", choices=["f32", "f64"], default="f64", help="f64: the book's arithmetic")
    ap.add_argument("--mnist-dir", default="testdata/mnist")
    ap.add_argument("--trials-out", help="also write every trial's curves to this JSON file")
    args = ap.parse_args()
    start = time.perf_counter()
    trials = search(args)
    seconds = time.perf_counter() - start
    out = {"seed": args.seed, "dtype": args.dtype, "seconds": round(seconds, 2), **summary(trials)}
    if args.trials_out:
        with open(args.trials_out, "w") as f:
            json.dump(trials, f)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
