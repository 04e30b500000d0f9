package models_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// people makes n normalized people whose addresses start at from.
func people(from, n int, dept string) []models.Person {
	out := make([]models.Person, n)
	for i := range out {
		out[i] = models.Person{Email: fmt.Sprintf("P%d@Example.com", from+i), Name: fmt.Sprint("Person ", from+i),
			Department: dept, Timezone: "UTC", Language: "en", Interests: []string{"go"}}
	}
	return out
}

// TestImportCountsAcrossBatches proves the counts over several batches, case-insensitive matching
// and that two overlapping imports at once neither deadlock nor duplicate anyone.
func TestImportCountsAcrossBatches(t *testing.T) {
	store := testutil.DB(t)
	ctx := context.Background()
	team, err := store.EnsureTeam(ctx, "Import")
	if err != nil {
		t.Fatal(err)
	}
	first, err := store.ImportPeople(ctx, models.ImportRequest{TeamID: team.ID, People: people(0, 2500, "Eng")})
	if err != nil || first != (models.ImportCounts{Created: 2500}) {
		t.Fatalf("first import %+v, %v", first, err)
	}
	next := append(people(0, 1000, "Eng"), people(1000, 1000, "Sales")...)
	next = append(next, people(5000, 500, "Eng")...)
	for i := range next {
		next[i].Email = "p" + next[i].Email[1:] // same addresses in another case
	}
	second, err := store.ImportPeople(ctx, models.ImportRequest{TeamID: team.ID, People: next})
	if err != nil || second != (models.ImportCounts{Created: 500, Updated: 1000, Unchanged: 1000}) {
		t.Fatalf("second import %+v, %v", second, err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[g] = store.ImportPeople(ctx, models.ImportRequest{TeamID: team.ID, People: people(2000+g*1000, 3000, fmt.Sprint("G", g))})
		}()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatalf("concurrent imports: %v", errs)
	}
	if n, err := store.CountPeople(ctx, team.ID); err != nil || n != 6000 {
		t.Fatalf("%d people after all imports, %v", n, err)
	}
}
