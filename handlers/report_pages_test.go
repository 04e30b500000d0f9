package handlers_test

import (
	"net/url"
	"testing"
	"time"
)

// TestReportPageInRussian renders the report for an organiser who reads Russian: texts from the
// catalogue and decimal commas.
func TestReportPageInRussian(t *testing.T) {
	t.Parallel()
	e := newReportEnv(t)
	m := reportFixture(e)
	e.exec(`UPDATE users SET lang = 'ru' WHERE id = $1`, e.User.ID)
	body := e.c.Get(t, "/meetups/"+m.ID+"/report").Body
	mustContain(t, "Russian report", body, "Воронка", "Ответили «да»", `id="kpi-rating">3,75<`, "6 · 66,7%", "Предложенные темы")
}

// TestSeriesFormsAndScopes: a series without a name is refused with its field error and kept
// input; a good one is created and shown; another team's series and meetup pages are 404.
func TestSeriesFormsAndScopes(t *testing.T) {
	t.Parallel()
	e := newReportEnv(t)
	page := e.c.Get(t, "/series").Body
	res := formPost(t, e.c, "/series", page, url.Values{"name": {"  "}, "cadence": {"monthly"}})
	if res.Status != 422 {
		t.Fatalf("empty name = %d", res.Status)
	}
	mustContain(t, "refused series form", res.Body, "This field is required.", `value="monthly"`)
	res = formPost(t, e.c, "/series", page, url.Values{"name": {"Tech Tuesdays"}, "cadence": {"weekly"}})
	if res.Status != 303 {
		t.Fatalf("create series = %d", res.Status)
	}
	mustContain(t, "new series page", e.c.Get(t, res.Header.Get("Location")).Body, "Tech Tuesdays", "No meetup of this series has taken place yet.")
	mustContain(t, "series list", e.c.Get(t, "/series").Body, "Tech Tuesdays")

	other, _ := e.AddUser(t, "Other Team", "other@example.com", "organiser")
	var sid, mid string
	if err := e.Store.DB.GetContext(e.ctx, &sid, `INSERT INTO series (team_id, name) VALUES ($1, 'Theirs') RETURNING id`, other.ID); err != nil {
		t.Fatal(err)
	}
	if err := e.Store.DB.GetContext(e.ctx, &mid, `INSERT INTO meetups (team_id, title, ical_uid, starts_at, ends_at)
		VALUES ($1, 'Theirs', 'theirs@convene', now() - interval '3 hours', now() - interval '2 hours') RETURNING id`, other.ID); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/series/" + sid, "/meetups/" + mid + "/celebrate", "/series/not-a-uuid"} {
		if res := e.c.Get(t, p); res.Status != 404 {
			t.Errorf("%s = %d, want 404", p, res.Status)
		}
	}
	apiError(t, "other team's series", e.api.call(t, "GET", "/api/v1/series/"+sid, "", nil), 404, "not_found")
	res = formPost(t, e.c, "/meetups/"+mid+"/celebrate", page, url.Values{})
	if res.Status != 404 {
		t.Fatalf("celebrating another team's meetup = %d", res.Status)
	}
	var celebrated *time.Time
	_ = e.Store.DB.QueryRowContext(e.ctx, `SELECT celebrated_at FROM meetups WHERE id = $1`, mid).Scan(&celebrated)
	if celebrated != nil {
		t.Fatal("another team's meetup was celebrated")
	}
}
