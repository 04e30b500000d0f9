package handlers_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
)

// TestSeatSweepMailsThePromoted: a person holding the only seat is erased, which frees it without
// passing it on; serve's seat sweep (RebalanceAll with the notice mail) then promotes the first
// waitlisted person, who is told by mail once, however often the sweep runs.
func TestSeatSweepMailsThePromoted(t *testing.T) {
	e := newRSVPEnv(t, 3, 1)
	e.inviteAll(t)
	c := e.app.Client()
	for i := range 2 {
		if res := c.PostForm(t, "/r/"+e.links[i], url.Values{"answer": {"yes"}, "mode": {"in_person"}}); res.Status != 200 {
			t.Fatalf("yes %d: %d", i, res.Status)
		}
	}
	if res := e.call(t, "DELETE", "/api/v1/people/"+e.people[0].ID, ""); res.Status >= 300 {
		t.Fatalf("erase: %d %s", res.Status, res.Body)
	}
	for range 2 {
		if _, err := e.app.Store.RebalanceAll(context.Background(), e.app.H.NoticeMail); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := outboxOf(t, e, "promoted"); strings.Join(got, ",") != "p1@example.com " {
		t.Fatalf("promoted notices: %q", got)
	}
	noticeSays(t, e, "promoted", "/r/"+e.links[1]+"/invite.ics")
}
