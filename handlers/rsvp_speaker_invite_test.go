package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/models"
)

// confirmSpeaker puts a confirmed speaker with a talk on a new slot of the env's meetup.
func (e *rsvpEnv) confirmSpeaker(t *testing.T, name, email, talk string, at time.Time) {
	t.Helper()
	db := e.app.Store.DB
	var sid, cid, slot string
	if err := db.Get(&sid, `INSERT INTO speakers (team_id, name, email, source) VALUES ($1, $2, $3, 'other') RETURNING id`,
		e.app.Team.ID, name, email); err != nil {
		t.Fatal(err)
	}
	if err := db.Get(&cid, `INSERT INTO candidates (team_id, meetup_id, speaker_id, status, talk_title, confirmed_at)
		VALUES ($1, $2, $3, 'confirmed', $4, now()) RETURNING id`, e.app.Team.ID, e.meetup.ID, sid, talk); err != nil {
		t.Fatal(err)
	}
	if err := db.Get(&slot, `INSERT INTO speaker_slots (meetup_id, starts_at, ends_at) VALUES ($1, $2, $3) RETURNING id`,
		e.meetup.ID, at, at.Add(20*time.Minute)); err != nil {
		t.Fatal(err)
	}
	db.MustExec(`INSERT INTO slot_holds (slot_id, candidate_id) VALUES ($1, $2)`, slot, cid)
}

// TestConfirmedSpeakersAreInvitedAsSpeakers: invitations/send reaches the audience and the
// confirmed speakers (even outside the audience; Guest Star, not in the directory, is added to it),
// the speakers as speakers with their talk; every invitation lists the lineup; a second send
// reaches nobody.
func TestConfirmedSpeakersAreInvitedAsSpeakers(t *testing.T) {
	e := newRSVPEnv(t, 3, 10)
	ctx := context.Background()
	aud, err := e.app.Store.CreateAudience(ctx, e.app.Team.ID, models.Audience{Name: "Not p2", ExcludeEmails: []string{"p2@example.com"}})
	if err != nil {
		t.Fatal(err)
	}
	e.app.Store.DB.MustExec(`UPDATE meetups SET audience_id = $1 WHERE id = $2`, aud, e.meetup.ID)
	start := time.Now().Add(7 * 24 * time.Hour)
	e.confirmSpeaker(t, "Person Two", "P2@example.com", "Generics in practice", start)
	e.confirmSpeaker(t, "Guest Star", "guest@example.org", "Why PostgreSQL", start.Add(30*time.Minute))
	path := "/api/v1/meetups/" + e.meetup.ID + "/invitations/send"
	if res := e.call(t, "POST", path, ""); res.Status != 200 || !strings.Contains(res.Body, `"invited":4`) {
		t.Fatalf("send: %d %s", res.Status, res.Body)
	}
	var rows []struct {
		Email string `db:"to_email"`
		Role  string `db:"role"`
		Text  string `db:"text_body"`
		HTML  string `db:"html_body"`
		Key   string `db:"idempotency_key"`
	}
	if err := e.app.Store.DB.Select(&rows, `SELECT o.to_email, r.role, o.text_body, o.html_body, o.idempotency_key
		FROM outbox o JOIN rsvps r ON r.meetup_id = o.meetup_id AND r.person_id = o.person_id
		WHERE o.meetup_id = $1 AND o.kind = 'invite' ORDER BY o.to_email`, e.meetup.ID); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0].Email != "guest@example.org" || rows[0].Role != "speaker" ||
		rows[3].Email != "p2@example.com" || rows[3].Role != "speaker" || rows[1].Role != "attendee" ||
		!strings.HasSuffix(rows[3].Key, ":speaker") || !strings.HasSuffix(rows[0].Key, ":speaker") {
		t.Fatalf("invitations: %+v", rows)
	}
	for _, r := range rows {
		talks := []string{"“Generics in practice”", "“Why PostgreSQL”"}
		if r.Email == "p1@example.com" { // reads Russian: «…»
			talks = []string{"«Generics in practice»", "«Why PostgreSQL»"}
		}
		for _, s := range append(talks, "Person Two", "Guest Star") {
			if !strings.Contains(r.Text, s) {
				t.Errorf("%s: the lineup lacks %q:\n%s", r.Email, s, r.Text)
			}
		}
		talk := map[string]string{"p2@example.com": "Generics in practice", "guest@example.org": "Why PostgreSQL"}[r.Email]
		speaking := talk != "" && strings.Contains(r.Text, "You are on the lineup as a speaker, with “"+talk+"”")
		if speaking != (r.Role == "speaker") || speaking != strings.Contains(r.HTML, "as a speaker") {
			t.Errorf("%s (%s): speaker line %v:\n%s", r.Email, r.Role, speaking, r.Text)
		}
	}
	if res := e.call(t, "POST", path, ""); res.Status != 200 || !strings.Contains(res.Body, `"invited":0`) {
		t.Fatalf("second send: %d %s", res.Status, res.Body)
	}
}
