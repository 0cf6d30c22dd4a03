package lab

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"zerokara/gui/internal/headless"
	"zerokara/net/experiment"
)

// bound is one setting's row of the contract table: the book's value and
// the boundary cases, as a user types them (lists comma-separated). An
// empty below or above means there is none (e.g. nothing is below 0 for a
// count that starts at 0 … but every row here has both).
type bound struct {
	key, book, min, max, below, above string
}

// contract is written by hand from the book and the documented ranges,
// not derived from the descriptions: every consumer must agree with it.
// Where a joint constraint binds before the field's own range (the
// sweep's steps, the BN experiment's every, the heat-map layer), the
// largest allowed value is the joint one.
var contract = map[string][]bound{
	"activations": {
		{"samples", "1000", "1", "100000", "0", "100001"},
		{"width", "100", "1", "4096", "0", "4097"},
		{"layers", "5", "1", "100", "0", "101"},
		{"bins", "30", "1", "1000", "0", "1001"},
		{"activations", "sigmoid, relu, tanh", "relu", "sigmoid, relu, tanh", "", "sigmoid, relu, tanh, relu"},
		{"inits", "std=1, std=0.01, Xavier, He", "He", list("std=", 16), "", list("std=", 17)},
		{"workers", "0", "0", "64", "-1", "65"},
	},
	"initcompare": {
		{"iterations", "2000", "1", "1000000", "0", "1000001"},
		{"lr", "0.01", "0", "1000", "-0.001", "1000.5"},
		{"batch", "128", "1", "60000", "0", "60001"},
		{"grad_every", "10", "1", "1000000", "0", "1000001"},
		{"hidden", "100, 100, 100, 100", "1", list("", 16), "", list("", 17)},
		{"inits", "std=0.01, Xavier, He", "He", list("std=", 16), "", list("std=", 17)},
	},
	"batchnorm": {
		{"points", "20", "1", "100000", "0", "100001"},
		{"every", "10", "1", "500000", "0", "500001"}, // points·every ≤ 10⁷
		{"samples", "1000", "1", "60000", "0", "60001"},
		{"batch", "100", "1", "60000", "0", "60001"},
		{"lr", "0.01", "0", "1000", "-1", "1001"},
		{"bn.momentum", "0.9", "0", "0.999", "-0.1", "1"},
		{"bn.eps", "0.000001", "0", "1", "-0.000001", "1.5"},
		{"sigmas", "", "0.5", list("", 64), "", list("", 65)},
	},
	"symmetry": {
		{"iterations", "2000", "1", "1000000", "0", "1000001"},
		{"every", "100", "1", "1000000", "0", "1000001"},
		{"heat_layer", "1", "1", "5", "0", "6"}, // 4 hidden layers: 5 affine
		{"heat_row_step", "8", "1", "784", "0", "785"},
		{"batch", "128", "1", "60000", "0", "60001"},
		{"inits", "const=0, const=0.01, std=0.01, He", "zero", list("std=", 16), "", list("std=", 17)},
	},
	"overfit": {
		{"epochs", "201", "1", "100000", "0", "100001"},
		{"dropout_epochs", "301", "1", "100000", "0", "100001"},
		{"samples", "300", "1", "60000", "0", "60001"},
		{"weight_decay", "0.1", "0", "1000000", "-0.1", "1000001"},
		{"dropout_ratio", "0.2", "0", "0.99", "-0.01", "1"},
		{"batch", "100", "1", "60000", "0", "60001"},
		{"variants", "plain, weight_decay, dropout, batchnorm", "dropout", "plain, weight_decay, dropout, batchnorm", "", "plain, plain"},
	},
	"sweep": {
		{"steps", "191", "1", "781250", "0", "781251"}, // 16 σ × 8 lr cells · steps ≤ 10⁸
		{"samples", "1000", "1", "60000", "0", "60001"},
		{"learning_rates", "", "0.1", list("", 64), "", list("", 65)},
		{"sigmas", "", "1", list("", 64), "", list("", 65)},
	},
	"optimizers": {
		{"path.x0", "-7", "-10", "10", "-10.001", "10.001"},
		{"path.y0", "2", "-10", "10", "-10.001", "10.001"},
		{"path.steps", "30", "1", "10000", "0", "10001"},
		// The four rates bind each optimizer list's length to 4.
		{"path.optimizers", "sgd, momentum, adagrad, adam", "rmsprop, nesterov, sgd, adam", "rmsprop, nesterov, sgd, adam", "sgd, momentum, adagrad", "sgd, momentum, adagrad, adam, rmsprop"},
		{"path.lrs", "0.95, 0.1, 1.5, 0.3", "0, 0, 0, 0", "1000, 1000, 1000, 1000", "-0.1, 0.1, 1.5, 0.3", "1000.5, 0.1, 1.5, 0.3"},
		{"optimizers", "sgd, momentum, adagrad, adam", "rmsprop, nesterov, sgd, adam", "rmsprop, nesterov, sgd, adam", "sgd, momentum, adagrad", "sgd, momentum, adagrad, adam, rmsprop"},
		{"lrs", "0.01, 0.01, 0.01, 0.001", "0, 0, 0, 0", "1000, 1000, 1000, 1000", "-0.01, 0.01, 0.01, 0.001", "1001, 0.01, 0.01, 0.001"},
		{"iterations", "2000", "1", "1000000", "0", "1000001"},
		{"batch", "128", "1", "60000", "0", "60001"},
		{"hidden", "100, 100, 100, 100", "1", list("", 16), "", list("", 17)},
		{"workers", "0", "0", "64", "-1", "65"},
	},
	"hyperparams": {
		{"trials", "100", "1", "1000", "0", "1001"},
		{"lr_log10_min", "-6", "-10", "-2", "-10.5", "-1.5"}, // at most lr_log10_max (−2)
		{"lr_log10_max", "-2", "-6", "3", "-6.5", "3.5"},
		{"weight_decay_log10_min", "-8", "-12", "-4", "-12.5", "-3.5"}, // at most weight_decay_log10_max (−4)
		{"weight_decay_log10_max", "-4", "-8", "6", "-8.5", "6.5"},
		{"epochs", "50", "1", "100000", "0", "100001"},
		{"samples", "500", "5", "60000", "4", "60001"}, // 20 % of 4 images is none for validation
		{"validation_rate", "0.2", "0.01", "0.99", "0.005", "0.995"},
		{"batch", "100", "1", "60000", "0", "60001"},
		{"hidden", "100, 100, 100, 100, 100, 100", "1", list("", 16), "", list("", 17)},
		{"workers", "0", "0", "64", "-1", "65"},
	},
}

// list writes n distinct entries: prefix + 1, 2, … ("std=1, std=2"; "0.1,
// 0.2"; "1, 2").
func list(prefix string, n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = fmt.Sprintf("%s%d", prefix, i+1)
	}
	return strings.Join(parts, ", ")
}

// jsonValue writes a typed value as the JSON a config file holds.
func jsonValue(f *experiment.Field, text string) string {
	switch f.Kind {
	case experiment.IntList, experiment.FloatList:
		return "[" + text + "]"
	case experiment.TextList:
		if strings.TrimSpace(text) == "" {
			return "[]"
		}
		parts := strings.Split(text, ",")
		for i, p := range parts {
			parts[i] = fmt.Sprintf("%q", strings.TrimSpace(p))
		}
		return "[" + strings.Join(parts, ",") + "]"
	case experiment.Text:
		return fmt.Sprintf("%q", text)
	}
	return text
}

// nested writes {"a":{"b":v}} for key "a.b".
func nested(key, value string) string {
	parts := strings.Split(key, ".")
	out := value
	for i := len(parts) - 1; i >= 0; i-- {
		out = fmt.Sprintf("{%q:%s}", parts[i], out)
	}
	return out
}

// TestContractTable sends every row's book value and boundary cases
// through every consumer of an experiment's description — the headless
// flags, the window's settings form, the config loader and Validate — and
// checks that each accepts exactly the allowed values. The memory budget
// is lifted (its own cases are the red-team table's).
func TestContractTable(t *testing.T) {
	memoryBudget = 0
	defer func() { memoryBudget = experiment.DefaultMemoryBudget }()
	l := newTestLab(t)
	for _, d := range experiment.Experiments() {
		rows, ok := contract[d.Name]
		if !ok {
			t.Errorf("experiment %s has no contract table", d.Name)
			continue
		}
		for _, row := range rows {
			f := d.Field(row.key)
			if f == nil {
				t.Errorf("%s: no setting %s", d.Name, row.key)
				continue
			}
			if row.book != "" {
				if got, _ := d.Text(d.Book(), row.key); got != row.book {
					t.Errorf("%s %s: the book's value is %q, the description's %q", d.Name, row.key, row.book, got)
				}
			}
			for _, c := range []struct {
				name, value string
				ok          bool
			}{{"min", row.min, true}, {"max", row.max, true}, {"below", row.below, false}, {"above", row.above, false}} {
				what := fmt.Sprintf("%s %s %s=%.40q", d.Name, row.key, c.name, c.value)
				for consumer, err := range map[string]error{
					"flags":  viaFlags(d, f, c.value),
					"window": viaWindow(l, d, row.key, c.value),
					"loader": viaLoader(d, f, c.value),
					"check":  viaCheck(d, f, c.value),
				} {
					if consumer == "window" && d.Name == "activations" {
						continue // its own tab: TestActivationsTabRanges
					}
					if c.ok && err != nil {
						t.Errorf("%s: %s refuses it: %v", what, consumer, err)
					}
					if !c.ok && err == nil {
						t.Errorf("%s: %s accepts it", what, consumer)
					}
				}
			}
		}
	}
	// The long lists the table does not spell out.
	bn := experiment.BookBatchNormConfig()
	if len(bn.Sigmas) != 16 || bn.Sigmas[0] != 1 || bn.Sigmas[15] != 1e-4 {
		t.Errorf("the book's σ: %v, want 16 from 1 to 0.0001", bn.Sigmas)
	}
	if lr := experiment.BookSweepConfig().LearningRates; len(lr) != 8 {
		t.Errorf("the sweep's learning rates: %v, want 8", lr)
	}
}

// viaFlags runs the headless runner with the flag and -dry-run.
func viaFlags(d *experiment.Description, f *experiment.Field, value string) error {
	var out, errOut bytes.Buffer
	args := []string{"-run", d.Name, "-dry-run", "-memory-budget", "1073741824", "-" + f.Flag() + "=" + value}
	if code := headless.Main(context.Background(), args, &out, &errOut); code != 0 {
		return fmt.Errorf("exit %d: %s", code, strings.TrimSpace(errOut.String()))
	}
	return nil
}

// viaWindow types the value into the tab's form and reads the form as Run
// does.
func viaWindow(l *Lab, d *experiment.Description, key, value string) error {
	s := l.Screen(d.Name)
	if s == nil {
		return fmt.Errorf("no tab")
	}
	s.fill(d.Book())
	field := s.Form.Field(key)
	if field.Check != nil {
		field.Check.SetChecked(value == "true")
	} else {
		field.Entry.SetText(value)
	}
	_, err := s.config()
	return err
}

// viaLoader loads a config file holding only this setting.
func viaLoader(d *experiment.Description, f *experiment.Field, value string) error {
	file := fmt.Sprintf(`{"experiment":%q,"config":%s}`, d.Name, nested(f.Key, jsonValue(f, value)))
	_, err := d.DecodeConfig([]byte(file), 0)
	return err
}

// viaCheck decodes the setting into the book's typed config with
// encoding/json (no description involved) and checks it.
func viaCheck(d *experiment.Description, f *experiment.Field, value string) error {
	book, err := json.Marshal(d.Book())
	if err != nil {
		return err
	}
	cfg := d.Book()
	typed := &cfg
	if err := unmarshalInto(d, book, nested(f.Key, jsonValue(f, value)), typed); err != nil {
		return err
	}
	return d.Check(*typed, 0)
}

// unmarshalInto decodes the book's JSON, then the patch, into a fresh
// config of d's type.
func unmarshalInto(d *experiment.Description, book []byte, patch string, cfg *experiment.Config) error {
	for _, b := range [][]byte{book, []byte(patch)} {
		switch c := (*cfg).(type) {
		case experiment.ActivationsConfig:
			if err := json.Unmarshal(b, &c); err != nil {
				return err
			}
			*cfg = c
		case experiment.InitCompareConfig:
			if err := json.Unmarshal(b, &c); err != nil {
				return err
			}
			*cfg = c
		case experiment.BatchNormConfig:
			if err := json.Unmarshal(b, &c); err != nil {
				return err
			}
			*cfg = c
		case experiment.SymmetryConfig:
			if err := json.Unmarshal(b, &c); err != nil {
				return err
			}
			*cfg = c
		case experiment.OverfitConfig:
			if err := json.Unmarshal(b, &c); err != nil {
				return err
			}
			*cfg = c
		case experiment.SweepConfig:
			if err := json.Unmarshal(b, &c); err != nil {
				return err
			}
			*cfg = c
		case experiment.OptimizersConfig:
			if err := json.Unmarshal(b, &c); err != nil {
				return err
			}
			*cfg = c
		case experiment.HyperparamsConfig:
			if err := json.Unmarshal(b, &c); err != nil {
				return err
			}
			*cfg = c
		default:
			return fmt.Errorf("%s: add its config type to unmarshalInto", d.Name)
		}
	}
	return nil
}

// TestActivationsTabRanges: the Activations tab's own fields accept what
// the experiment accepts.
func TestActivationsTabRanges(t *testing.T) {
	l := newTestLab(t)
	s := l.Activations
	for _, tc := range []struct {
		field *field
		value string
		ok    bool
	}{
		{s.Layers, "1", true}, {s.Layers, "100", true}, {s.Layers, "0", false}, {s.Layers, "101", false},
		{s.Width, "1", true}, {s.Width, "4096", true}, {s.Width, "0", false}, {s.Width, "4097", false},
		{s.Seed, "0", true}, {s.Seed, "18446744073709551615", true}, {s.Seed, "-1", false}, {s.Seed, "18446744073709551616", false},
	} {
		if err := tc.field.check(tc.value); (err == nil) != tc.ok {
			t.Errorf("%q: error %v, want accepted=%v", tc.value, err, tc.ok)
		}
	}
}
