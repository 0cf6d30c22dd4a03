// Command external checks that zerokara/kernel works from another module,
// the way the top-level README tells a user to set it up: this directory is
// its own module, whose go.mod requires zerokara v0.0.0 and replaces it with
// the repository root by a relative path. It runs the README's example
// product and exits 1 unless the result is exact. CI runs it with
// `(cd .ci/external && go run .)`.
package main

import (
	"fmt"
	"os"
	"slices"

	"zerokara/kernel"
)

func main() {
	a := []float32{1, 2, 3, 4, 5, 6}    // 2×3
	b := []float32{7, 8, 9, 10, 11, 12} // 3×2
	c := make([]float32, 4)             // 2×2
	kernel.Sgemm(kernel.NoTrans, kernel.NoTrans, 2, 2, 3, 1, a, 3, b, 2, 0, c, 2)
	want := []float32{58, 64, 139, 154}
	if !slices.Equal(c, want) {
		fmt.Fprintf(os.Stderr, "external: Sgemm on %s gave %v, want %v\n", kernel.Implementation(), c, want)
		os.Exit(1)
	}
	fmt.Printf("external module: zerokara/kernel Sgemm on %s = %v, as expected\n", kernel.Implementation(), c)
}
