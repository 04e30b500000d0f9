package testutil

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Client is a browser-like HTTP client: a cookie jar, redirects not followed.
type Client struct {
	HTTP *http.Client
	Base string
}

// Response is a read response.
type Response struct {
	Status int
	Header http.Header
	Body   string
}

// Client returns a new client with an empty cookie jar.
func (a *App) Client() *Client {
	jar, _ := cookiejar.New(nil)
	return &Client{Base: a.URL, HTTP: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

// Do sends a request and reads the whole answer.
func (c *Client) Do(t testing.TB, method, path, contentType string, body io.Reader, hdr ...string) Response {
	t.Helper()
	req, err := http.NewRequest(method, c.Base+path, body)
	if err != nil {
		t.Fatalf("request: %v", err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return Response{Status: res.StatusCode, Header: res.Header, Body: string(b)}
}

// Get fetches a path.
func (c *Client) Get(t testing.TB, path string, hdr ...string) Response {
	t.Helper()
	return c.Do(t, http.MethodGet, path, "", nil, hdr...)
}

// PostForm posts form values as a browser would.
func (c *Client) PostForm(t testing.TB, path string, v url.Values) Response {
	t.Helper()
	return c.Do(t, http.MethodPost, path, "application/x-www-form-urlencoded", strings.NewReader(v.Encode()))
}

var csrfRe = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// CSRF reads the CSRF token from a page's form.
func CSRF(t testing.TB, page string) string {
	t.Helper()
	m := csrfRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no csrf_token in page")
	}
	return m[1]
}

// Login logs in through the login form and returns the final answer.
func (c *Client) Login(t testing.TB, email, password string) Response {
	t.Helper()
	page := c.Get(t, "/login")
	return c.PostForm(t, "/login", url.Values{"csrf_token": {CSRF(t, page.Body)}, "email": {email}, "password": {password}})
}
