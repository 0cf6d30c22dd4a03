package results

import (
	"bytes"
	"encoding/json"
	"errors"
	"runtime"
	"runtime/debug"

	"github.com/klauspost/cpuid/v2"

	"zerokara/kernel"
)

// Manifest records how a result was made, beside the config as run that
// each result already carries as its field "config". The VCS fields are
// absent from a binary built without VCS stamping (go build -buildvcs=false,
// go run, go test).
type Manifest struct {
	Seed      uint64 `json:"seed"`                   // the run's seed
	Module    string `json:"module"`                 // main module path
	Version   string `json:"version"`                // main module version; "(devel)" for a source build
	Revision  string `json:"vcs_revision,omitempty"` // VCS commit the binary was built from
	Modified  *bool  `json:"vcs_modified,omitempty"` // the working tree had uncommitted changes
	GoVersion string `json:"go_version"`             // toolchain that built the binary
	Platform  string `json:"platform"`               // GOOS/GOARCH
	Kernel    string `json:"kernel"`                 // active GEMM path (kernel.Implementation)
	Workers   int    `json:"workers"`                // the run's worker setting; 0 means one per CPU
	Procs     int    `json:"gomaxprocs"`             // CPUs the process may use
	CPU       string `json:"cpu"`                    // CPU model
}

// NewManifest describes this process and build for a run with the given
// seed and worker setting.
func NewManifest(seed uint64, workers int) *Manifest {
	m := &Manifest{
		Seed:      seed,
		GoVersion: runtime.Version(),
		Platform:  runtime.GOOS + "/" + runtime.GOARCH,
		Kernel:    kernel.Implementation(),
		Workers:   workers,
		Procs:     runtime.GOMAXPROCS(0),
		CPU:       cpuid.CPU.BrandName,
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		m.Module, m.Version = bi.Main.Path, bi.Main.Version
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				m.Revision = s.Value
			case "vcs.modified":
				modified := s.Value == "true"
				m.Modified = &modified
			}
		}
	}
	return m
}

// withManifest inserts m as the first field "manifest" of the JSON object
// obj, which must not have one.
func withManifest(obj []byte, m *Manifest) ([]byte, error) {
	obj = bytes.TrimSpace(obj)
	var fields map[string]json.RawMessage
	if len(obj) == 0 || obj[0] != '{' || json.Unmarshal(obj, &fields) != nil {
		return nil, errors.New("result is not a JSON object")
	}
	if _, ok := fields["manifest"]; ok {
		return nil, errors.New(`result already has a field "manifest"`)
	}
	mb, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	rest := bytes.TrimSpace(obj[1:])
	out := append([]byte(`{"manifest":`), mb...)
	if rest[0] != '}' {
		out = append(out, ',')
	}
	return append(out, rest...), nil
}
