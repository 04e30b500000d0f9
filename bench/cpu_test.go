package bench

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/convene/convene/models"
)

// cpuMeter measures CPU seconds used by this process and by the PostgreSQL backends serving the
// bench's database: on a shared machine wall time is noisy, CPU time much less so.
type cpuMeter struct {
	store *models.Store
	self  float64
	pg    map[int]float64
}

// startCPU takes the first reading.
func startCPU(store *models.Store) *cpuMeter {
	m := &cpuMeter{store: store}
	m.self, m.pg = selfCPU(), m.backends()
	return m
}

// stop returns the CPU seconds used since the start: this process, and PostgreSQL.
func (m *cpuMeter) stop() (self, pg float64) {
	self = selfCPU() - m.self
	for pid, now := range m.backends() {
		pg += now - m.pg[pid]
	}
	return self, pg
}

// backends reads the CPU seconds of each backend connected to the bench database.
func (m *cpuMeter) backends() map[int]float64 {
	var pids []int
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = m.store.DB.SelectContext(ctx, &pids, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`)
	out := make(map[int]float64, len(pids))
	for _, pid := range pids {
		out[pid] = procCPU(pid)
	}
	return out
}

// procCPU is the user+system CPU seconds of a process, from /proc (0 when unreadable).
func procCPU(pid int) float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndex(s, ")")+2:])
	if len(f) < 13 {
		return 0
	}
	u, _ := strconv.ParseFloat(f[11], 64)
	st, _ := strconv.ParseFloat(f[12], 64)
	return (u + st) / 100 // clock ticks; 100 per second on Linux
}

// selfCPU is this process's user+system CPU seconds.
func selfCPU() float64 {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
