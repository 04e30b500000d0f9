package handlers_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestSpeakersExpertiseFilterIgnoresAccents: the speakers directory's expertise filter finds a tag
// typed without its accents or case, on the page and in the API; a filter holding a control
// character is a field error beside the filter (the page keeps the rest readable) and a JSON
// error naming expertise, never a 500.
func TestSpeakersExpertiseFilterIgnoresAccents(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	a.speaker("Rui", "rui@example.com", "Segurança")
	a.speaker("Olga", "olga@example.com", "javascript")
	items := spkItems(a.must(http.StatusOK, "GET", "/api/v1/speakers?expertise=SEGURANCA", nil))
	if len(items) != 1 || items[0]["name"] != "Rui" {
		t.Errorf("API expertise=SEGURANCA: %v, want Rui alone", items)
	}
	c := loggedIn(t, app)
	page := c.Get(t, "/speakers?expertise=seguranca").Body
	if !strings.Contains(page, "rui@example.com") || strings.Contains(page, "olga@example.com") {
		t.Errorf("page expertise=seguranca does not list Rui alone")
	}
	res := c.Get(t, "/speakers?expertise=a%01b")
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, `id="e-xp"`) || strings.Contains(res.Body, `id="e-expertise"`) {
		t.Errorf("page with a control character in the filter: %d, want 422 and the error beside the filter only", res.Status)
	}
	st, out := a.call("GET", "/api/v1/speakers?expertise=a%01b", nil)
	if st != http.StatusUnprocessableEntity || !strings.Contains(fmt.Sprint(out), "expertise") {
		t.Errorf("API with a control character in the filter: %d %v, want 422 naming expertise", st, out)
	}
}
