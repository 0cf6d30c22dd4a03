package kernel

import (
	"os"
	"strings"
	"testing"
)

// expectImplsEnv names the environment variable that lists, comma-separated
// and fastest first, the implementations this machine must offer, e.g.
// "avx2fma,purego". CI sets it so that a CPU detection bug that silently
// falls back to pure Go (or picks assembly the CPU lacks) fails the tests.
const expectImplsEnv = "ZEROKARA_EXPECT_IMPLS"

func TestExpectedImplementations(t *testing.T) {
	want := os.Getenv(expectImplsEnv)
	have := strings.Join(implementationNames(), ",")
	if want == "" {
		t.Skipf("%s not set; available: %s", expectImplsEnv, have)
	}
	if have != want {
		t.Fatalf("available implementations = %q, %s = %q", have, expectImplsEnv, want)
	}
	if os.Getenv(pureGoEnv) == "" && Implementation() != implementations[0].name {
		t.Fatalf("Implementation() = %q, want the fastest, %q", Implementation(), implementations[0].name)
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
