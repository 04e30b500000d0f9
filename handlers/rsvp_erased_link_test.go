package handlers_test

import (
	"net/url"
	"strings"
	"testing"
)

// TestRSVPLinkOfAnErasedPerson: a person who answered once is erased; their link, whose meetup
// the server remembers from the first answer, then answers 404 and records nothing, while
// another person's link still works.
func TestRSVPLinkOfAnErasedPerson(t *testing.T) {
	e := newRSVPEnv(t, 2, 5)
	c := e.app.Client()
	yes := url.Values{"answer": {"yes"}, "mode": {"in_person"}}
	if res := c.PostForm(t, "/r/"+e.links[0], yes); res.Status != 200 {
		t.Fatalf("first answer: %d", res.Status)
	}
	if res := e.call(t, "DELETE", "/api/v1/people/"+e.people[0].ID, ""); res.Status != 204 {
		t.Fatalf("erase: %d %s", res.Status, res.Body)
	}
	before := e.rsvpRows(t)
	res := c.PostForm(t, "/r/"+e.links[0], url.Values{"answer": {"no"}})
	if res.Status != 404 {
		t.Fatalf("answer through an erased person's link: %d, want 404\n%s", res.Status, res.Body)
	}
	if after := e.rsvpRows(t); after != before {
		t.Fatalf("the refused answer changed RSVPs:\n%s\n---\n%s", before, after)
	}
	if res := c.PostForm(t, "/r/"+e.links[1], yes); res.Status != 200 || !strings.Contains(res.Body, "место за вами") {
		t.Fatalf("another person's answer: %d", res.Status)
	}
}
