package main

import (
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// userHZ is the unit of /proc/stat's counters (USER_HZ, 100 on Linux).
const userHZ = 100

// cpuSnapshot is the host's busy CPU time and this process's own CPU time at
// one instant.
type cpuSnapshot struct {
	at        time.Time
	hostBusy  float64 // seconds all CPUs spent outside idle and iowait
	ownCPU    float64 // seconds this process spent (all its threads)
	available bool
}

// takeCPUSnapshot reads /proc/stat and getrusage; available is false where
// either is missing.
func takeCPUSnapshot() cpuSnapshot {
	s := cpuSnapshot{at: time.Now()}
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return s
	}
	line, _, _ := strings.Cut(string(data), "\n")
	fields := strings.Fields(line)
	if len(fields) < 8 || fields[0] != "cpu" {
		return s
	}
	for i, f := range fields[1:] {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return s
		}
		if i != 3 && i != 4 && i < 8 { // user nice system [idle iowait] irq softirq steal
			s.hostBusy += v / userHZ
		}
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return s
	}
	s.ownCPU = float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
	s.available = true
	return s
}

// othersLoad returns how many CPUs other processes (and steal) kept busy on
// average between two snapshots, or -1 if unknown: a row timed while the
// host was busy elsewhere is less trustworthy, even with alternation.
func othersLoad(before, after cpuSnapshot) float64 {
	wall := after.at.Sub(before.at).Seconds()
	if !before.available || !after.available || wall <= 0 {
		return -1
	}
	return max(0, (after.hostBusy-before.hostBusy)-(after.ownCPU-before.ownCPU)) / wall
}
