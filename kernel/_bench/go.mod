module zerokara/kernel/_bench

go 1.26.0

require (
	github.com/gomlx/compute v0.1.35
	gonum.org/v1/gonum v0.17.0
	zerokara v0.0.0
)

require (
	github.com/go-logr/logr v1.4.3 // indirect
	github.com/klauspost/cpuid/v2 v2.4.2 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	golang.org/x/exp v0.0.0-20260908205506-85c1c2202aba // indirect
	golang.org/x/sys v0.41.0 // indirect
	k8s.io/klog/v2 v2.140.0 // indirect
)

replace zerokara => ../..
