package handlers_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
)

// section is the part of body from the element with that id attribute to the next id marker
// (until), "" when either is missing.
func section(body, from, until string) string {
	_, rest, ok := strings.Cut(body, from)
	if !ok {
		return ""
	}
	part, _, ok := strings.Cut(rest, until)
	if !ok {
		return ""
	}
	return part
}

// TestLineupAndScoreErrorsSitBesideTheirForm: "Ask them to confirm" with nobody picked says what
// to do inside the lineup form, above its button (focused, so the page scrolls there), not under
// the page title, in English and Russian (and the API's field says the same); a bad score and over-long notes show in the candidate's
// card beside their field. Nothing is sent or saved.
func TestLineupAndScoreErrorsSitBesideTheirForm(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	m := a.meetup("Forms", "Go", "Europe/Kyiv")
	cand := spkAnswered(t, app, a, m, "Ada", "Talk", a.slot(m, time.Now().Add(72*time.Hour).Truncate(time.Hour)))
	c, base := loggedIn(t, app), "/meetups/"+m+"/speakers"
	page := c.Get(t, base+"/compare").Body
	const want = "Pick at least one speaker and give them a slot."
	res := formPost(t, c, base+"/lineup", page, url.Values{})
	wantPage(t, res, 422, want)
	if top := section(res.Body, "<h1>", `id="lineup"`); strings.Contains(top, want) || strings.Contains(top, `class="error"`) {
		t.Fatalf("the lineup's error is above the lineup:\n%s", top)
	}
	mustContain(t, "lineup form", section(res.Body, `id="lineup"`, `</form>`),
		`<p class="error" role="alert" id="e-speakers">`+want+`</p>`, `id="send-lineup" autofocus>`)
	empty := newAPI(t, app).call(t, "POST", "/api/v1/meetups/"+m+"/lineup", "application/json", map[string]any{"speakers": []any{}})
	wantFieldError(t, "API lineup", empty, "speakers", want)
	if err := app.Store.SetUserLang(t.Context(), app.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	res = formPost(t, c, base+"/lineup", page, url.Values{})
	mustContain(t, "Russian lineup form", section(res.Body, `id="lineup"`, `</form>`), "Выберите хотя бы одного спикера и назначьте ему слот.")
	if err := app.Store.SetUserLang(t.Context(), app.User.ID, "en"); err != nil {
		t.Fatal(err)
	}
	res = formPost(t, c, base+"/candidates/"+cand+"/scores", page, url.Values{"availability": {"9"}, "notes": {strings.Repeat("n", 5001)}})
	wantPage(t, res, 422)
	card := section(res.Body, `id="card-`+cand+`"`, `</article>`)
	mustContain(t, "card", card, `aria-invalid="true" autofocus>`, `<p class="error">A score is a whole number from 1 to 5.</p>`,
		`id="e-notes-`+cand+`">At most 5000 characters.</p>`)
	if top := section(res.Body, "<h1>", `id="card-`); strings.Contains(top, `class="error"`) {
		t.Fatalf("a score's error is above the cards:\n%s", top)
	}
	var n int
	if err := app.Store.DB.Get(&n, `SELECT count(*) FROM candidates WHERE id = $1 AND (score_availability IS NOT NULL OR status = 'invited')`, cand); err != nil || n != 0 {
		t.Fatalf("refused forms changed the candidate (%d, %v)", n, err)
	}
}
