package kernel

import (
	"os"
	"strings"
	"testing"
)

// requireImplEnv names the environment variable listing implementations
// (comma-separated) that must be available; CI sets it so that a machine
// silently falling back to pure Go fails instead of passing.
const requireImplEnv = "ZEROKARA_REQUIRE_IMPL"

func TestRequiredImplementations(t *testing.T) {
	want := os.Getenv(requireImplEnv)
	if want == "" {
		t.Skipf("%s not set; available: %v", requireImplEnv, implementationNames())
	}
	for _, name := range strings.Split(want, ",") {
		restore, ok := useImplementation(name)
		restore()
		if !ok {
			t.Errorf("implementation %q required by %s is not available; have %v", name, requireImplEnv, implementationNames())
		}
	}
}

func TestPureGoEnvironment(t *testing.T) {
	if v := os.Getenv(pureGoEnv); v != "" && v != "0" && Implementation() != "purego" {
		t.Fatalf("%s=%s but Implementation() = %q", pureGoEnv, v, Implementation())
	}
	if implementations[len(implementations)-1] != pureGo {
		t.Fatal("the pure-Go path must always be available, last")
	}
}

func implementationNames() []string {
	var names []string
	for _, impl := range implementations {
		names = append(names, impl.name)
	}
	return names
}

// forEachImplementation runs f as a subtest once per available
// implementation, with the dispatch table switched to it.
func forEachImplementation(t *testing.T, f func(t *testing.T)) {
	for _, impl := range implementations {
		t.Run("impl="+impl.name, func(t *testing.T) {
			restore, _ := useImplementation(impl.name)
			defer restore()
			f(t)
		})
	}
}
