package main

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"strings"
)

// cpuModel returns the CPU's model name from /proc/cpuinfo with its family
// and model numbers (a VM may only say "AMD EPYC"), or runtime.GOARCH.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	defer f.Close()
	fields := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			if len(fields) > 0 {
				break // first processor only
			}
			continue
		}
		k = strings.TrimSpace(k)
		if _, seen := fields[k]; !seen {
			fields[k] = strings.TrimSpace(v)
		}
	}
	name := fields["model name"]
	if name == "" {
		return runtime.GOARCH
	}
	if fam, mod := fields["cpu family"], fields["model"]; fam != "" && mod != "" {
		name += fmt.Sprintf(" (family %s model %s)", fam, mod)
	}
	return name
}

// goExperiment returns the GOEXPERIMENT this binary was built with, as the
// build info records it ("" for the toolchain's defaults).
func goExperiment() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			if s.Key == "GOEXPERIMENT" {
				return s.Value
			}
		}
	}
	return ""
}

// zerokaraCommit returns the short commit of the repository the harness is
// run from, with a note when kernel/ (outside _bench) has uncommitted
// changes: the binary is built from the working tree, not from the commit.
func zerokaraCommit() string {
	top, err := exec.Command("git", "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return "unknown (not run inside the git repository)"
	}
	root := strings.TrimSpace(string(top))
	head, err := exec.Command("git", "-C", root, "rev-parse", "--short", "HEAD").Output()
	if err != nil {
		return "unknown"
	}
	commit := strings.TrimSpace(string(head))
	dirty, err := exec.Command("git", "-C", root, "status", "--porcelain", "--", "kernel", ":(exclude)kernel/_bench").Output()
	if err == nil && len(strings.TrimSpace(string(dirty))) > 0 {
		commit += " + uncommitted changes in kernel/"
	}
	return commit
}
