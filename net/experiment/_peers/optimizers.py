#!/usr/bin/env python3
"""A NumPy peer of the lab's `optimizers` experiment, MNIST part (the book's §6.1).

Written from the experiment's contract, not from the book's script: one
784-100-100-100-100-10 ReLU network with He initial weights per update rule,
all trained on the same mini-batches (128 images drawn with replacement from
all 60 000, 2000 iterations); after each update the loss of that batch
(post-update) is recorded, then smoothed with the book's smooth_curve (an
11-point Kaiser window, beta 2, reflected edges); at the end each network's
accuracy on the 10 000 test images. As in the book, the networks' weights are
drawn in order from one generator before the first batch, and the batches
from the same generator after them.

Prints one JSON object: per optimizer the final smoothed loss and the test
accuracy, the order of the curves (lowest final smoothed loss first) and the
seconds the training took. Run from the repository's root:

    OPENBLAS_NUM_THREADS=1 python3 net/experiment/_peers/optimizers.py --seed 1
"""

import argparse
import gzip
import json
import os
import struct
import sys
import time

import numpy as np

BOOK_RATES = {"sgd": 0.01, "momentum": 0.01, "adagrad": 0.01, "adam": 0.001}


def read_idx(path):
    """Reads a gzip IDX file (images or labels) into a uint8 array."""
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack(">I", data[:4])[0]
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(mnist_dir, dtype):
    """The training and test images as rows scaled to [0, 1], and labels."""
    def images(name):
        x = read_idx(os.path.join(mnist_dir, name))
        return (x.reshape(len(x), -1).astype(dtype)) / dtype(255)

    def labels(name):
        return read_idx(os.path.join(mnist_dir, name)).astype(np.int64)

    return (images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz"),
            images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz"))


class Net:
    """An MLP with ReLU hidden layers and softmax cross-entropy."""

    def __init__(self, sizes, rng, dtype):
        self.params = []
        for fan_in, fan_out in zip(sizes[:-1], sizes[1:]):
            w = (rng.standard_normal((fan_in, fan_out)) * np.sqrt(2.0 / fan_in)).astype(dtype)
            self.params += [w, np.zeros(fan_out, dtype=dtype)]

    def forward(self, x):
        acts = [x]
        n = len(self.params) // 2
        for i in range(n):
            z = acts[-1] @ self.params[2 * i] + self.params[2 * i + 1]
            acts.append(np.maximum(z, 0) if i < n - 1 else z)
        return acts

    @staticmethod
    def softmax(z):
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def loss(self, x, t):
        y = self.softmax(self.forward(x)[-1])
        return float(-np.log(y[np.arange(len(t)), t] + 1e-7).sum() / len(t))

    def gradients(self, x, t):
        acts = self.forward(x)
        d = self.softmax(acts[-1])
        d[np.arange(len(t)), t] -= 1
        d /= len(t)
        grads = [None] * len(self.params)
        for i in reversed(range(len(self.params) // 2)):
            grads[2 * i] = acts[i].T @ d
            grads[2 * i + 1] = d.sum(axis=0)
            if i > 0:
                d = (d @ self.params[2 * i].T) * (acts[i] > 0)
        return grads

    def accuracy(self, x, t):
        return float((self.forward(x)[-1].argmax(axis=1) == t).mean())


def make_optimizer(name, lr):
    """The update rules of §6.1, all state starting at 0, in place."""
    state = {}

    def zeros(params):
        return [np.zeros_like(p) for p in params]

    def sgd(params, grads):
        for p, g in zip(params, grads):
            p -= lr * g

    def momentum(params, grads, a=0.9):
        v = state.setdefault("v", zeros(params))
        for p, g, vk in zip(params, grads, v):
            vk *= a
            vk -= lr * g
            p += vk

    def nesterov(params, grads, a=0.9):
        v = state.setdefault("v", zeros(params))
        for p, g, vk in zip(params, grads, v):
            p += a * a * vk
            p -= (1 + a) * lr * g
            vk *= a
            vk -= lr * g

    def adagrad(params, grads):
        h = state.setdefault("h", zeros(params))
        for p, g, hk in zip(params, grads, h):
            hk += g * g
            p -= lr * g / (np.sqrt(hk) + 1e-7)

    def rmsprop(params, grads, decay=0.99):
        h = state.setdefault("h", zeros(params))
        for p, g, hk in zip(params, grads, h):
            hk *= decay
            hk += (1 - decay) * g * g
            p -= lr * g / (np.sqrt(hk) + 1e-7)

    def adam(params, grads, b1=0.9, b2=0.999):
        m, v = state.setdefault("m", zeros(params)), state.setdefault("v", zeros(params))
        state["t"] = state.get("t", 0) + 1
        t = state["t"]
        lr_t = lr * np.sqrt(1 - b2 ** t) / (1 - b1 ** t)
        for p, g, mk, vk in zip(params, grads, m, v):
            mk += (1 - b1) * (g - mk)
            vk += (1 - b2) * (g * g - vk)
            p -= lr_t * mk / (np.sqrt(vk) + 1e-7)

    return {"sgd": sgd, "momentum": momentum, "nesterov": nesterov, "adagrad": adagrad,
            "rmsprop": rmsprop, "adam": adam}[name]


def smooth(x, n=11, beta=2):
    """The book's smooth_curve: a Kaiser-window moving average, the start
    reflected without its first value, the end with its last."""
    x = np.asarray(x, dtype=np.float64)
    padded = np.concatenate([x[n - 1:0:-1], x, x[-1:-n:-1]])
    w = np.kaiser(n, beta)
    y = np.convolve(w / w.sum(), padded, mode="valid")
    return y[n // 2:len(y) - n // 2]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--iterations", type=int, default=2000)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--optimizers", default="sgd,momentum,adagrad,adam")
    ap.add_argument("--dtype", choices=["f32", "f64"], default="f64", help="the book's arrays are float64")
    ap.add_argument("--mnist-dir", default="testdata/mnist")
    args = ap.parse_args()
    dtype = np.float32 if args.dtype == "f32" else np.float64
    names = args.optimizers.split(",")

    start = time.perf_counter()
    x_train, t_train, x_test, t_test = load(args.mnist_dir, dtype)
    rng = np.random.RandomState(args.seed)
    sizes = [784, 100, 100, 100, 100, 10]
    nets = {n: Net(sizes, rng, dtype) for n in names}
    opts = {n: make_optimizer(n, BOOK_RATES.get(n, 0.01)) for n in names}
    losses = {n: [] for n in names}
    for _ in range(args.iterations):
        mask = rng.choice(len(x_train), args.batch)
        x, t = x_train[mask], t_train[mask]
        for n in names:
            opts[n](nets[n].params, nets[n].gradients(x, t))
            losses[n].append(nets[n].loss(x, t))
    result = {"seed": args.seed, "dtype": args.dtype, "optimizers": {}}
    for n in names:
        result["optimizers"][n] = {"final_smoothed_loss": float(smooth(losses[n])[-1]),
                                   "test_accuracy": nets[n].accuracy(x_test, t_test)}
    result["order"] = sorted(names, key=lambda n: result["optimizers"][n]["final_smoothed_loss"])
    result["seconds"] = time.perf_counter() - start
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
