package experiment

import (
	"errors"
	"math"
	"math/rand/v2"

	"zerokara/net"
)

// trainer trains several networks on shared mini-batches: each step draws
// one batch (uniformly, with replacement) from its generator and every
// network takes its own optimizer's update on it. A network that diverges
// stops; the others go on.
type trainer[T net.Float] struct {
	data   *dataset[T]
	rng    *rand.Rand
	nets   []*trainee[T]
	x      *net.Matrix[T]
	idx    []int
	labels []int
	losses []float64
}

// netSpec is one network of a trainer: its name (for errors), the network
// and its update rule.
type netSpec[T net.Float] struct {
	name      string
	nw        *net.Network[T]
	optimizer net.OptimizerName
	lr        float64
}

func newTrainer[T net.Float](data *dataset[T], rng *rand.Rand, batch int, specs []netSpec[T]) (*trainer[T], error) {
	t := &trainer[T]{data: data, rng: rng, x: net.NewMatrix[T](batch, data.cols), idx: make([]int, batch),
		losses: make([]float64, len(specs))}
	for _, s := range specs {
		opt, err := net.NewOptimizer[T](s.optimizer, s.lr)
		if err != nil {
			return nil, err
		}
		t.nets = append(t.nets, &trainee[T]{nw: s.nw, opt: opt, name: s.name})
	}
	return t, nil
}

// step draws the next batch and updates every network on it; it returns
// each network's loss (NaN once diverged), or the failing network's name
// and error.
func (t *trainer[T]) step() ([]float64, string, error) {
	t.nextBatch()
	for n, tr := range t.nets {
		var err error
		if t.losses[n], err = tr.step(t.x, t.labels); err != nil {
			return nil, tr.name, err
		}
	}
	return t.losses, "", nil
}

// nextBatch draws the next batch into t.x and t.labels.
func (t *trainer[T]) nextBatch() {
	for j := range t.idx {
		t.idx[j] = t.rng.IntN(t.data.rows)
	}
	t.labels = t.data.batch(t.x, t.labels, t.idx)
}

// allDiverged reports whether no network is left to train.
func (t *trainer[T]) allDiverged() bool {
	for _, n := range t.nets {
		if !n.diverged {
			return false
		}
	}
	return true
}

// trainee is one network of a trainer with its optimizer.
type trainee[T net.Float] struct {
	nw       *net.Network[T]
	opt      net.Optimizer[T]
	diverged bool
	name     string
}

// step trains on the batch and returns the loss (NaN once diverged). It
// does not check the weights: only points are recorded, and point does.
// Weights that stop being finite between two points make the next step's
// loss NaN or are caught at the next point, so the recorded result is the
// same as with a check after every step (which cost 5 % of the run).
func (n *trainee[T]) step(x *net.Matrix[T], labels []int) (float64, error) {
	if n.diverged {
		return math.NaN(), nil
	}
	loss, err := n.nw.StepFolded(x, labels, n.opt)
	if errors.Is(err, net.ErrDiverged) {
		n.diverged = true
		return math.NaN(), nil
	}
	return loss, err
}

// point is the network's accuracy on the subset and the step's loss; a
// network whose weights are no longer finite is marked diverged here.
func (n *trainee[T]) point(x *net.Matrix[T], labels []int, loss float64) (NetPoint, error) {
	if !n.diverged && !n.nw.Finite() {
		n.diverged = true
	}
	if n.diverged {
		return NetPoint{Accuracy: math.NaN(), Loss: math.NaN(), Diverged: true}, nil
	}
	acc, err := n.nw.Accuracy(x, labels)
	return NetPoint{Accuracy: acc, Loss: loss}, err
}
