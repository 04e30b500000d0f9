package mailer

import (
	"testing"
	"time"
)

func TestBackoffDoublesWithJitterUpToMax(t *testing.T) {
	base, top := time.Second, 20*time.Second
	for attempts, full := range map[int]time.Duration{1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second, 6: top, 40: top} {
		for range 50 {
			d := backoff(attempts, base, top)
			if d < full/2 || d > full {
				t.Fatalf("after %d attempts: %v, want within [%v, %v]", attempts, d, full/2, full)
			}
		}
	}
}
