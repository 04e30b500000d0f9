package handlers_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// apiErrorBody is the JSON error shape of API.md.
type apiErrorBody struct {
	Error struct {
		Code      string            `json:"code"`
		Message   string            `json:"message"`
		Fields    map[string]string `json:"fields"`
		RequestID string            `json:"request_id"`
	} `json:"error"`
}

// leaks are texts that must never reach a user: driver, SQL and Go runtime internals.
var leaks = []string{"pq:", "sql:", "goroutine", "runtime.", "panic", ".go:", "SELECT ", "INSERT "}

// noLeak fails if a response body shows internals.
func noLeak(t *testing.T, what, body string) {
	t.Helper()
	for _, l := range leaks {
		if strings.Contains(body, l) {
			t.Fatalf("%s: the body shows %q:\n%s", what, l, body)
		}
	}
}

// apiError checks that res is a JSON error with that status and code, a message and a request id,
// and returns it.
func apiError(t *testing.T, what string, res testutil.Response, status int, code string) apiErrorBody {
	t.Helper()
	var b apiErrorBody
	if res.Status != status {
		t.Fatalf("%s: status %d, want %d: %s", what, res.Status, status, res.Body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("%s: Content-Type %q, want JSON: %s", what, ct, res.Body)
	}
	if err := json.Unmarshal([]byte(res.Body), &b); err != nil {
		t.Fatalf("%s: body is not JSON: %v: %s", what, err, res.Body)
	}
	e := b.Error
	if e.Code != code || e.Message == "" || e.RequestID == "" || e.RequestID != res.Header.Get("X-Request-Id") {
		t.Fatalf("%s: error %+v; want code %q, a message and the request id %q", what, e, code, res.Header.Get("X-Request-Id"))
	}
	noLeak(t, what, res.Body)
	return b
}

// errorPage checks that res is the friendly HTML error page with that status and message.
func errorPage(t *testing.T, what string, res testutil.Response, status int, message string) {
	t.Helper()
	if res.Status != status {
		t.Fatalf("%s: status %d, want %d: %s", what, res.Status, status, res.Body)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Fatalf("%s: Content-Type %q, want an HTML page", what, ct)
	}
	if !strings.Contains(res.Body, message) || !strings.Contains(res.Body, res.Header.Get("X-Request-Id")) {
		t.Fatalf("%s: page lacks %q or the request id:\n%s", what, message, res.Body)
	}
	if n := strings.Count(strings.ToLower(res.Body), "<!doctype html>"); n != 1 {
		t.Fatalf("%s: the body holds %d pages:\n%s", what, n, res.Body)
	}
	noLeak(t, what, res.Body)
}

// cookie returns the value of the named cookie a response set, or "".
func cookie(res testutil.Response, name string) *http.Cookie {
	for _, c := range (&http.Response{Header: res.Header}).Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// jarCookie returns the client's current value of the named cookie for the app, or "".
func jarCookie(t *testing.T, c *testutil.Client, name string) string {
	t.Helper()
	u, _ := url.Parse(c.Base)
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		if ck.Name == name {
			return ck.Value
		}
	}
	return ""
}

// withCookie returns a fresh client for app that sends only the given session cookie.
func withCookie(t *testing.T, app *testutil.App, value string) *testutil.Client {
	t.Helper()
	c := app.Client()
	u, _ := url.Parse(app.URL)
	c.HTTP.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: value, Path: "/"}})
	return c
}

const sessionCookie = "convene_session"

var loginErrorRe = regexp.MustCompile(`(?s)id="login-error">(.*?)</p>`)

// loginError returns the error message shown on the login page, or "".
func loginError(body string) string {
	m := loginErrorRe.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(m[1])
}

// loggedIn returns a client logged in as the app's organiser.
func loggedIn(t *testing.T, app *testutil.App) *testutil.Client {
	t.Helper()
	c := app.Client()
	if res := c.Login(t, app.User.Email, testutil.Password); res.Status != http.StatusSeeOther {
		t.Fatalf("login: %d %s", res.Status, res.Body)
	}
	return c
}

// formPost posts form values with the CSRF token of page.
func formPost(t *testing.T, c *testutil.Client, path, page string, v url.Values) testutil.Response {
	t.Helper()
	v.Set("csrf_token", testutil.CSRF(t, page))
	return c.PostForm(t, path, v)
}
