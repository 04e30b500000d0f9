package bench

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// The storm of the RSVP goal: 200 clients, 5,000 answers, a 100-seat meetup.
const (
	rsvpClients   = 200
	rsvpPerClient = 20 // first answers per client: 4,000 people
	rsvpChanges   = 5  // changed answers per client: 1,000 more POSTs
	rsvpSeats     = 100
	rsvpPool      = 20 // database connections, for the app and for the ceiling alike
)

// BenchmarkRSVPStorm posts 5,000 answers over HTTP to the running app and, in the same run,
// measures the ceiling (one upsert per answer straight on the database) just before and just
// after, so that a shared machine's load weighs on both alike; it prints the figures, their
// ratio and the final counts, which must hold exactly 100 confirmed in person.
func BenchmarkRSVPStorm(b *testing.B) {
	for range b.N {
		b.StopTimer()
		rb := rsvpSetup(b, rsvpClients*rsvpPerClient, rsvpSeats, rsvpPool)
		plan := rsvpPlan(rb.tokens, rsvpClients, rsvpPerClient, rsvpChanges)
		posts := rsvpClients * (rsvpPerClient + rsvpChanges)
		before := rsvpCeilingRate(b, rb, posts, "before")
		cpu := startCPU(rb.app.Store)
		b.StartTimer()
		stopProfile := profilePhase("storm")
		storm := rsvpStorm(rb.app.URL, plan)
		stopProfile()
		b.StopTimer()
		self, pg := cpu.stop()
		fmt.Printf("CPU during the storm: %.1f s in this process (clients and app), %.1f s in PostgreSQL, of %.1f s wall\n", self, pg, storm.elapsed.Seconds())
		after := rsvpCeilingRate(b, rb, posts, "after")
		c := rsvpCounts(b, rb)
		rate, ceil := float64(posts)/storm.elapsed.Seconds(), (before+after)/2
		fmt.Printf("RSVP storm over HTTP: %d POSTs from %d clients in %v: %.0f answers/s, p50 %v, p99 %v, %d failed %s\n",
			posts, rsvpClients, storm.elapsed.Round(1e6), rate, percentile(storm.latencies, .5).Round(1e5),
			percentile(storm.latencies, .99).Round(1e5), storm.failed, storm.firstFail)
		fmt.Printf("first wave (each client's first answer, %d at once): p50 %v, max %v; %d of the %d answers over 100 ms were in it; the later answers: p50 %v, p99 %v\n",
			rsvpClients, percentile(storm.firstWave, .5).Round(1e5), percentile(storm.firstWave, 1).Round(1e5),
			over(storm.firstWave, 100*time.Millisecond), over(storm.latencies, 100*time.Millisecond),
			percentile(storm.later, .5).Round(1e5), percentile(storm.later, .99).Round(1e5))
		batches, fallbacks := rb.app.Store.AnswerBatches()
		fmt.Printf("ratio: %.1f%% of the ceiling's mean %.0f rows/s (goal ≥ 25%%)\nfinal: %s\nbatches: %d, %d failed as a whole\n",
			100*rate/ceil, ceil, c, batches, fallbacks)
		b.ReportMetric(rate, "answers/s")
		b.ReportMetric(100*rate/ceil, "%ceiling")
		if c.yesInPerson != rsvpSeats || storm.failed > 0 || c.problems != "" || fallbacks > 0 {
			b.Fatalf("capacity not exact, requests failed or batches failed: %s, %d failed, %d batches failed", c, storm.failed, fallbacks)
		}
	}
}

// rsvpCeilingRate measures and prints the ceiling once, returning rows per second.
func rsvpCeilingRate(b *testing.B, rb *rsvpBench, n int, when string) float64 {
	b.Helper()
	ceil, err := rsvpCeiling(context.Background(), rb.app.Store, rsvpClients, n)
	if err != nil {
		b.Fatal(err)
	}
	rate := float64(len(ceil.latencies)) / ceil.elapsed.Seconds()
	fmt.Printf("ceiling %s (INSERT … ON CONFLICT DO UPDATE, %d clients, pool %d): %.0f rows/s, p50 %v, p99 %v\n",
		when, rsvpClients, rsvpPool, rate, percentile(ceil.latencies, .5).Round(1e5), percentile(ceil.latencies, .99).Round(1e5))
	return rate
}
