package bench

import (
	"os"
	"path/filepath"
	"runtime/pprof"
	"runtime/trace"
)

// profilePhase profiles one phase of a bench (the mail bench's, the RSVP storm) into the directory BENCH_PROFILE names
// (nothing when unset): its CPU as <phase>.cpu, its allocations as <phase>.heap0 and
// <phase>.heap1 (compare them with pprof -base) and, with BENCH_TRACE set too, an execution
// trace as <phase>.trace. It returns the function that stops the profiles.
func profilePhase(phase string) (stop func()) {
	dir := os.Getenv("BENCH_PROFILE")
	if dir == "" {
		return func() {}
	}
	path := func(ext string) string { return filepath.Join(dir, phase+ext) }
	cpu := create(path(".cpu"))
	if err := pprof.StartCPUProfile(cpu); err != nil {
		panic(err)
	}
	var tr *os.File
	if os.Getenv("BENCH_TRACE") != "" {
		if tr = create(path(".trace")); trace.Start(tr) != nil {
			panic("bench: cannot trace")
		}
	}
	writeAllocs(path(".heap0"))
	return func() {
		writeAllocs(path(".heap1"))
		if tr != nil {
			trace.Stop()
			_ = tr.Close()
		}
		pprof.StopCPUProfile()
		_ = cpu.Close()
	}
}

// create makes a profile file, or panics: a profile asked for and not written is a failed run.
func create(path string) *os.File {
	f, err := os.Create(path)
	if err != nil {
		panic(err)
	}
	return f
}

// writeAllocs writes the allocation profile so far into path.
func writeAllocs(path string) {
	f := create(path)
	defer f.Close()
	_ = pprof.Lookup("allocs").WriteTo(f, 0)
}
