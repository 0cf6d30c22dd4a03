module zerokara.example/external

go 1.26

require zerokara v0.0.0

require (
	github.com/klauspost/cpuid/v2 v2.4.2 // indirect
	golang.org/x/sys v0.41.0 // indirect
)

replace zerokara => ../..
