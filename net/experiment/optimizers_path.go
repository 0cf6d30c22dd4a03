package experiment

import (
	"bytes"
	"encoding/json"
	"fmt"

	"zerokara/net"
)

// OptimizerPathConfig sets up the book's §6.1 paths (optimizer_compare_
// naive.py): each optimizer minimises f(x, y) = x²/20 + y² from the same
// start, and the positions before each update are recorded.
type OptimizerPathConfig struct {
	X0 float64 `json:"x0"`
	Y0 float64 `json:"y0"`
	// Steps is the number of updates, and of positions (the first is the
	// start).
	Steps      int                 `json:"steps"`
	Optimizers []net.OptimizerName `json:"optimizers"`
	LRs        []float64           `json:"lrs"` // one per optimizer
}

// BookOptimizerPathConfig returns the book's paths: 30 updates from
// (−7, 2) of SGD (lr 0.95), Momentum (0.1), AdaGrad (1.5) and Adam (0.3).
func BookOptimizerPathConfig() OptimizerPathConfig {
	return OptimizerPathConfig{X0: -7, Y0: 2, Steps: 30,
		Optimizers: []net.OptimizerName{net.OptSGD, net.OptMomentum, net.OptAdaGrad, net.OptAdam},
		LRs:        []float64{0.95, 0.1, 1.5, 0.3}}
}

// check reports what cannot run: unknown optimizers, rates the optimizer
// refuses, or a rate list not as long as the optimizer list (the ranges
// are the description's).
func (c OptimizerPathConfig) check() error {
	if len(c.LRs) != len(c.Optimizers) {
		return fmt.Errorf("path: %d rates for %d optimizers", len(c.LRs), len(c.Optimizers))
	}
	for i, name := range c.Optimizers {
		if _, err := net.NewOptimizer[float64](name, c.LRs[i]); err != nil {
			return fmt.Errorf("path: %w", err)
		}
	}
	return nil
}

// OptimizerPath is one optimizer's path: the positions before each
// update, NaN (null in JSON) where a too large rate has left the numbers.
type OptimizerPath struct {
	Name net.OptimizerName `json:"-"`
	X    nullFloats        `json:"x"`
	Y    nullFloats        `json:"y"`
	LR   float64           `json:"lr"`
}

// OptimizerPaths are the paths in the config's order; in JSON an object
// keyed by optimizer name, in that order.
type OptimizerPaths []OptimizerPath

// MarshalJSON writes {"sgd": {"x": […], "y": […], "lr": 0.95}, …}.
func (p OptimizerPaths) MarshalJSON() ([]byte, error) {
	return marshalByName(p, func(q OptimizerPath) net.OptimizerName { return q.Name })
}

// marshalByName writes a list as a JSON object keyed by each entry's
// name, in the list's order.
func marshalByName[E any](list []E, name func(E) net.OptimizerName) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, e := range list {
		if i > 0 {
			b.WriteByte(',')
		}
		key, err := json.Marshal(string(name(e)))
		if err != nil {
			return nil, err
		}
		val, err := json.Marshal(e)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name(e), err)
		}
		b.Write(key)
		b.WriteByte(':')
		b.Write(val)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// Paths computes the paths of c in float64 with the network's own update
// rules (net.NewOptimizer): for each optimizer, from (X0, Y0), Steps
// times record the position and update it with ∇f = (x/10, 2y). It takes
// microseconds; a window redraws it as settings are typed.
func Paths(c OptimizerPathConfig) (OptimizerPaths, error) {
	if err := c.check(); err != nil {
		return nil, fmt.Errorf("experiment: optimizers: %w", err)
	}
	steps := max(c.Steps, 0)
	paths := make(OptimizerPaths, len(c.Optimizers))
	for i, name := range c.Optimizers {
		opt, err := net.NewOptimizer[float64](name, c.LRs[i])
		if err != nil {
			return nil, fmt.Errorf("experiment: optimizers: path: %w", err)
		}
		// One parameter holding (x, y): the rules act element by element,
		// as on the book's two scalars.
		p := net.Param[float64]{Name: "xy", Value: net.NewMatrix[float64](1, 2), Grad: net.NewMatrix[float64](1, 2)}
		p.Value.Data[0], p.Value.Data[1] = c.X0, c.Y0
		path := OptimizerPath{Name: name, LR: c.LRs[i], X: make(nullFloats, steps), Y: make(nullFloats, steps)}
		for s := range steps {
			x, y := p.Value.Data[0], p.Value.Data[1]
			path.X[s], path.Y[s] = x, y
			p.Grad.Data[0], p.Grad.Data[1] = x/10, 2*y
			opt.Update([]net.Param[float64]{p})
		}
		paths[i] = path
	}
	return paths, nil
}
