package experiment

import (
	"testing"
)

// FuzzDecodeConfig feeds arbitrary bytes to every experiment's config
// loader: it returns a config that passes Check, or an error; it never
// panics, and what it accepts it writes back to an equal config.
func FuzzDecodeConfig(f *testing.F) {
	for _, d := range Experiments() {
		b, err := d.EncodeConfig(d.Book())
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	for _, seed := range []string{
		`{"experiment":"overfit","config":{"batch":1e12,"epochs":3}}`,
		`{"experiment":"initcompare","config":{"hidden":[100000,100000,100000,100000]}}`,
		`{"samples":-1}`, `{"bn":{"momentum":1}}`, `{"hidden":null}`, `{"inits":["std=1e400"]}`, `[]`, `null`, `{"seed":18446744073709551616}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, d := range Experiments() {
			cfg, err := d.DecodeConfig(b, DefaultMemoryBudget)
			if err != nil {
				continue
			}
			if err := d.Check(cfg, DefaultMemoryBudget); err != nil {
				t.Fatalf("%s: accepted %q, which Check refuses: %v", d.Name, b, err)
			}
			again, err := d.EncodeConfig(cfg)
			if err != nil {
				t.Fatalf("%s: accepted %q but cannot write it: %v", d.Name, b, err)
			}
			back, err := d.DecodeConfig(again, DefaultMemoryBudget)
			if err != nil {
				t.Fatalf("%s: its own file %s is refused: %v", d.Name, again, err)
			}
			if a, b := mustText(t, d, cfg), mustText(t, d, back); a != b {
				t.Fatalf("%s: %s written back as %s", d.Name, a, b)
			}
		}
	})
}

func mustText(t *testing.T, d *Description, cfg Config) string {
	t.Helper()
	b, err := d.EncodeConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
