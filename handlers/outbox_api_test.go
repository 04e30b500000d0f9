package handlers_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// outboxPage is the API's list answer.
type outboxPage struct {
	Items []struct {
		ID        string  `json:"id"`
		Kind      string  `json:"kind"`
		To        string  `json:"to"`
		Subject   string  `json:"subject"`
		Status    string  `json:"status"`
		Attempts  int     `json:"attempts"`
		LastError string  `json:"last_error"`
		SentAt    *string `json:"sent_at"`
	} `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// api calls the API with the organiser's bearer token and decodes the JSON answer into out.
func (a *outboxApp) api(t *testing.T, method, path string, out any) int {
	t.Helper()
	res := a.c.Do(t, method, path, "", nil, "Authorization", "Bearer "+a.Token(t, a.User.Email))
	if out != nil {
		if err := json.Unmarshal([]byte(res.Body), out); err != nil {
			t.Fatalf("%s %s: %d %q: %v", method, path, res.Status, res.Body, err)
		}
	}
	return res.Status
}

func TestOutboxAPIListsAndRetries(t *testing.T) {
	a := newOutboxApp(t)
	for i := range 3 {
		a.enqueue(t, a.Team.ID, fmt.Sprintf("a%d", i))
	}
	bad := a.enqueue(t, a.Team.ID, "bad")
	theirs := a.enqueue(t, a.other.ID, "theirs")
	a.fail(t, bad, "550 5.1.1 mailbox unavailable")
	a.fail(t, theirs, "550 no")

	var page outboxPage
	if st := a.api(t, "GET", "/api/v1/outbox?status=failed", &page); st != 200 || len(page.Items) != 1 {
		t.Fatalf("failed list: %d %+v", st, page)
	}
	it := page.Items[0]
	if it.ID != bad || it.Kind != "invite" || it.To != "bad@example.com" || it.Subject != "Subject bad" ||
		it.Status != "failed" || it.Attempts != 1 || it.LastError != "550 5.1.1 mailbox unavailable" || it.SentAt != nil {
		t.Fatalf("item %+v", it)
	}
	seen := 0
	for path := "/api/v1/outbox?limit=2"; ; {
		page = outboxPage{}
		a.api(t, "GET", path, &page)
		seen += len(page.Items)
		if page.NextCursor == "" {
			break
		}
		path = "/api/v1/outbox?limit=2&cursor=" + page.NextCursor
	}
	if seen != 4 {
		t.Fatalf("paged through %d messages, want the team's 4", seen)
	}

	var errBody struct {
		Error struct {
			Code   string            `json:"code"`
			Fields map[string]string `json:"fields"`
		} `json:"error"`
	}
	if st := a.api(t, "GET", "/api/v1/outbox?status=lost", &errBody); st != 422 || errBody.Error.Fields["status"] == "" {
		t.Fatalf("bad status filter: %d %+v", st, errBody)
	}
	var retried struct{ Status string }
	if st := a.api(t, "POST", "/api/v1/outbox/"+bad+"/retry", &retried); st != 200 || retried.Status != "queued" {
		t.Fatalf("retry: %d %+v", st, retried)
	}
	for _, id := range []string{theirs, "0b0e7d6a-1111-2222-3333-444455556666", "nope"} {
		if st := a.api(t, "POST", "/api/v1/outbox/"+id+"/retry", nil); st != http.StatusNotFound {
			t.Errorf("retry %s: %d, want 404", id, st)
		}
	}
}

func TestMetricsCountOutboxByStatus(t *testing.T) {
	a := newOutboxApp(t)
	a.enqueue(t, a.Team.ID, "m1")
	a.enqueue(t, a.Team.ID, "m2")
	body := a.c.Get(t, "/metrics").Body
	for _, want := range []string{`convene_outbox_messages{status="queued"} 2`, `convene_outbox_messages{status="failed"} 0`} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}
