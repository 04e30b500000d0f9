package gctune_test

import (
	"runtime/debug"
	"testing"

	"github.com/convene/convene/internal/gctune"
)

// restore puts the collector back as the test found it.
func restore(t *testing.T) {
	before := gctune.Current()
	t.Cleanup(func() {
		debug.SetGCPercent(before.Percent)
		debug.SetMemoryLimit(before.Limit)
	})
}

func TestApplySetsServeDefaults(t *testing.T) {
	restore(t)
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	if got := gctune.Apply(); got != (gctune.Settings{Percent: 400, Limit: 128 << 20}) {
		t.Fatalf("settings %+v, want GOGC 400 and 128 MiB", got)
	}
}

func TestApplyKeepsTheEnvironment(t *testing.T) {
	restore(t)
	debug.SetGCPercent(150)
	debug.SetMemoryLimit(1 << 30)
	t.Setenv("GOGC", "150")
	t.Setenv("GOMEMLIMIT", "1GiB")
	if got := gctune.Apply(); got != (gctune.Settings{Percent: 150, Limit: 1 << 30}) {
		t.Fatalf("settings %+v, want the environment's GOGC 150 and 1 GiB", got)
	}
}
