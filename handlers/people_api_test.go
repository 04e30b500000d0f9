package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// person is a person as the API returns it.
type person struct {
	ID, Email, Name, Department, Location, Timezone, Language string
	Interests                                                 []string
}

func TestPeopleListFiltersAndPaging(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	api.importCSV(t, sampleCSV(t), 200)
	if n := api.countPeople(t, ""); n != 60 {
		t.Fatalf("all = %d", n)
	}
	var eng struct{ Items []person }
	api.json(t, "GET", "/api/v1/people?department=ENGINEERING&limit=500", nil, 200, &eng)
	for _, p := range eng.Items {
		if p.Department != "Engineering" {
			t.Errorf("department filter let %+v through", p)
		}
	}
	checks := map[string]func(person) bool{
		"&location=kyiv":                  func(p person) bool { return p.Location == "Kyiv" },
		"&interest=seo":                   func(p person) bool { return strings.Contains(strings.Join(p.Interests, ","), "seo") },
		"&q=SMIRNOVA":                     func(p person) bool { return strings.Contains(strings.ToLower(p.Email+p.Name), "smirnov") },
		"&q=100%25":                       func(person) bool { return false }, // wildcards are taken literally
		"&q=example.com&department=Sales": func(p person) bool { return p.Department == "Sales" },
	}
	for q, ok := range checks {
		var out struct{ Items []person }
		api.json(t, "GET", "/api/v1/people?limit=500"+q, nil, 200, &out)
		for _, p := range out.Items {
			if !ok(p) {
				t.Errorf("%s let %+v through", q, p)
			}
		}
		if q != "&q=100%25" && len(out.Items) == 0 {
			t.Errorf("%s found nobody", q)
		}
	}
	seen := map[string]bool{}
	cursor := ""
	for pages := 0; ; pages++ {
		var out struct {
			Items      []person
			NextCursor string `json:"next_cursor"`
		}
		api.json(t, "GET", "/api/v1/people?limit=7&cursor="+cursor, nil, 200, &out)
		for _, p := range out.Items {
			if seen[p.ID] {
				t.Fatalf("%s on two pages", p.Email)
			}
			seen[p.ID] = true
		}
		if cursor = out.NextCursor; cursor == "" {
			break
		}
	}
	if len(seen) != 60 {
		t.Fatalf("paging saw %d people", len(seen))
	}
	var bad apiErr
	api.json(t, "GET", "/api/v1/people?cursor=garbage!", nil, 422, &bad)
}

func TestPersonCreateUpdateValidation(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	var p person
	api.json(t, "POST", "/api/v1/people", map[string]any{"email": "Ana@Example.com", "name": " Ana  Lopez ",
		"interests": []string{"go", " Go ", "sql"}, "timezone": "Europe/Madrid", "language": "ru"}, 201, &p)
	if p.Name != "Ana Lopez" || strings.Join(p.Interests, ",") != "go,sql" || p.Language != "ru" {
		t.Fatalf("created %+v", p)
	}
	var e apiErr
	api.json(t, "POST", "/api/v1/people", map[string]any{"email": "ana@example.COM"}, 422, &e)
	if e.Error.Fields["email"] == "" {
		t.Fatalf("duplicate address: %+v", e)
	}
	e = apiErr{}
	api.json(t, "PATCH", "/api/v1/people/"+p.ID, map[string]any{"email": "nope", "timezone": "Mars/Base",
		"language": "de"}, 422, &e)
	for _, f := range []string{"email", "timezone", "language"} {
		if e.Error.Fields[f] == "" {
			t.Errorf("no field error for %s: %+v", f, e.Error.Fields)
		}
	}
	mustContain(t, "time zone error", e.Error.Fields["timezone"], "IANA")
	e = apiErr{}
	api.json(t, "PATCH", "/api/v1/people/"+p.ID, map[string]any{"interests": "go"}, 422, &e)
	if e.Error.Fields["interests"] == "" {
		t.Errorf("wrong type: %+v", e)
	}
	var up person
	api.json(t, "PATCH", "/api/v1/people/"+p.ID, map[string]any{"department": "Data"}, 200, &up)
	if up.Department != "Data" || up.Name != "Ana Lopez" {
		t.Fatalf("patched %+v", up)
	}
}

func TestPeopleAreTeamScoped(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	_, other := app.AddUser(t, "Other Team", "other@example.com", models.RoleOrganiser)
	otherAPI := apiClient{c: app.Client(), tok: app.Token(t, other.Email)}
	var p person
	api.json(t, "POST", "/api/v1/people", map[string]any{"email": "mine@example.com"}, 201, &p)
	for _, m := range []string{"GET", "PATCH", "DELETE"} {
		var body any
		if m == "PATCH" {
			body = map[string]any{"name": "stolen"}
		}
		otherAPI.json(t, m, "/api/v1/people/"+p.ID, body, 404, nil)
	}
	if n := otherAPI.countPeople(t, ""); n != 0 {
		t.Fatalf("other team sees %d people", n)
	}
	api.json(t, "GET", "/api/v1/people/not-a-uuid", nil, 404, nil)
}

func TestErasePersonEverywhere(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	var p person
	api.json(t, "POST", "/api/v1/people", map[string]any{"email": "Gone@Example.com", "name": "Secret Name"}, 201, &p)
	var aud struct{ ID string }
	api.json(t, "POST", "/api/v1/audiences", map[string]any{"name": "Picked", "include": []string{"gone@example.com", "x@example.com"},
		"exclude": []string{"GONE@example.com"}}, 201, &aud)
	api.json(t, "DELETE", "/api/v1/people/"+p.ID, nil, 204, nil)
	api.json(t, "GET", "/api/v1/people/"+p.ID, nil, 404, nil)
	api.json(t, "DELETE", "/api/v1/people/"+p.ID, nil, 404, nil)
	var got struct{ Include, Exclude []string }
	api.json(t, "GET", "/api/v1/audiences/"+aud.ID, nil, 200, &got)
	if len(got.Include) != 1 || got.Include[0] != "x@example.com" || len(got.Exclude) != 0 {
		t.Fatalf("audience lists after erase: %+v", got)
	}
	entries, err := app.Store.ListAudit(context.Background(), app.Team.ID, 50)
	if err != nil {
		t.Fatal(err)
	}
	erased := false
	for _, e := range entries {
		if strings.Contains(strings.ToLower(e.Detail+e.Target), "gone@") || strings.Contains(e.Detail, "Secret") {
			t.Errorf("audit entry keeps personal data: %+v", e)
		}
		erased = erased || (e.Action == "person.erase" && e.Target == "person:"+p.ID)
	}
	if !erased {
		t.Fatalf("no audit entry for the erase: %+v", entries)
	}
}
