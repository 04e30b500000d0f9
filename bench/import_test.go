// Package bench measures Convene's heavy paths against a real PostgreSQL:
//
//	go run ./cmd/convene-db --mode test -- go test -run '^$' -bench Import ./bench/
package bench

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/convene/convene/directory"
	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// BenchmarkImport10k imports the shared 10,000-person sample into an empty directory.
func BenchmarkImport10k(b *testing.B) {
	data, err := os.ReadFile("testdata/people-10k.csv")
	if err != nil {
		b.Fatal(err)
	}
	benchImport(b, data, 10000, false)
}

// BenchmarkImport50k imports a generated 50,000-person file into an empty directory (goal: ≤ 5 s).
func BenchmarkImport50k(b *testing.B) { benchImport(b, generate(50000), 50000, false) }

// BenchmarkReimport50k imports the same 50,000 people again: every row is unchanged.
func BenchmarkReimport50k(b *testing.B) { benchImport(b, generate(50000), 50000, true) }

// benchImport parses and imports data b.N times, each into a fresh database (made outside the timer).
func benchImport(b *testing.B, data []byte, rows int, again bool) {
	ctx := context.Background()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		store := testutil.DB(b)
		team, err := store.EnsureTeam(ctx, "Bench")
		if err != nil {
			b.Fatal(err)
		}
		if again {
			importOnce(b, store, team.ID, data, rows)
		}
		b.StartTimer()
		start := time.Now()
		importOnce(b, store, team.ID, data, rows)
		total += time.Since(start)
	}
	perSec := float64(rows*b.N) / total.Seconds()
	hwm := peakRSSMiB()
	b.ReportMetric(perSec, "rows/s")
	b.ReportMetric(hwm, "peak-RSS-MiB")
	b.ReportMetric(total.Seconds()/float64(b.N), "s/import")
	b.Logf("%d rows in %.2f s per import: %.0f rows/s, peak RSS %.0f MiB", rows, total.Seconds()/float64(b.N), perSec, hwm)
}

// importOnce parses and imports one file, checking that every row arrived.
func importOnce(b *testing.B, store *models.Store, teamID string, data []byte, rows int) {
	res, err := directory.Parse(data)
	if err != nil {
		b.Fatal(err)
	}
	c, err := store.ImportPeople(context.Background(), models.ImportRequest{TeamID: teamID, Source: "bench", People: res.People()})
	if err != nil {
		b.Fatal(err)
	}
	if c.Created+c.Updated+c.Unchanged != rows || len(res.Errors) != 0 {
		b.Fatalf("imported %+v with %d errors, want %d rows", c, len(res.Errors), rows)
	}
}

// generate writes a directory of n people shaped like the shared samples.
func generate(n int) []byte {
	deps := []string{"Engineering", "Sales", "Analytics", "HR", "Legal", "Design", "SEO", "PPC"}
	locs := []string{"Berlin", "Kyiv", "Warsaw", "Singapore", "Remote", "London", "São Paulo"}
	zones := []string{"Europe/Berlin", "Europe/Kyiv", "Europe/Warsaw", "Asia/Singapore", "UTC", "Europe/London", "America/Sao_Paulo"}
	tags := []string{"go", "python", "data", "ai", "seo", "writing", "ux", "leadership", "public speaking"}
	var buf bytes.Buffer
	buf.WriteString("email,name,department,location,timezone,interests,language\n")
	for i := 0; i < n; i++ {
		l := i % len(locs)
		fmt.Fprintf(&buf, "person.%d@example.com,Person %d,%s,%s,%s,%s;%s,%s\n", i, i, deps[i%len(deps)], locs[l], zones[l],
			tags[i%len(tags)], tags[(i/3)%len(tags)], []string{"en", "ru"}[i%2])
	}
	return buf.Bytes()
}

// peakRSSMiB is the process's peak resident set size in MiB (VmHWM).
func peakRSSMiB() float64 { return float64(peakRSS()) / (1 << 20) }
