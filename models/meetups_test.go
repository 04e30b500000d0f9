package models_test

import (
	"encoding/base64"
	"slices"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
	"github.com/google/uuid"
)

// TestMeetupsAreScopedByTeam proves a team sees only its own meetups: another team's id and a
// malformed id are both "not found", never a database error.
func TestMeetupsAreScopedByTeam(t *testing.T) {
	s := testutil.DB(t)
	ctx := t.Context()
	a, b := newTeam(t, s, "Team A"), newTeam(t, s, "Team B")
	ua := newUser(t, s, a.ID, "a@example.com")
	m, err := s.CreateMeetup(ctx, a.ID, ua.ID, models.NewMeetup{Title: "  Go generics  ", Timezone: "Europe/Berlin"})
	if err != nil {
		t.Fatalf("create: %v", err)
	}
	if m.Title != "Go generics" || m.Stage != models.StageAudience || m.Format != "talk" || m.DurationMinutes != 60 || !models.IsUUID(m.ID) {
		t.Fatalf("created meetup %+v: want trimmed title, stage audience, format talk, 60 minutes, a UUID id", m)
	}
	if got, err := s.GetMeetup(ctx, a.ID, m.ID); err != nil || got.ID != m.ID {
		t.Fatalf("own team's meetup: %+v, %v", got, err)
	}
	_, err = s.GetMeetup(ctx, b.ID, m.ID)
	wantErr(t, "another team's meetup", err, models.ErrNotFound)
	for _, id := range []string{"", "42", "not-a-uuid", m.ID + "x", "'; DROP TABLE meetups; --", uuid.NewString()} {
		_, err := s.GetMeetup(ctx, a.ID, id)
		wantErr(t, "meetup id "+id, err, models.ErrNotFound)
	}
	items, _, err := s.ListMeetups(ctx, b.ID, models.Page{})
	if err != nil || len(items) != 0 {
		t.Fatalf("team B lists %d meetups (%v), want none", len(items), err)
	}

	aud, err := s.CreateAudience(ctx, b.ID, models.Audience{Name: "B's people"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateMeetup(ctx, a.ID, ua.ID, models.NewMeetup{Title: "Borrowed audience", AudienceID: &aud})
	wantErr(t, "another team's audience", err, models.ErrNotFound)
	if n := count(t, s, `SELECT count(*) FROM meetups`); n != 1 {
		t.Fatalf("%d meetups stored, want 1", n)
	}
}

// TestCreateMeetupValidates proves invalid input names every bad field and stores nothing.
func TestCreateMeetupValidates(t *testing.T) {
	s := testutil.DB(t)
	tm := newTeam(t, s, "Validation")
	bad := "nope"
	_, err := s.CreateMeetup(t.Context(), tm.ID, "", models.NewMeetup{
		Title: "   ", Format: "party", Timezone: "Mars/Olympus_Mons", DurationMinutes: -5, Capacity: -1, AudienceID: &bad,
	})
	got := fields(t, "invalid meetup", err)
	want := models.FieldErrors{"title": "required", "format": "invalid_choice", "timezone": "unknown_timezone",
		"duration_minutes": "at_least:1", "capacity": "at_least:0", "audience_id": "not_found"}
	for f, key := range want {
		if got[f] != key {
			t.Errorf("field %s: %q, want %q (all: %v)", f, got[f], key, got)
		}
	}
	for _, tz := range []string{"Local", "../../etc/passwd", "mars/base"} {
		_, err := s.CreateMeetup(t.Context(), tm.ID, "", models.NewMeetup{Title: "Zones", Timezone: tz})
		if fields(t, "timezone "+tz, err)["timezone"] == "" {
			t.Errorf("timezone %q accepted", tz)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM meetups`); n != 0 {
		t.Fatalf("%d meetups stored, want 0", n)
	}
	m, err := s.CreateMeetup(t.Context(), tm.ID, "", models.NewMeetup{Title: "Zones", Timezone: "europe/berlin"})
	if err != nil || m.Timezone != "Europe/Berlin" {
		t.Fatalf("a zone typed in lower case: %q, %v; want it stored as Europe/Berlin", m.Timezone, err)
	}
}

// TestListMeetupsPages proves the list pages newest first with a cursor, visiting every meetup
// exactly once even when many share a creation time, and refuses a bad cursor.
func TestListMeetupsPages(t *testing.T) {
	s := testutil.DB(t)
	ctx := t.Context()
	tm, other := newTeam(t, s, "Paging"), newTeam(t, s, "Other")
	// Seven meetups created in one statement share created_at; two more come later.
	if _, err := s.DB.ExecContext(ctx, `INSERT INTO meetups (team_id, title, ical_uid)
		SELECT $1, 'same time ' || g, gen_random_uuid() || '@test' FROM generate_series(1, 7) g`, tm.ID); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, title := range []string{"later 1", "later 2"} {
		m, err := s.CreateMeetup(ctx, tm.ID, "", models.NewMeetup{Title: title})
		if err != nil {
			t.Fatal(err)
		}
		want = append([]string{m.Title}, want...)
	}
	if _, err := s.CreateMeetup(ctx, other.ID, "", models.NewMeetup{Title: "other team"}); err != nil {
		t.Fatal(err)
	}
	var titles []string
	cursor, pages := "", 0
	for {
		items, next, err := s.ListMeetups(ctx, tm.ID, models.Page{Limit: 3, Cursor: cursor})
		if err != nil {
			t.Fatalf("page %d: %v", pages, err)
		}
		if len(items) > 3 {
			t.Fatalf("page %d has %d items, limit 3", pages, len(items))
		}
		for _, m := range items {
			titles = append(titles, m.Title)
		}
		pages++
		if next == "" {
			break
		}
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		cursor = next
	}
	if pages != 3 || len(titles) != 9 {
		t.Fatalf("%d pages, %d meetups: %v; want 3 pages of 9 meetups", pages, len(titles), titles)
	}
	if !slices.Equal(titles[:2], want) {
		t.Fatalf("first titles %v, want the newest first %v", titles[:2], want)
	}
	seen := map[string]bool{}
	for _, title := range titles {
		if seen[title] || title == "other team" {
			t.Fatalf("meetup %q listed twice or from another team: %v", title, titles)
		}
		seen[title] = true
	}
	for _, c := range []string{"!!!", base64.RawURLEncoding.EncodeToString([]byte("yesterday|" + uuid.NewString())),
		base64.RawURLEncoding.EncodeToString([]byte("2026-01-02T03:04:05Z|not-a-uuid")), "bm8tc2VwYXJhdG9y"} {
		_, _, err := s.ListMeetups(ctx, tm.ID, models.Page{Cursor: c})
		if fields(t, "cursor "+c, err)["cursor"] == "" {
			t.Errorf("cursor %q: no cursor field error", c)
		}
	}
	if p := (models.Page{Limit: 100000}).Normalize(); p.Limit != models.MaxLimit {
		t.Fatalf("limit 100000 becomes %d, want %d", p.Limit, models.MaxLimit)
	}
	if p := (models.Page{}).Normalize(); p.Limit != models.DefaultLimit {
		t.Fatalf("no limit becomes %d, want %d", p.Limit, models.DefaultLimit)
	}
}
