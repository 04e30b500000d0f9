package handlers_test

import (
	"strings"
	"testing"
	"time"
)

// cancelledFacts is the part of a cancelled RSVP page between the cancellation notice and the
// calendar sentence: which meetup, when it would have been, where, and why not.
func cancelledFacts(t *testing.T, body string) string {
	t.Helper()
	_, rest, ok := strings.Cut(body, `id="rsvp-cancelled"`)
	if !ok {
		t.Fatalf("no cancellation notice:\n%s", body)
	}
	return rest
}

// TestRSVPCancelledPageSaysWhenItWouldHaveBeen: after a cancellation the RSVP link still names
// the meetup, says when it was to take place in the reader's zone (with the venue's local time
// when the zones differ), where, and the reason — in English for Berlin, in Russian for
// Yekaterinburg.
func TestRSVPCancelledPageSaysWhenItWouldHaveBeen(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	if res := e.call(t, "POST", "/api/v1/meetups/"+e.meetup.ID+"/cancel", `{"reason":"The speaker is ill"}`); res.Status != 200 {
		t.Fatalf("cancel: %d %s", res.Status, res.Body)
	}
	berlin := mustZone(t, "Europe/Berlin")
	start, err := time.ParseInLocation("2006-01-02T15:04", e.start, berlin)
	if err != nil {
		t.Fatal(err)
	}
	yekat := start.In(mustZone(t, "Asia/Yekaterinburg"))
	c := e.app.Client()
	en := cancelledFacts(t, c.Get(t, "/r/"+e.links[0]).Body)
	mustContain(t, "English cancelled page", en, "It was to take place", "12:00–13:00 (Europe/Berlin", "Room 1",
		"Reason:</strong> The speaker is ill")
	ru := cancelledFacts(t, c.Get(t, "/r/"+e.links[1]).Body)
	mustContain(t, "Russian cancelled page", ru, "Должна была пройти",
		yekat.Format("15:04")+"–"+yekat.Add(time.Hour).Format("15:04")+" (Asia/Yekaterinburg",
		"Местное время на месте встречи: ", "12:00–13:00 (Europe/Berlin", "Причина:</strong> The speaker is ill")
	if !strings.Contains(c.Get(t, "/r/"+e.links[0]).Body, "<h1>Lunch &amp; learn: Go</h1>") {
		t.Fatal("the cancelled page does not name the meetup")
	}
}
