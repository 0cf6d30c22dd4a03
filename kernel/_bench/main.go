// Command bench times zerokara's GEMM against OpenBLAS (through cgo) and
// gomlx/compute's Go backend — gonum too with -gonum — on the network's
// shapes, squares and gomlx's own benchmark shapes, and prints a Markdown
// table of GFLOP/s per element type. The contenders of one thread count are
// called in rotation, one call each, each call timed on its own, and the
// table reports medians over rounds and the spread of the per-round ratios
// (see README.md). It lives in its own module so cgo, OpenBLAS and gomlx
// stay out of zerokara's build.
//
//	apt-get install libopenblas-dev
//	cd kernel/_bench
//	env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Cooperlake OPENBLAS_THREAD_TIMEOUT=4 GOTOOLCHAIN=go1.27.3 GOEXPERIMENT=simd go run . [flags]
//	env -u OPENBLAS_L2_SIZE OPENBLAS_CORETYPE=Cooperlake OPENBLAS_THREAD_TIMEOUT=4 go run . [flags]
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"time"

	"zerokara/kernel"
)

// options are the command-line settings of one run.
type options struct {
	impl      kernel.Kernel
	rounds    int
	round     time.Duration
	warmup    time.Duration
	block     time.Duration // multi-thread rotation: least duration of a turn
	gap       time.Duration // multi-thread rotation: idle time after a turn
	peak      bool
	peakSlice time.Duration
	gonum     bool
	only      map[string]bool // contenders to time; nil: all
	csv       *csv.Writer
}

// use reports whether the named contender takes part (-only).
func (o options) use(name string) bool { return o.only == nil || o.only[name] }

// fatalf reports an error on stderr and exits with status 1.
func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	os.Exit(1)
}

// main parses the flags, prints the header and times every selected shape
// of every selected element type.
func main() {
	implName := flag.String("impl", kernel.Implementation(), "zerokara implementation to time (one of "+strings.Join(kernel.Implementations(), ", ")+")")
	shapeRE := flag.String("shapes", "", "time only the shapes whose label (e.g. \"100×10×100 x·W\") matches this regular expression")
	types := flag.String("types", "float32,float64", "element types to time, comma-separated")
	var o options
	flag.IntVar(&o.rounds, "rounds", 9, "timed rounds per rotation; medians and ranges are over these")
	flag.DurationVar(&o.round, "round", 300*time.Millisecond, "least duration of a round (a round holds at least one call of each contender)")
	flag.DurationVar(&o.warmup, "warmup", 300*time.Millisecond, "least duration of the untimed warm-up rotation before the rounds")
	flag.DurationVar(&o.block, "block", 10*time.Millisecond, "multi-thread rotation: a contender's turn is calls back to back for at least this long (0: one call)")
	flag.DurationVar(&o.gap, "gap", time.Millisecond, "multi-thread rotation: idle time after each turn, so that spinning worker threads go idle before the next contender (0: none)")
	flag.BoolVar(&o.peak, "peak", false, "also time zerokara's MeasurePeak in the single-thread rotation of the 1024³ and 2048³ squares")
	flag.DurationVar(&o.peakSlice, "peak-slice", 20*time.Millisecond, "MeasurePeak duration per element type in one -peak call")
	flag.BoolVar(&o.gonum, "gonum", false, "also time gonum (slow) in the GOMAXPROCS rotation")
	csvPath := flag.String("csv", "", "write every per-round raw rate to this CSV file")
	merge := flag.String("merge", "", "print one table of every contender per shape from -csv files of earlier runs, LABEL=FILE[+CONTENDER…],… (+gomlx: only gomlx from that file; OpenBLAS and the ratios from the first file), and time nothing")
	only := flag.String("only", "", "time only these of zerokara,OpenBLAS,gomlx (comma-separated; one alone runs back to back, a diagnosis, not a table to keep)")
	flag.Parse()
	if *merge != "" {
		var runs []*run
		for _, item := range strings.Split(*merge, ",") {
			label, path, ok := strings.Cut(item, "=")
			if !ok {
				fatalf("-merge: %q is not LABEL=FILE[+CONTENDER…]", item)
			}
			path, only, _ := strings.Cut(path, "+")
			var keep []string
			if only != "" {
				keep = strings.Split(only, "+")
			}
			r, err := readRun(label, path, keep)
			if err != nil {
				fatalf("-merge: %v", err)
			}
			runs = append(runs, r)
		}
		mergeRuns(os.Stdout, runs)
		return
	}
	if *only != "" {
		o.only = map[string]bool{}
		for _, name := range strings.Split(*only, ",") {
			if name != "zerokara" && name != "OpenBLAS" && name != "gomlx" {
				fatalf("-only: unknown contender %q", name)
			}
			o.only[name] = true
		}
	}
	if o.rounds < 1 {
		fatalf("-rounds must be at least 1")
	}
	if o.rounds < 7 {
		fmt.Fprintf(os.Stderr, "bench: %d rounds: fine for a try, but tables for keeping take 7 or more\n", o.rounds)
	}
	shapeFilter, err := regexp.Compile(*shapeRE)
	if err != nil {
		fatalf("-shapes: %v", err)
	}
	if o.impl, err = kernel.Lookup(*implName); err != nil {
		fatalf("%v", err)
	}
	if *csvPath != "" {
		f, err := os.Create(*csvPath)
		if err != nil {
			fatalf("%v", err)
		}
		defer f.Close()
		o.csv = csv.NewWriter(f)
		o.csv.Write(csvHeader)
	}

	n := runtime.GOMAXPROCS(0)
	printHeader(o, n)
	for _, elem := range []string{"float32", "float64"} {
		if !slices.Contains(strings.Split(*types, ","), elem) {
			continue
		}
		t := &table{w: os.Stdout, n: n, peak: o.peak, gonum: o.gonum}
		t.header(elem)
		for _, s := range allShapes {
			if !shapeFilter.MatchString(s.String()) {
				continue
			}
			var one, many rotationResult
			if elem == "float32" {
				one, many = measure[float32](s, n, o)
			} else {
				one, many = measure[float64](s, n, o)
			}
			t.row(s, one, many)
			if o.csv != nil {
				writeCSV(o.csv, elem, s, one)
				if n > 1 {
					writeCSV(o.csv, elem, s, many)
				}
			}
		}
		fmt.Println()
	}
	if o.csv != nil {
		if o.csv.Flush(); o.csv.Error() != nil {
			fatalf("-csv: %v", o.csv.Error())
		}
	}
}

// printHeader writes what the numbers depend on: the machine, the build, the
// commit, each library's configuration and the timing settings.
func printHeader(o options, n int) {
	core := openblasCore()
	if strings.EqualFold(core, "prescott") {
		// OpenBLAS 0.3.21 falls back to its generic SSE3 kernels on CPUs
		// it does not know (Intel family 6 model 207, for one): the
		// comparison would flatter zerokara by 3–4×.
		fmt.Fprintln(os.Stderr, "warning: OpenBLAS runs its generic Prescott (SSE3) kernels here; "+
			"give it its best with OPENBLAS_CORETYPE=Cooperlake, SkylakeX or Haswell (whichever the CPU supports)")
	}
	exp := goExperiment()
	if exp == "" {
		exp = "none"
	}
	env := func(k string) string {
		if v, ok := os.LookupEnv(k); ok {
			return k + "=" + v
		}
		return k + " unset"
	}
	fmt.Printf("## GEMM: zerokara vs OpenBLAS vs gomlx/compute\n\n")
	fmt.Printf("- date: %s\n", time.Now().Format("2006-01-02 15:04 MST"))
	fmt.Printf("- machine: %s, %d CPUs, GOMAXPROCS=%d\n", cpuModel(), runtime.NumCPU(), n)
	fmt.Printf("- Go: %s %s/%s, GOEXPERIMENT: %s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH, exp)
	fmt.Printf("- zerokara: commit %s, path %s (1w = kernel.Serial, %dw = kernel.Workers(%d))\n", zerokaraCommit(), o.impl.Name(), n, n)
	fmt.Printf("- OpenBLAS: core %s (%s; %s, %s, %s)\n", core, strings.TrimSpace(openblasConfig()),
		env("OPENBLAS_CORETYPE"), env("OPENBLAS_L2_SIZE"), env("OPENBLAS_THREAD_TIMEOUT"))
	desc := gomlxDescription(1)
	simd := "not in this build (its AVX-512/AVX2 files need GOEXPERIMENT=simd and Go ≥ 1.27): pure-Go GEMM"
	if strings.Contains(desc, "AVX512") {
		simd = "active"
	}
	fmt.Printf("- gomlx/compute %s: %s; AVX-512 GEMM %s; one DotGeneral graph per shape, compiled once, Execute timed (1t = parallelism=1, %dt = parallelism=%d)\n",
		gomlxVersion(), desc, simd, n, n)
	fmt.Printf("- flags: %s\n", strings.Join(os.Args[1:], " ")) // not the binary's path: it names a machine's folders
	fmt.Printf("- timing: %d rounds of ≥ %v after ≥ %v warm-up; alpha = 1, beta = 0; single thread: calls alternate one by one; %d threads: turns of calls back to back for ≥ %v, each followed by %v idle\n\n",
		o.rounds, o.round, o.warmup, n, o.block, o.gap)
}

// measure checks and times shape s with element type T: first the
// single-thread rotation (zerokara Serial, OpenBLAS 1 thread, gomlx
// parallelism=1, and MeasurePeak with -peak on large squares), then, if
// n > 1, the n-thread one (zerokara Workers(n), OpenBLAS n threads, gomlx
// parallelism=n, gonum with -gonum). Before each rotation every contender's C
// is checked against the float64 reference; a disagreement ends the run.
func measure[T kernel.Float](s shape, n int, o options) (one, many rotationResult) {
	ops := newOperands[T](s)
	rotation := func(threads int) rotationResult {
		if got := openblasSetThreads(threads); got != threads {
			fmt.Fprintf(os.Stderr, "bench: OpenBLAS runs %d threads, asked for %d\n", got, threads)
		}
		w := kernel.Workers(threads)
		if threads == 1 {
			w = kernel.Serial
		}
		var cs []contender
		if o.use("zerokara") {
			cs = append(cs, zerokaraContender(ops, o.impl, w))
		}
		if o.use("OpenBLAS") {
			cs = append(cs, openblasContender(ops))
		}
		if o.use("gomlx") {
			backend, err := gomlxBackend(threads)
			if err != nil {
				fatalf("gomlx backend: %v", err)
			}
			g, err := newGomlxMatmul(backend, ops)
			if err != nil {
				fatalf("gomlx %v: %v", s, err)
			}
			defer g.close()
			cs = append(cs, gomlxContender(g, ops))
		}
		if o.gonum && threads > 1 {
			cs = append(cs, gonumContender(ops))
		}
		if err := checkContenders(ops, cs); err != nil {
			fatalf("%v (%d threads): refusing to time it", err, threads)
		}
		if o.peak && threads == 1 && s.largeSquare() {
			cs = append(cs, peakContender[T](o.impl, o.peakSlice))
		}
		r := rotationResult{threads: threads}
		for _, c := range cs {
			r.names = append(r.names, c.name)
		}
		block, gap := time.Duration(0), time.Duration(0)
		if threads > 1 {
			block, gap = o.block, o.gap
		}
		before := takeCPUSnapshot()
		r.samples = rotate(cs, s.flops(), o.rounds, o.round, o.warmup, block, gap)
		r.others = othersLoad(before, takeCPUSnapshot())
		return r
	}
	one = rotation(1)
	if n > 1 {
		many = rotation(n)
	}
	return one, many
}
