package kernelbench

import "github.com/klauspost/cpuid/v2"

// cpuName is the processor's brand string.
func cpuName() string { return cpuid.CPU.BrandName }
