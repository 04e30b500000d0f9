// Package gctune sets the Go garbage collector the way convene serve runs it: a collection
// after the heap grows 400 % instead of 100 %, under a soft memory limit of 128 MiB, unless the
// standard GOGC or GOMEMLIMIT variables say otherwise. Sending mail and answering RSVPs make
// short-lived garbage (rendered bodies, rows) over a live heap of a few MB, so the default
// collector runs every few MB and costs a tenth to a fifth of the CPU; the limit keeps the
// process small, since the collector works harder as the heap nears it (docs/configuration.md).
package gctune

import (
	"os"
	"runtime/debug"
)

const (
	// Percent is the GOGC that serve uses when GOGC is not set.
	Percent = 400
	// Limit is the soft memory limit, in bytes, that serve uses when GOMEMLIMIT is not set.
	Limit = 128 << 20
)

// Settings are the collector's settings in effect: GOGC (-1 for off) and the memory limit.
type Settings struct {
	Percent int
	Limit   int64
}

// Apply sets Percent and Limit where the environment does not set GOGC or GOMEMLIMIT, and
// returns the settings in effect.
func Apply() Settings {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(Percent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(Limit)
	}
	return Current()
}

// Current reads the collector's settings without changing them.
func Current() Settings {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return Settings{Percent: p, Limit: debug.SetMemoryLimit(-1)}
}
