package handlers_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// apiClient calls the JSON API with one organiser's bearer token.
type apiClient struct {
	c   *testutil.Client
	tok string
}

// newAPI gives a client for the app's organiser.
func newAPI(t *testing.T, app *testutil.App) apiClient {
	t.Helper()
	return apiClient{c: app.Client(), tok: app.Token(t, app.User.Email)}
}

// call sends body (JSON-encoded unless it is a string or bytes) with the given content type.
func (a apiClient) call(t *testing.T, method, path, contentType string, body any) testutil.Response {
	t.Helper()
	var raw []byte
	switch b := body.(type) {
	case nil:
	case string:
		raw = []byte(b)
	case []byte:
		raw = b
	default:
		raw, _ = json.Marshal(b)
	}
	return a.c.Do(t, method, path, contentType, bytes.NewReader(raw), "Authorization", "Bearer "+a.tok)
}

// json sends a JSON body and decodes the answer into out (when not nil), checking the status.
func (a apiClient) json(t *testing.T, method, path string, body any, want int, out any) testutil.Response {
	t.Helper()
	ct := ""
	if body != nil {
		ct = "application/json"
	}
	res := a.call(t, method, path, ct, body)
	if res.Status != want {
		t.Fatalf("%s %s = %d, want %d: %s", method, path, res.Status, want, res.Body)
	}
	if out != nil {
		if err := json.Unmarshal([]byte(res.Body), out); err != nil {
			t.Fatalf("%s %s: decode %q: %v", method, path, res.Body, err)
		}
	}
	return res
}

// importCSV posts a CSV body to the import API.
func (a apiClient) importCSV(t *testing.T, data string, want int) importResult {
	t.Helper()
	res := a.call(t, "POST", "/api/v1/people/import", "text/csv", data)
	if res.Status != want {
		t.Fatalf("import = %d, want %d: %s", res.Status, want, res.Body)
	}
	var out importResult
	if err := json.Unmarshal([]byte(res.Body), &out); err != nil {
		t.Fatalf("decode %q: %v", res.Body, err)
	}
	return out
}

// importResult is the import answer, or the error body of a refused file.
type importResult struct {
	Created, Updated, Unchanged int
	Errors                      []problemJSON
	Warnings                    []problemJSON
	Error                       struct{ Code, Message string }
}

// problemJSON is one reported row.
type problemJSON struct {
	Line    int
	Code    string
	Message string
}

// apiErr is the API error body.
type apiErr struct {
	Error struct {
		Code    string
		Message string
		Fields  map[string]string
	}
}

// sampleCSV is the shared sample directory kept in testdata.
func sampleCSV(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/people-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// countPeople asks the API how many people the team has (up to 500).
func (a apiClient) countPeople(t *testing.T, query string) int {
	t.Helper()
	var out struct{ Items []map[string]any }
	a.json(t, "GET", "/api/v1/people?limit=500"+query, nil, 200, &out)
	return len(out.Items)
}

// mustContain fails unless s contains every part.
func mustContain(t *testing.T, what, s string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(s, p) {
			t.Errorf("%s %q does not contain %q", what, s, p)
		}
	}
}
