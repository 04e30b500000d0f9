package handlers_test

import (
	"encoding/csv"
	"strings"
	"testing"
)

// formulas are cell starts a spreadsheet would run; each must come out with a leading '.
var formulas = []string{`=HYPERLINK("http://evil.example/","click")`, "+1+1", "-2", "@SUM(1)"}

// readCSV fetches a CSV export and parses it with encoding/csv.
func (e *rsvpEnv) readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	res := e.call(t, "GET", path, "")
	if res.Status != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") ||
		!strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment") {
		t.Fatalf("%s: %d %v %s", path, res.Status, res.Header, res.Body)
	}
	rows, err := csv.NewReader(strings.NewReader(res.Body)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return rows
}

// column returns the values of a named column.
func column(t *testing.T, rows [][]string, name string) []string {
	t.Helper()
	for i, h := range rows[0] {
		if h == name {
			var out []string
			for _, r := range rows[1:] {
				out = append(out, r[i])
			}
			return out
		}
	}
	t.Fatalf("no column %q in %v", name, rows[0])
	return nil
}

// wantDefused fails unless every formula appears in values, each with a leading '.
func wantDefused(t *testing.T, what string, values []string) {
	t.Helper()
	for _, f := range formulas {
		found := false
		for _, v := range values {
			if v == "'"+f {
				found = true
			}
			if v == f {
				t.Errorf("%s: %q left as a formula", what, f)
			}
		}
		if !found {
			t.Errorf("%s: %q not found defused in %q", what, f, values)
		}
	}
}

// TestCSVExportsDefuseFormulas: names and answers that start like a formula come out of both
// the attendees and the feedback export with a leading ', and the feedback CSV has every column.
func TestCSVExportsDefuseFormulas(t *testing.T) {
	e := newDoorEnv(t, 4, 4, 10)
	for i, f := range formulas {
		p := e.people[i]
		if _, err := e.app.Store.DB.Exec(`UPDATE people SET name = $2 WHERE id = $1`, p.ID, f); err != nil {
			t.Fatal(err)
		}
		_, err := e.app.Store.DB.Exec(`INSERT INTO feedback (meetup_id, person_id, team_id, rating, nps, impact, useful, improve, next_topics)
			VALUES ($1, $2, $3, $4, $5, 3, $6, $7, $8)`, e.meetup.ID, p.ID, e.app.Team.ID, i+1, 9-i, f, formulas[(i+1)%4], formulas[(i+2)%4])
		if err != nil {
			t.Fatal(err)
		}
	}
	att := e.readCSV(t, "/api/v1/meetups/"+e.meetup.ID+"/attendees.csv")
	wantDefused(t, "attendees name", column(t, att, "name"))

	fb := e.readCSV(t, "/api/v1/meetups/"+e.meetup.ID+"/feedback.csv")
	if got := strings.Join(fb[0], ","); got != "name,email,rating,nps,impact,useful,improve,next_topics,answered_at" {
		t.Fatalf("feedback header %q", got)
	}
	if len(fb) != 5 {
		t.Fatalf("feedback rows: %d", len(fb)-1)
	}
	for _, col := range []string{"name", "useful", "improve", "next_topics"} {
		wantDefused(t, "feedback "+col, column(t, fb, col))
	}
	if r := fb[1]; r[1] != "p0@example.com" || r[2] != "1" || r[3] != "9" || r[4] != "3" || !strings.HasSuffix(r[8], "Z") {
		t.Fatalf("first feedback row %q", r)
	}
	if a := auditActions(t, e.app); a["feedback.export"] != 1 || a["attendees.export"] != 1 {
		t.Fatalf("exports not audited: %v", a)
	}
}
