package handlers_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/handlers"
	"github.com/convene/convene/internal/testutil"
)

// TestLoginPageHasTheForm proves GET /login shows a form posting email and password to /login.
func TestLoginPageHasTheForm(t *testing.T) {
	app := testutil.NewApp(t)
	res := app.Client().Get(t, "/login")
	if res.Status != http.StatusOK {
		t.Fatalf("GET /login: %d", res.Status)
	}
	for _, want := range []string{`method="post" action="/login"`, `name="email"`, `name="password"`, `type="password"`,
		`<label for="email">`, `<label for="password">`, `name="csrf_token"`} {
		if !strings.Contains(res.Body, want) {
			t.Errorf("login page lacks %s", want)
		}
	}
}

// TestBadLoginsLookTheSame proves a wrong password and an unknown account get the same status and
// message, keep the visitor logged out and change nothing.
func TestBadLoginsLookTheSame(t *testing.T) {
	app := testutil.NewApp(t)
	before, err := app.Store.UserByEmail(t.Context(), app.User.Email)
	if err != nil {
		t.Fatal(err)
	}
	c := app.Client()
	wrong := c.Login(t, app.User.Email, "not the password")
	unknown := c.Login(t, "nobody@example.com", "not the password")
	if wrong.Status != http.StatusUnprocessableEntity || unknown.Status != wrong.Status {
		t.Fatalf("statuses: wrong password %d, unknown account %d; want 422 for both", wrong.Status, unknown.Status)
	}
	msg := loginError(wrong.Body)
	if msg == "" || msg != loginError(unknown.Body) {
		t.Fatalf("messages differ or are missing: %q / %q", msg, loginError(unknown.Body))
	}
	if !strings.Contains(unknown.Body, `value="nobody@example.com"`) || strings.Contains(wrong.Body, "not the password") {
		t.Fatal("the form should keep the email and never echo the password")
	}
	if res := c.Get(t, "/"); res.Status != http.StatusSeeOther {
		t.Fatalf("after bad logins / answers %d, want a redirect to /login", res.Status)
	}
	after, err := app.Store.UserByEmail(t.Context(), app.User.Email)
	if err != nil || after != before {
		t.Fatalf("the user changed: %+v → %+v (%v)", before, after, err)
	}
	var users int
	if err := app.Store.DB.GetContext(t.Context(), &users, `SELECT count(*) FROM users`); err != nil || users != 1 {
		t.Fatalf("%d users (%v), want 1", users, err)
	}
}

// TestLoginIsThrottledPerAccount proves that after 5 failures the account is refused with 429,
// even with the right password, while other accounts still log in.
func TestLoginIsThrottledPerAccount(t *testing.T) {
	app := testutil.NewApp(t)
	app.AddUser(t, "Test Team", "other@example.com", "organiser")
	c := app.Client()
	for i := range 5 {
		if res := c.Login(t, app.User.Email, "guess "+string(rune('a'+i))); res.Status != http.StatusUnprocessableEntity {
			t.Fatalf("failure %d: %d", i+1, res.Status)
		}
	}
	res := c.Login(t, strings.ToUpper(app.User.Email), testutil.Password)
	if res.Status != http.StatusTooManyRequests || !strings.Contains(loginError(res.Body), "Too many failed attempts") {
		t.Fatalf("6th attempt with the right password: %d %q; want 429 and the throttle message", res.Status, loginError(res.Body))
	}
	if res := c.Get(t, "/"); res.Status != http.StatusSeeOther {
		t.Fatalf("a throttled login opened the dashboard: %d", res.Status)
	}
	if res := app.Client().Login(t, "other@example.com", testutil.Password); res.Status != http.StatusSeeOther {
		t.Fatalf("another account from the same address: %d, want a login", res.Status)
	}
}

// TestLoginRotatesAndLogoutRevokesTheSession proves the session cookie changes at login, the
// pre-login cookie opens nothing, and after logout the old cookie no longer opens the dashboard.
func TestLoginRotatesAndLogoutRevokesTheSession(t *testing.T) {
	app := testutil.NewApp(t)
	c := app.Client()
	page := c.Get(t, "/login")
	anon := jarCookie(t, c, sessionCookie)
	if anon == "" {
		t.Fatal("the login page set no session cookie (its CSRF token lives in the session)")
	}
	res := formPost(t, c, "/login", page.Body, url.Values{"email": {app.User.Email}, "password": {testutil.Password}})
	if res.Status != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("login: %d to %q", res.Status, res.Header.Get("Location"))
	}
	authed := jarCookie(t, c, sessionCookie)
	if authed == "" || authed == anon {
		t.Fatalf("the session cookie was not rotated at login: %q → %q", anon, authed)
	}
	if res := withCookie(t, app, anon).Get(t, "/"); res.Status != http.StatusSeeOther {
		t.Fatalf("the pre-login cookie opens the dashboard: %d", res.Status)
	}
	dash := withCookie(t, app, authed).Get(t, "/")
	if dash.Status != http.StatusOK || !strings.Contains(dash.Body, app.User.Email) {
		t.Fatalf("the new cookie does not open the dashboard: %d", dash.Status)
	}

	res = formPost(t, c, "/logout", dash.Body, url.Values{})
	if res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), "/login") {
		t.Fatalf("logout: %d to %q", res.Status, res.Header.Get("Location"))
	}
	if res := withCookie(t, app, authed).Get(t, "/"); res.Status != http.StatusSeeOther || res.Header.Get("Location") != "/login" {
		t.Fatalf("after logout the old cookie still opens /: %d %q", res.Status, res.Header.Get("Location"))
	}
	if page := c.Get(t, "/login?bye=1"); !strings.Contains(page.Body, "You have logged out") {
		t.Fatal("no logged-out message after logout")
	}
}

// TestFormsNeedCSRFAndSameOrigin proves an organiser POST without the CSRF token, or from another
// site, is refused with a friendly 403 page and logs no one in.
func TestFormsNeedCSRFAndSameOrigin(t *testing.T) {
	app := testutil.NewApp(t)
	c := app.Client()
	page := c.Get(t, "/login")
	creds := url.Values{"email": {app.User.Email}, "password": {testutil.Password}}

	errorPage(t, "no token", c.PostForm(t, "/login", creds), http.StatusForbidden, "This form has expired")
	bad := url.Values{"email": creds["email"], "password": creds["password"], "csrf_token": {"forged"}}
	errorPage(t, "wrong token", c.PostForm(t, "/login", bad), http.StatusForbidden, "This form has expired")
	errorPage(t, "no token, no session", app.Client().PostForm(t, "/login", creds), http.StatusForbidden, "This form has expired")

	good := url.Values{"email": creds["email"], "password": creds["password"], "csrf_token": {testutil.CSRF(t, page.Body)}}
	body := good.Encode()
	post := func(hdr ...string) testutil.Response {
		return c.Do(t, http.MethodPost, "/login", "application/x-www-form-urlencoded", strings.NewReader(body), hdr...)
	}
	errorPage(t, "Sec-Fetch-Site cross-site", post("Sec-Fetch-Site", "cross-site"), http.StatusForbidden, "came from another site")
	errorPage(t, "Origin of another host", post("Origin", "http://evil.example"), http.StatusForbidden, "came from another site")
	errorPage(t, "Sec-Fetch-Site same-site", post("Sec-Fetch-Site", "same-site"), http.StatusForbidden, "came from another site")
	if res := c.Get(t, "/"); res.Status != http.StatusSeeOther {
		t.Fatalf("a refused POST logged in: %d", res.Status)
	}
	if res := post("Sec-Fetch-Site", "same-origin", "Origin", app.URL); res.Status != http.StatusSeeOther {
		t.Fatalf("same-origin POST with the token: %d, want a login", res.Status)
	}
}

// TestPagesNeedASession proves organiser pages send visitors to the login page, keeping where they
// were going as a local path.
func TestPagesNeedASession(t *testing.T) {
	app := testutil.NewApp(t)
	c := app.Client()
	if res := c.Get(t, "/"); res.Status != http.StatusSeeOther || res.Header.Get("Location") != "/login" {
		t.Fatalf("GET / without a session: %d to %q", res.Status, res.Header.Get("Location"))
	}
	res := c.Get(t, "/meetups/abc?tab=2")
	if res.Status != http.StatusSeeOther || res.Header.Get("Location") != "/login?next="+url.QueryEscape("/meetups/abc?tab=2") {
		t.Fatalf("GET /meetups/abc without a session: %d to %q", res.Status, res.Header.Get("Location"))
	}
}

// TestSessionCookieFlags proves the session cookie is HttpOnly, SameSite=Lax, for the whole site,
// and Secure when the service runs behind https.
func TestSessionCookieFlags(t *testing.T) {
	app := testutil.NewApp(t)
	ck := cookie(app.Client().Get(t, "/login"), sessionCookie)
	if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" || ck.Secure {
		t.Fatalf("session cookie on http: %+v; want HttpOnly, SameSite=Lax, Path=/, not Secure", ck)
	}
	secure := servedWith(t, app, "https://meetups.example.com")
	if ck := cookie(secure.Get(t, "/login"), sessionCookie); ck == nil || !ck.Secure || !ck.HttpOnly {
		t.Fatalf("session cookie behind https: %+v; want Secure and HttpOnly", ck)
	}
}

// TestNextCannotLeaveTheSite proves the login form's next parameter only ever leads to a local page.
func TestNextCannotLeaveTheSite(t *testing.T) {
	app := testutil.NewApp(t)
	cases := map[string]string{
		"/meetups/42?tab=people":   "/meetups/42?tab=people",
		"//evil.example/x":         "/",
		"https://evil.example/":    "/",
		"/\\evil.example":          "/",
		"/\t/evil.example":         "/",
		"/\n/evil.example":         "/",
		"\\\\evil.example":         "/",
		"javascript:alert(1)":      "/",
		"/%2F%2Fevil.example":      "/%2F%2Fevil.example",
		" //evil.example":          "/",
		"/\\/evil.example/\t":      "/",
		"http:/\\evil.example":     "/",
		"/login?next=//evil.ex/ok": "/login?next=//evil.ex/ok",
	}
	for next, want := range cases {
		c := app.Client()
		page := c.Get(t, "/login?next="+url.QueryEscape(next))
		res := formPost(t, c, "/login", page.Body, url.Values{"email": {app.User.Email}, "password": {testutil.Password}, "next": {next}})
		if got := res.Header.Get("Location"); res.Status != http.StatusSeeOther || got != want {
			t.Errorf("next %q: %d to %q, want %q", next, res.Status, got, want)
		}
	}
}

// servedWith serves app's store again under another base URL and returns a client for that server.
func servedWith(t *testing.T, app *testutil.App, baseURL string) *testutil.Client {
	t.Helper()
	h, err := handlers.New(app.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), handlers.Config{BaseURL: baseURL, BodyLimit: "1M"})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h.NewServer())
	t.Cleanup(srv.Close)
	c := app.Client()
	c.Base = srv.URL
	return c
}

// TestLoginRenewsTheCSRFToken proves the CSRF token of the pre-login page stops working at login, so
// a token learnt before the login cannot be used against the organiser's session.
func TestLoginRenewsTheCSRFToken(t *testing.T) {
	app := testutil.NewApp(t)
	c := app.Client()
	page := c.Get(t, "/login")
	before := testutil.CSRF(t, page.Body)
	formPost(t, c, "/login", page.Body, url.Values{"email": {app.User.Email}, "password": {testutil.Password}})
	dash := c.Get(t, "/")
	if after := testutil.CSRF(t, dash.Body); after == before {
		t.Fatal("the CSRF token is the same before and after login")
	}
	res := c.PostForm(t, "/logout", url.Values{"csrf_token": {before}})
	errorPage(t, "logout with the pre-login token", res, http.StatusForbidden, "This form has expired")
	if res := c.Get(t, "/"); res.Status != http.StatusOK {
		t.Fatalf("the refused logout logged out: %d", res.Status)
	}
}

// TestEmptyLoginSaysWhatIsMissing: a login form sent empty says "This field is required." beside
// each empty field (and the email kept when only the password is missing), not "Email or password
// is incorrect."; in Russian too. It counts as no failed attempt and logs nobody in.
func TestEmptyLoginSaysWhatIsMissing(t *testing.T) {
	app := testutil.NewApp(t)
	c := app.Client()
	empty := c.Login(t, "", "")
	wantPage(t, empty, http.StatusUnprocessableEntity, `<p class="error" id="e-email">This field is required.</p>`,
		`<p class="error" id="e-password">This field is required.</p>`)
	if msg := loginError(empty.Body); msg != "" {
		t.Fatalf("an empty form says %q", msg)
	}
	noPassword := c.Login(t, "  "+app.User.Email, "")
	wantPage(t, noPassword, http.StatusUnprocessableEntity, `value="`+app.User.Email+`"`, `<p class="error" id="e-password">This field is required.</p>`)
	if strings.Contains(noPassword.Body, `id="e-email"`) || loginError(noPassword.Body) != "" {
		t.Fatalf("only the password is missing:\n%s", noPassword.Body)
	}
	ru := app.Client()
	formPost(t, ru, "/lang", ru.Get(t, "/login").Body, url.Values{"lang": {"ru"}, "next": {"/login"}})
	wantPage(t, ru.Login(t, "", ""), http.StatusUnprocessableEntity, `id="e-email">Обязательное поле.</p>`)
	var failures int
	if err := app.Store.DB.Get(&failures, `SELECT count(*) FROM login_failures`); err != nil || failures != 0 {
		t.Fatalf("%d failures recorded for empty forms (%v)", failures, err)
	}
	if res := c.Get(t, "/"); res.Status != http.StatusSeeOther {
		t.Fatalf("after empty logins / answers %d, want a redirect to /login", res.Status)
	}
}
