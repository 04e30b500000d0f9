package handlers_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// celebrated is a meetup that ended, with two speakers (en, ru), three checked-in attendees
// (en, ru, en), one who said yes but was not checked in, and four answers.
type celebrated struct {
	*reportEnv
	m        models.Meetup
	speakers []string
	ppl      []string
}

func newCelebrated(t *testing.T) celebrated {
	e := newReportEnv(t)
	c := celebrated{reportEnv: e, m: e.meetup("Observability", time.Now().Add(-4*time.Hour), "")}
	c.speakers = []string{e.speaker(c.m.ID, "Ada Speaker", "ada@speakers.test", "en", "Tracing in practice"),
		e.speaker(c.m.ID, "Борис Докладчик", "boris@speakers.test", "ru", "Метрики без шума")}
	c.ppl = append(e.people("en", 2, "en"), e.people("ru", 1, "ru")...)
	c.ppl = append(c.ppl, e.people("late", 1, "en")...)
	c.ppl = append(c.ppl, e.people("absent", 1, "en")...)
	for i, id := range c.ppl {
		e.rsvp(c.m.ID, id, "yes", i < 3)
	}
	e.feedback(c.m.ID, c.ppl[0], 5, 10, 5, "The sampling tricks", "", "")
	e.feedback(c.m.ID, c.ppl[1], 4, 8, 4, "", "Louder microphone", "")
	e.feedback(c.m.ID, c.ppl[2], 5, 9, 4, "Примеры из продакшена", "", "")
	e.feedback(c.m.ID, c.ppl[3], 4, 9, 3, "", "", "")
	return c
}

// outboxCount counts the team's outbox rows of a kind.
func (e *reportEnv) outboxCount(kind string) int {
	e.t.Helper()
	var n int
	if err := e.Store.DB.GetContext(e.ctx, &n, `SELECT count(*) FROM outbox WHERE team_id = $1 AND kind = $2`, e.Team.ID, kind); err != nil {
		e.t.Fatal(err)
	}
	return n
}

// TestCelebrateSendsOnceInTheRightLanguage: one thank-you per speaker and one recap per attendee,
// delivered through SMTP in each recipient's language; a second celebrate is refused and sends
// nothing; the speakers' history then shows the talk and its rating.
func TestCelebrateSendsOnceInTheRightLanguage(t *testing.T) {
	t.Parallel()
	c := newCelebrated(t)
	body := map[string]any{"worked": "Short talks, long questions", "change": "Start on time",
		"recap_links": []string{"https://slides.example.com/obs", "", "https://video.example.com/obs"}}
	var res models.CelebrateResult
	c.api.json(t, "POST", "/api/v1/meetups/"+c.m.ID+"/celebrate", body, 200, &res)
	if res.Thanked != 2 || res.Recapped != 4 || res.Stage != "done" {
		t.Fatalf("celebrate = %+v, want 2 speakers, 4 attendees (3 checked in, 1 who answered the form), done", res)
	}
	got := byRecipient(t, deliverAll(t, c.App, 6))
	if len(got) != 6 {
		t.Fatalf("delivered to %d addresses, want 6", len(got))
	}
	ada, boris := got["ada@speakers.test"], got["boris@speakers.test"]
	mustContain(t, "English thank-you", ada.Subject+"\n"+ada.Text, "Thank you for speaking at “Observability”",
		"Average rating: 4.5 of 5 (4 answers).", "The sampling tricks", "Примеры из продакшена")
	mustContain(t, "Russian thank-you", boris.Subject+"\n"+boris.Text, "Спасибо за выступление на «Observability»",
		"Средняя оценка: 4,5 из 5 (4 ответа).")
	en, ru := got["en-0@example.com"], got["ru-0@example.com"]
	mustContain(t, "English recap", en.Subject+"\n"+en.Text, "Recap: “Observability”", "https://slides.example.com/obs",
		"https://video.example.com/obs", "Short talks, long questions", "Start on time")
	mustContain(t, "Russian recap", ru.Subject+"\n"+ru.Text, "Итоги: «Observability»", "Что получилось:", "https://video.example.com/obs")
	mustContain(t, "recap to one who answered the form without a check-in", got["late-0@example.com"].Subject, "Recap: “Observability”")
	if _, ok := got["absent-0@example.com"]; ok {
		t.Fatal("someone who was neither checked in nor answered the form got the recap")
	}
	for _, m := range []capturedMail{ada, boris, en, ru} {
		if m.ReplyTo != c.App.User.Email {
			t.Fatalf("mail to %s: Reply-To %q, want the organiser %s (a reply must reach them)", m.To, m.ReplyTo, c.App.User.Email)
		}
	}

	res2 := c.api.call(t, "POST", "/api/v1/meetups/"+c.m.ID+"/celebrate", "application/json", body)
	e := apiError(t, "second celebrate", res2, 409, "already_celebrated").Error
	if !strings.Contains(e.Message, "already celebrated") {
		t.Fatalf("message = %q", e.Message)
	}
	if n := c.outboxCount("speaker_thanks") + c.outboxCount("recap"); n != 6 {
		t.Fatalf("outbox after a second celebrate: %d rows, want 6", n)
	}

	var sp models.Speaker
	c.api.json(t, "GET", "/api/v1/speakers/"+c.speakers[0], nil, 200, &sp)
	if sp.TalksGiven != 1 || sp.Rating == nil || *sp.Rating != 4.5 || sp.Ratings != 4 {
		t.Fatalf("speaker history = talks %d, rating %v, ratings %d", sp.TalksGiven, sp.Rating, sp.Ratings)
	}
	mustContain(t, "speakers page", c.c.Get(t, "/speakers").Body, "rated 4.5 by 4")
}

// TestCelebrateRefusals: a bad link, another team's meetup, a meetup not ended and a cancelled one
// get clear errors and change nothing.
func TestCelebrateRefusals(t *testing.T) {
	t.Parallel()
	c := newCelebrated(t)
	path := "/api/v1/meetups/" + c.m.ID + "/celebrate"
	bad := c.api.call(t, "POST", path, "application/json", map[string]any{"recap_links": []string{"https://ok.example.com", "javascript:alert(1)"}})
	if e := apiError(t, "bad link", bad, 422, "invalid").Error; e.Fields["recap_links.1"] == "" {
		t.Fatalf("fields = %v", e.Fields)
	}
	ctl := c.api.call(t, "POST", path, "application/json", map[string]any{"recap_links": []string{"https://example.com/sl\u0001ides"}})
	if e := apiError(t, "link with a control character", ctl, 422, "invalid").Error; !strings.Contains(e.Fields["recap_links.0"], "control character") {
		t.Fatalf("a link with a control character: fields = %v, want the control character named", e.Fields)
	}
	apiError(t, "unknown field", c.api.call(t, "POST", path, "application/json", map[string]any{"links": []string{}}), 422, "invalid")

	other, _ := c.AddUser(t, "Other Team", "other@example.com", "organiser")
	var theirs string
	if err := c.Store.DB.GetContext(c.ctx, &theirs, `INSERT INTO meetups (team_id, title, ical_uid, starts_at, ends_at)
		VALUES ($1, 'Theirs', 'theirs@convene', now() - interval '3 hours', now() - interval '2 hours') RETURNING id`, other.ID); err != nil {
		t.Fatal(err)
	}
	apiError(t, "other team", c.api.call(t, "POST", "/api/v1/meetups/"+theirs+"/celebrate", "application/json", map[string]any{}), 404, "not_found")

	future := c.meetup("Next week", time.Now().Add(7*24*time.Hour), "")
	e := apiError(t, "not ended", c.api.call(t, "POST", "/api/v1/meetups/"+future.ID+"/celebrate", "application/json", map[string]any{}), 409, "not_ended").Error
	if !strings.Contains(e.Message, "has not ended") {
		t.Fatalf("message = %q", e.Message)
	}
	gone := c.meetup("Gone", time.Now().Add(-48*time.Hour), "")
	c.exec(`UPDATE meetups SET stage = 'cancelled' WHERE id = $1`, gone.ID)
	apiError(t, "cancelled", c.api.call(t, "POST", "/api/v1/meetups/"+gone.ID+"/celebrate", "application/json", map[string]any{}), 409, "meetup_cancelled")

	var stage string
	var celebrated *time.Time
	if err := c.Store.DB.QueryRowContext(c.ctx, `SELECT stage, celebrated_at FROM meetups WHERE id = $1`, c.m.ID).Scan(&stage, &celebrated); err != nil {
		t.Fatal(err)
	}
	if stage != "scheduled" || celebrated != nil || c.outboxCount("recap")+c.outboxCount("speaker_thanks") != 0 {
		t.Fatalf("refusals changed something: stage %s, celebrated %v", stage, celebrated)
	}
	var rated int
	_ = c.Store.DB.GetContext(c.ctx, &rated, `SELECT count(*) FROM candidates WHERE rating IS NOT NULL`)
	if rated != 0 {
		t.Fatal("a refused celebration rated the talks")
	}
}

// TestCelebrateDoubleClick: five celebrations at once give one 200 and four 409s, and each mail once.
func TestCelebrateDoubleClick(t *testing.T) {
	t.Parallel()
	c := newCelebrated(t)
	codes := make(chan int, 5)
	var wg sync.WaitGroup
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes <- c.api.call(t, "POST", "/api/v1/meetups/"+c.m.ID+"/celebrate", "application/json", map[string]any{"retrospective": "Good"}).Status
		}()
	}
	wg.Wait()
	close(codes)
	got := map[int]int{}
	for code := range codes {
		got[code]++
	}
	if got[200] != 1 || got[409] != 4 {
		t.Fatalf("statuses %v, want one 200 and four 409", got)
	}
	if n, s := c.outboxCount("recap"), c.outboxCount("speaker_thanks"); n != 4 || s != 2 {
		t.Fatalf("outbox: %d recaps, %d thank-yous; want 4 and 2", n, s)
	}
}
