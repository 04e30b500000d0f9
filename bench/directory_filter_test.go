package bench

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
	"github.com/lib/pq"
)

// Two ways to match an audience rule of a city and an interest, case and accents aside: the
// stored folds the models read (migration 00016), and folding every person as the query scans.
const (
	foldStoredSQL = `SELECT count(*) FROM people WHERE team_id = $1 AND location_fold = ANY ($2) AND interests_fold && $3`
	foldPerRowSQL = `SELECT count(*) FROM people WHERE team_id = $1 AND search_fold(location) = ANY ($2)
  AND search_fold_each(interests) && $3`
)

// BenchmarkDirectoryFilter10k times the directory's filters on the shared 10,000 people: the
// people list filtered by a city typed without its accent, an audience's size, and the two ways
// of matching above, alternated in one run, with their ratio.
func BenchmarkDirectoryFilter10k(b *testing.B) {
	data, err := os.ReadFile("testdata/people-10k.csv")
	if err != nil {
		b.Fatal(err)
	}
	ctx, store := context.Background(), testutil.DB(b)
	team, err := store.EnsureTeam(ctx, "Bench")
	if err != nil {
		b.Fatal(err)
	}
	importOnce(b, store, team.ID, data, 10000)
	aud := models.Audience{Locations: []string{"Sao Paulo"}, Interests: []string{"SEO"}}
	city, interest := pq.StringArray{"sao paulo"}, pq.StringArray{"seo"}
	var list, size, stored, perRow time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		list += timed(b, func() error {
			_, _, err := store.ListPeople(ctx, team.ID, models.PeopleFilter{Location: "Sao Paulo"}, models.Page{})
			return err
		})
		size += timed(b, func() error { _, err := store.CountMembers(ctx, team.ID, aud); return err })
		var a, c int
		stored += timed(b, func() error { return store.DB.GetContext(ctx, &a, foldStoredSQL, team.ID, city, interest) })
		perRow += timed(b, func() error { return store.DB.GetContext(ctx, &c, foldPerRowSQL, team.ID, city, interest) })
		if a != c || a == 0 {
			b.Fatalf("stored folds count %d, folding per row %d", a, c)
		}
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(b.N) }
	b.ReportMetric(ms(list), "ms/list")
	b.ReportMetric(ms(size), "ms/audience-size")
	b.ReportMetric(ms(stored), "ms/stored-folds")
	b.ReportMetric(ms(perRow), "ms/fold-per-row")
	b.Logf("10,000 people: list %.2f ms, audience size %.2f ms; stored folds %.2f ms, folding per row %.2f ms (%.1f× slower)",
		ms(list), ms(size), ms(stored), ms(perRow), float64(perRow)/float64(stored))
}

// timed runs f once and returns how long it took, failing the benchmark on its error.
func timed(b *testing.B, f func() error) time.Duration {
	start := time.Now()
	if err := f(); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}
