// Command qabot answers questions about news articles with the sentence
// that says so, in a terminal chat, one question at a time, or as JSON for
// scripts. Run "qabot help" for usage; package cli does the work.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/qabot/qabot/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.RunEnv(ctx, os.Args[1:], os.LookupEnv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
