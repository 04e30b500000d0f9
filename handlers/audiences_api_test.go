package handlers_test

import (
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// fiveCSV is a small directory whose audiences are easy to count by hand.
const fiveCSV = `email,name,department,location,timezone,interests
a@x.com,A,Eng,Berlin,Europe/Berlin,go;sql
b@x.com,B,Eng,Kyiv,Europe/Kyiv,design
c@x.com,C,Sales,Berlin,Europe/Berlin,go
d@x.com,D,Data,Remote,UTC,sql;ML
e@x.com,E,,Remote,UTC,
`

// members lists an audience's member addresses, sorted.
func (a apiClient) members(t *testing.T, id string) []string {
	t.Helper()
	var out struct{ Items []person }
	a.json(t, "GET", "/api/v1/audiences/"+id+"/members?limit=500", nil, 200, &out)
	emails := []string{}
	for _, p := range out.Items {
		emails = append(emails, p.Email)
	}
	sort.Strings(emails)
	return emails
}

func TestAudienceMembershipRules(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	api.importCSV(t, fiveCSV, 200)
	cases := []struct {
		name string
		rule map[string]any
		want string
	}{
		{"everyone", map[string]any{}, "a b c d e"},
		{"department, any case", map[string]any{"departments": []string{"eng"}}, "a b"},
		{"department and location", map[string]any{"departments": []string{"Eng"}, "locations": []string{"Berlin"}}, "a"},
		{"one interest", map[string]any{"interests": []string{"go"}}, "a c"},
		{"interests overlap", map[string]any{"interests": []string{"go", "ml"}}, "a c d"},
		{"department and interest", map[string]any{"departments": []string{"Eng"}, "interests": []string{"sql"}}, "a"},
		{"or included", map[string]any{"departments": []string{"Sales"}, "include": []string{"D@X.com"}}, "c d"},
		{"minus excluded", map[string]any{"departments": []string{"Eng"}, "exclude": []string{"B@x.COM"}}, "a"},
		{"only included", map[string]any{"include": []string{"a@x.com", "e@x.com", "nobody@x.com"}}, "a e"},
		{"excluded wins", map[string]any{"include": []string{"a@x.com"}, "exclude": []string{"A@X.COM"}}, ""},
		{"unknown value", map[string]any{"locations": []string{"Atlantis"}}, ""},
	}
	for _, c := range cases {
		c.rule["name"] = c.name
		var created struct {
			ID   string
			Size int
		}
		api.json(t, "POST", "/api/v1/audiences", c.rule, 201, &created)
		got := strings.Join(api.members(t, created.ID), " ")
		want := ""
		for _, l := range strings.Fields(c.want) {
			want += " " + l + "@x.com"
		}
		if got != strings.TrimSpace(want) || created.Size != len(strings.Fields(c.want)) {
			t.Errorf("%s: size %d members %q, want %q", c.name, created.Size, got, c.want)
		}
	}
}

func TestAudienceProfileNumbers(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	api.importCSV(t, fiveCSV, 200)
	var created struct{ ID string }
	api.json(t, "POST", "/api/v1/audiences", map[string]any{"name": "All"}, 201, &created)
	var got struct {
		Name    string
		Size    int
		Profile models.Profile
	}
	api.json(t, "GET", "/api/v1/audiences/"+created.ID, nil, 200, &got)
	str := func(cs []models.Count) string {
		var parts []string
		for _, c := range cs {
			parts = append(parts, c.Key+"="+itoa(c.Count))
		}
		return strings.Join(parts, " ")
	}
	want := map[string]string{
		"departments": "Eng=2 =1 Data=1 Sales=1",
		"locations":   "Berlin=2 Remote=2 Kyiv=1",
		"timezones":   "Europe/Berlin=2 UTC=2 Europe/Kyiv=1",
		"interests":   "go=2 sql=2 ML=1 design=1",
	}
	have := map[string]string{"departments": str(got.Profile.Departments), "locations": str(got.Profile.Locations),
		"timezones": str(got.Profile.Timezones), "interests": str(got.Profile.TopInterests)}
	for k, w := range want {
		if have[k] != w {
			t.Errorf("%s = %q, want %q", k, have[k], w)
		}
	}
	if got.Size != 5 || got.Profile.Size != 5 {
		t.Errorf("size %d / %d", got.Size, got.Profile.Size)
	}
}

// itoa formats an int.
func itoa(n int) string { return strconv.Itoa(n) }

func TestAudienceValidationScopeAndPaging(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	api.importCSV(t, fiveCSV, 200)
	var e apiErr
	api.json(t, "POST", "/api/v1/audiences", map[string]any{"name": " ", "include": []string{"not an address"}}, 422, &e)
	if e.Error.Fields["name"] == "" || e.Error.Fields["include"] == "" {
		t.Fatalf("fields %+v", e.Error.Fields)
	}
	var created struct{ ID string }
	api.json(t, "POST", "/api/v1/audiences", map[string]any{"name": "All"}, 201, &created)
	seen, cursor := 0, ""
	for {
		var out struct {
			Items      []person
			NextCursor string `json:"next_cursor"`
		}
		api.json(t, "GET", "/api/v1/audiences/"+created.ID+"/members?limit=2&cursor="+cursor, nil, 200, &out)
		seen += len(out.Items)
		if cursor = out.NextCursor; cursor == "" {
			break
		}
	}
	if seen != 5 {
		t.Fatalf("paged through %d members", seen)
	}
	var upd struct{ Size int }
	api.json(t, "PUT", "/api/v1/audiences/"+created.ID, map[string]any{"name": "Eng", "departments": []string{"Eng"}}, 200, &upd)
	if upd.Size != 2 {
		t.Fatalf("updated size %d", upd.Size)
	}
	_, other := app.AddUser(t, "Other Team", "other@example.com", models.RoleOrganiser)
	otherAPI := apiClient{c: app.Client(), tok: app.Token(t, other.Email)}
	otherAPI.json(t, "GET", "/api/v1/audiences/"+created.ID, nil, 404, nil)
	otherAPI.json(t, "GET", "/api/v1/audiences/"+created.ID+"/members", nil, 404, nil)
	otherAPI.json(t, "PUT", "/api/v1/audiences/"+created.ID, map[string]any{"name": "x"}, 404, nil)
	var list struct{ Items []any }
	otherAPI.json(t, "GET", "/api/v1/audiences", nil, 200, &list)
	if len(list.Items) != 0 {
		t.Fatalf("other team lists %d audiences", len(list.Items))
	}
}
