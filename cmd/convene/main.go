// Command convene runs Convene: the web server and workers, migrations, users, tokens and the demo.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	_ "time/tzdata" // meetup time zones work on machines without zoneinfo

	"github.com/convene/convene/internal/gctune"
)

const usage = `convene — internal meetups from first idea to feedback

Usage:
  convene serve [flags]                      run the web server and the workers (migrates first)
  convene migrate [up|down|status]           database migrations
  convene demo                               load a demo company and print how to log in
  convene user create --email E --role admin|organiser [--team T] [--name N] [--lang en|ru]
                                             create a user; the password is read from stdin
  convene token create --email E [--name N]  print a new API token for that user
  convene import people FILE.csv [--team T]  import the directory (a progress bar on a terminal)

Configuration comes from the environment; see README.md.
`

func main() {
	gctune.Apply()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run dispatches a subcommand and returns the exit code.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	env := &cli{stdin: stdin, stdout: stdout, stderr: stderr}
	var err error
	switch args[0] {
	case "serve":
		err = env.serve(ctx, args[1:])
	case "migrate":
		err = env.migrate(ctx, args[1:])
	case "demo":
		err = env.demo(ctx, args[1:])
	case "user":
		err = env.user(ctx, args[1:])
	case "token":
		err = env.token(ctx, args[1:])
	case "import":
		err = env.importCmd(ctx, args[1:])
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "convene: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if err != nil {
		if ue, ok := err.(usageError); ok {
			fmt.Fprintf(stderr, "convene: %s\n", ue)
			return 2
		}
		fmt.Fprintf(stderr, "convene: %v\n", err)
		return 1
	}
	return 0
}

// cli carries the standard streams to the subcommands.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// usageError is a mistake in the command line, answered with exit code 2.
type usageError string

func (e usageError) Error() string { return string(e) }
