// Command gui is the zerokara lab. For now it runs the experiments of Deep
// Learning from Scratch §6.2–6.3 headless and writes JSON, CSV and PNG:
//
//	go run ./gui -run activations|initcompare|batchnorm [-out DIR] [flags]
//
// See -h for every flag.
package main

import (
	"context"
	"os"
	"os/signal"

	"zerokara/gui/headless"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := headless.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
