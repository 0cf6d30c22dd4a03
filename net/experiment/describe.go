package experiment

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"zerokara/net/mnist"
)

// Config is an experiment's configuration (ActivationsConfig and its
// siblings). Validate reports the first setting that cannot run, against
// the experiment's Description and DefaultMemoryBudget.
type Config interface{ Validate() error }

// Result is any experiment's complete result: plain data that marshals to
// JSON, with a long-format CSV writer.
type Result interface{ WriteCSV(io.Writer) error }

// Event is any progress event; every event type embeds Work.
type Event interface{ Progress() Work }

// Partial is a result as it forms: a run applies its events to it, a
// window draws snapshots of it. Typed returns the experiment's own result
// type (*OverfitResult, …), which figures take.
type Partial interface {
	Result
	Apply(Event)
	Snapshot() Partial
	Typed() any
}

// Description is the one description of an experiment that every consumer
// reads: the headless runner's flags and help, the window's settings form
// and its checks, config loading and saving, and the figure registry
// (keyed by Name). Its Check is the only place ranges live.
type Description struct {
	// Name is the experiment's name: -run NAME, the result files' base
	// name and the figure registry's key.
	Name string
	// Section is the book's section (e.g. "§6.2"); Summary one English
	// line saying what the experiment shows.
	Section, Summary string
	// Fields are the settings, in the order forms and help show them.
	Fields []Field
	// UsesMNIST reports whether the experiment trains on MNIST.
	UsesMNIST bool

	order      float64
	book       func() Config
	decodeInto func([]byte) (Config, error)
	joint      func(Config) error
	memory     func(Config) int64
	dataNeeded func(Config) (train, test int)
	checkData  func(Config) error
	newPartial func(Config) (Partial, error)
	run        func(context.Context, Config, func(Event)) (Partial, error)
}

// DefaultMemoryBudget is the memory a run may be estimated to need before
// it is refused: 4 GiB, the same on every machine, so that a config valid
// on one machine is valid on all. The headless runner's -memory-budget
// flag changes it for one run.
const DefaultMemoryBudget int64 = 4 << 30

var registry []*Description

// register adds an experiment's description (each engine file registers
// its own from an init function).
func register(d *Description) {
	if _, err := Lookup(d.Name); err == nil {
		panic("experiment: " + d.Name + " registered twice")
	}
	registry = append(registry, d)
	sort.SliceStable(registry, func(i, j int) bool { return registry[i].order < registry[j].order })
}

// Experiments returns every registered experiment, in the book's order.
func Experiments() []*Description { return slices.Clone(registry) }

// Names returns the registered experiments' names, in the book's order.
func Names() []string {
	names := make([]string, len(registry))
	for i, d := range registry {
		names[i] = d.Name
	}
	return names
}

// Lookup returns the experiment called name.
func Lookup(name string) (*Description, error) {
	for _, d := range registry {
		if d.Name == name {
			return d, nil
		}
	}
	return nil, fmt.Errorf("experiment: unknown experiment %q (want %s)", name, strings.Join(Names(), ", "))
}

// Book returns the book's setup of the experiment.
func (d *Description) Book() Config { return d.book() }

// Field returns the field with the JSON key, or nil.
func (d *Description) Field(key string) *Field {
	for i := range d.Fields {
		if d.Fields[i].Key == key {
			return &d.Fields[i]
		}
	}
	return nil
}

// Check reports the first setting of cfg that cannot run: a value outside
// its field's range, a list too long or with a repeated entry, a joint
// constraint, or an estimated memory above budget (bytes; ≤ 0: no
// limit). It needs no data: the data's own checks come when a run starts.
func (d *Description) Check(cfg Config, budget int64) error {
	if err := d.checkFields(cfg); err != nil {
		return err
	}
	if err := d.joint(cfg); err != nil {
		return fmt.Errorf("experiment: %s: %w", d.Name, err)
	}
	if budget > 0 {
		if need := d.Memory(cfg); need > budget {
			return fmt.Errorf("experiment: %s: the run needs about %s of memory, above the budget of %s (raise it with -memory-budget, or make the run smaller)",
				d.Name, formatBytes(need), formatBytes(budget))
		}
	}
	return nil
}

// Memory estimates the peak memory (bytes) a run of cfg needs: the
// process itself (processBytes), the training data as the run holds it,
// every network's parameters and buffers, and the recorded result. It
// saturates instead of overflowing. Measured against the peak resident
// size of headless runs on a 2-core machine it was 1.2–2.4× above it,
// 5–9× for the activations and the sweep (which assume MaxWorkers runs
// at once).
func (d *Description) Memory(cfg Config) int64 { return add(processBytes, d.memory(cfg)) }

// processBytes is what a run needs besides its own data: the Go runtime,
// the program and its libraries (a headless run of the book's activations
// peaks at 28 MiB resident).
const processBytes = 64 << 20

// WithData returns cfg with MNIST data attached (experiments that use
// none ignore it).
func (d *Description) WithData(cfg Config, data *mnist.Data) Config { return withData(cfg, data) }

// DataNeeded returns how many training and test images a run of cfg reads
// (−1: all, 0: none).
func (d *Description) DataNeeded(cfg Config) (train, test int) { return d.dataNeeded(cfg) }

// CheckData reports whether the data attached to cfg serves it (present,
// enough training images, a test set where one is scored).
func (d *Description) CheckData(cfg Config) error { return d.checkData(cfg) }

// NewPartial returns the empty result of cfg, which a live view fills from
// the run's events.
func (d *Description) NewPartial(cfg Config) (Partial, error) { return d.newPartial(cfg) }

// Run runs the experiment; progress (may be nil) receives every event, as
// the typed functions (Overfit, …) describe.
func (d *Description) Run(ctx context.Context, cfg Config, progress func(Event)) (Partial, error) {
	return d.run(ctx, cfg, progress)
}

// spec is an experiment's typed description, from which register builds
// the untyped one.
type spec[C Config, R typedResult[R, E], E Event] struct {
	name, section, summary string
	order                  float64
	fields                 []Field
	book                   func() C
	joint                  func(C) error
	memory                 func(C) int64
	// data returns the training and test images a run reads; nil for an
	// experiment without MNIST (whose config has no Data field).
	data      func(C) (train, test int)
	checkData func(C) error
	newResult func(C) (R, error)
	run       func(context.Context, C, func(E)) (R, error)
}

// typedResult is an experiment's own result type.
type typedResult[R any, E Event] interface {
	Result
	Apply(E)
	Snapshot() R
}

// describe builds the untyped description.
func (s spec[C, R, E]) describe() *Description {
	d := &Description{Name: s.name, Section: s.section, Summary: s.summary, Fields: s.fields, order: s.order,
		UsesMNIST: s.data != nil}
	d.book = func() Config { return s.book() }
	d.decodeInto = func(b []byte) (Config, error) {
		var c C
		err := json.Unmarshal(b, &c)
		return c, err
	}
	d.joint = func(c Config) error { return s.joint(c.(C)) }
	d.memory = func(c Config) int64 { return s.memory(c.(C)) }
	d.dataNeeded = func(c Config) (int, int) {
		if s.data == nil {
			return 0, 0
		}
		return s.data(c.(C))
	}
	d.checkData = func(c Config) error {
		if s.checkData == nil {
			return nil
		}
		if err := s.checkData(c.(C)); err != nil {
			return fmt.Errorf("experiment: %s: %w", s.name, err)
		}
		return nil
	}
	d.newPartial = func(c Config) (Partial, error) {
		r, err := s.newResult(c.(C))
		if err != nil {
			return nil, err
		}
		return partial[R, E]{r}, nil
	}
	d.run = func(ctx context.Context, c Config, progress func(Event)) (Partial, error) {
		var f func(E)
		if progress != nil {
			f = func(e E) { progress(e) }
		}
		r, err := s.run(ctx, c.(C), f)
		if err != nil {
			return nil, err
		}
		return partial[R, E]{r}, nil
	}
	return d
}

// validate is a typed config's Validate: the description's checks with
// the default budget, then the data's.
func (s spec[C, R, E]) validate(c C) error {
	d, err := Lookup(s.name)
	if err != nil {
		return err
	}
	if err := d.Check(c, DefaultMemoryBudget); err != nil {
		return err
	}
	return d.CheckData(c)
}

// validateForRun is what a run checks before it starts: the description
// without a memory budget (the caller chose one) and the data.
func validateForRun[C Config](name string, c C) error {
	d, err := Lookup(name)
	if err != nil {
		return err
	}
	if err := d.Check(c, 0); err != nil {
		return err
	}
	return d.CheckData(c)
}

// partial wraps a typed result as a Partial.
type partial[R typedResult[R, E], E Event] struct{ r R }

func (p partial[R, E]) Apply(e Event) {
	if t, ok := e.(E); ok {
		p.r.Apply(t)
	}
}
func (p partial[R, E]) Snapshot() Partial            { return partial[R, E]{p.r.Snapshot()} }
func (p partial[R, E]) Typed() any                   { return p.r }
func (p partial[R, E]) WriteCSV(w io.Writer) error   { return p.r.WriteCSV(w) }
func (p partial[R, E]) MarshalJSON() ([]byte, error) { return json.Marshal(p.r) }

// errNeedsData is the data check's error when no data is attached.
var errNeedsData = errors.New("needs MNIST data")
