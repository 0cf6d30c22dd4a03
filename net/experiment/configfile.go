package experiment

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
)

// MaxConfigBytes is the largest config file read (configs are a few
// hundred bytes; a result JSON used as a config may be larger).
const MaxConfigBytes = 64 << 20

// configFile is what the window's "Save config…" writes and -config reads.
// A result JSON has the same two keys (and more), so a result's file
// reruns it.
type configFile struct {
	Experiment string          `json:"experiment"`
	Config     json.RawMessage `json:"config"`
}

// EncodeConfig writes cfg as a config file of this experiment.
func (d *Description) EncodeConfig(cfg Config) ([]byte, error) {
	b, err := json.Marshal(cfg)
	if err != nil {
		return nil, fmt.Errorf("experiment: %s: config: %w", d.Name, err)
	}
	out, err := json.MarshalIndent(configFile{Experiment: d.Name, Config: b}, "", " ")
	if err != nil {
		return nil, fmt.Errorf("experiment: %s: config: %w", d.Name, err)
	}
	return append(out, '\n'), nil
}

// DecodeConfig reads a config file of this experiment — {"experiment":
// NAME, "config": {…}} as EncodeConfig writes it, a result JSON, or a bare
// config object — as the file's settings over the book's setup, and checks
// it as Check does with budget. A file of another experiment, a setting
// this experiment does not have and a value of the wrong type are errors.
func (d *Description) DecodeConfig(b []byte, budget int64) (Config, error) {
	if len(b) > MaxConfigBytes {
		return nil, fmt.Errorf("experiment: %s: config file larger than %d bytes", d.Name, MaxConfigBytes)
	}
	file, err := decodeTree(b)
	if err != nil {
		return nil, fmt.Errorf("experiment: %s: config file: %w", d.Name, err)
	}
	settings := file
	if name, ok := file["experiment"]; ok {
		if name != d.Name {
			return nil, fmt.Errorf("experiment: the config file is for experiment %v, not %s", name, d.Name)
		}
		inner, ok := file["config"].(map[string]any)
		if !ok {
			return nil, fmt.Errorf("experiment: %s: config file: no \"config\" object", d.Name)
		}
		settings = inner
	}
	base, err := toTree(d.Book())
	if err != nil {
		return nil, err
	}
	if err := overlay(base, settings, ""); err != nil {
		return nil, fmt.Errorf("experiment: %s: config file: %w", d.Name, err)
	}
	cfg, err := d.fromTree(base, d.Book())
	if err != nil {
		return nil, fmt.Errorf("experiment: %s: config file: %w", d.Name, err)
	}
	if err := d.Check(cfg, budget); err != nil {
		return nil, err
	}
	return cfg, nil
}

// overlay writes src's settings over dst's; a key dst does not have is an
// error naming it.
func overlay(dst, src map[string]any, prefix string) error {
	keys := make([]string, 0, len(src))
	for k := range src {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		old, ok := dst[k]
		if !ok {
			var known []string
			for k := range dst {
				known = append(known, prefix+k)
			}
			sort.Strings(known)
			return fmt.Errorf("unknown setting %q (this experiment's are %s)", prefix+k, strings.Join(known, ", "))
		}
		if om, ok := old.(map[string]any); ok {
			sm, ok := src[k].(map[string]any)
			if !ok {
				return fmt.Errorf("setting %q: want an object", prefix+k)
			}
			if err := overlay(om, sm, prefix+k+"."); err != nil {
				return err
			}
			continue
		}
		dst[k] = src[k]
	}
	return nil
}

// ReadConfigFile reads a config file, refusing anything but a regular
// file (open(2) on a FIFO blocks) and files larger than MaxConfigBytes.
func ReadConfigFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", path)
	}
	if st.Size() > MaxConfigBytes {
		return nil, fmt.Errorf("%s: %d bytes is too large for a config", path, st.Size())
	}
	return os.ReadFile(path)
}
