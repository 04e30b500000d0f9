package bench

import (
	"fmt"
	"os"
	"testing"

	"github.com/convene/convene/internal/gctune"
)

// TestMain runs the benchmarks with the garbage collector set as convene serve sets it (GOGC and
// GOMEMLIMIT in the environment still win, as they do for serve).
func TestMain(m *testing.M) {
	gc := gctune.Apply()
	fmt.Printf("bench: garbage collector as in serve: GOGC=%d, memory limit %d MiB\n", gc.Percent, gc.Limit>>20)
	os.Exit(m.Run())
}
