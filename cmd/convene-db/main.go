// Command convene-db finds or starts a PostgreSQL for Convene and runs a command with DATABASE_URL set.
//
// Order: DATABASE_URL if set; a server on 127.0.0.1:5432; otherwise a private cluster started
// from the machine's PostgreSQL binaries on a free port — kept under .data/postgres for "run",
// in a temporary directory (removed afterwards) for "test".
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
)

func main() {
	mode := flag.String("mode", "run", "run (keep the data) or test (throwaway cluster)")
	dir := flag.String("dir", ".data/postgres", "data directory for a private cluster in run mode")
	flag.Parse()
	if flag.NArg() == 0 || (*mode != "run" && *mode != "test") {
		fmt.Fprintln(os.Stderr, "usage: convene-db [--mode run|test] [--dir DIR] -- command [args...]")
		os.Exit(2)
	}
	os.Exit(run(*mode, *dir, flag.Args()))
}

// run provides a database, runs the command and cleans up what it started.
func run(mode, dir string, cmdline []string) int {
	ctx := context.Background()
	db, err := provide(ctx, mode, dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "convene-db:", err)
		return 1
	}
	defer db.Close()
	return runCommand(cmdline, db.URL)
}

// runCommand runs the command with DATABASE_URL; Ctrl-C reaches it, and we wait to clean up.
func runCommand(cmdline []string, url string) int {
	cmd := exec.Command(cmdline[0], cmdline[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), "DATABASE_URL="+url)
	// Catch (not ignore) the signals, so the child keeps default handling: Ctrl-C reaches it
	// through the terminal's process group, SIGTERM sent to us is passed on, and we stay to clean up.
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "convene-db:", err)
		return 1
	}
	go forward(sigs, cmd)
	err := cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ee.ExitCode() < 0 {
			return 1
		}
		return ee.ExitCode()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "convene-db:", err)
		return 1
	}
	return 0
}

// forward passes SIGTERM on to the child; SIGINT already reached it from the terminal.
func forward(sigs <-chan os.Signal, cmd *exec.Cmd) {
	for s := range sigs {
		if s == syscall.SIGTERM && cmd.Process != nil {
			_ = cmd.Process.Signal(s)
		}
	}
}
