package handlers_test

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/internal/textfold"
)

// foldCSV is a directory whose departments, locations and interests are spelled with and
// without accents and in several cases.
const foldCSV = `email,name,department,location,timezone,interests
ana@x.com,Ana,Engineering,São Paulo,America/Sao_Paulo,Análise de dados;Go
bia@x.com,Bia,engineering,Sao Paulo,America/Sao_Paulo,analise de dados
caio@x.com,Caio,ENGINEERING,SÃO PAULO,America/Sao_Paulo,
dan@x.com,Dan,Engineering,Berlin,Europe/Berlin,Go
eva@x.com,Eva,Sales,São Paulo,America/Sao_Paulo,Café
`

// foldFilters are filters of the directory as sent in a URL, and whom each finds.
var foldFilters = map[string]string{
	"location=Sao+Paulo":                        "ana bia caio eva",
	"location=s%C3%A3o+paulo":                   "ana bia caio eva",
	"location=+SAO++PAULO+":                     "ana bia caio eva",
	"department=engineering":                    "ana bia caio dan",
	"department=ENGINEERING&location=sao+paulo": "ana bia caio",
	"interest=ANALISE+DE+DADOS":                 "ana bia",
	"interest=cafe":                             "eva",
	"location=Paulo":                            "",
}

// foldAddresses are the addresses of the people of foldCSV named by their first names.
func foldAddresses(names string) []string {
	out := []string{}
	for _, n := range strings.Fields(names) {
		out = append(out, n+"@x.com")
	}
	return out
}

// selectOptions are the values offered by the select of that id on a page, and the one chosen.
func selectOptions(t *testing.T, body, id string) (values []string, chosen string) {
	t.Helper()
	_, sel, ok := strings.Cut(body, `<select id="`+id+`"`)
	sel, _, _ = strings.Cut(sel, `</select>`)
	if !ok {
		t.Fatalf("no select %s:\n%.3000s", id, body)
	}
	for _, m := range regexp.MustCompile(`<option value="([^"]*)" ?(selected)?>`).FindAllStringSubmatch(sel, -1) {
		if m[1] == "" {
			continue // "Any"
		}
		values = append(values, m[1])
		if m[2] != "" {
			chosen = m[1]
		}
	}
	return values, chosen
}

// wantOfferedOnce fails unless values hold exactly one value of each of the folded spellings.
func wantOfferedOnce(t *testing.T, what string, values []string, folded ...string) {
	t.Helper()
	var got []string
	for _, v := range values {
		got = append(got, textfold.Fold(v))
	}
	sameSet(t, what, got, folded)
}

// TestPeopleFiltersIgnoreAccentsAndCase: the directory's department, location and interest
// filters find people whatever the case and accents of either side, as its search does
// ("Sao Paulo" finds São Paulo and SÃO PAULO), in the JSON API and on the page; the page's
// selects offer each value once (the most common spelling), and a filter typed in another
// spelling shows that one chosen.
func TestPeopleFiltersIgnoreAccentsAndCase(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	api.importCSV(t, foldCSV, 200)
	c := loggedIn(t, app)
	for filter, names := range foldFilters {
		got, _ := listPage(t, api, "/api/v1/people?limit=500&"+filter)
		sameSet(t, "API ?"+filter, got, foldAddresses(names))
		page := c.Get(t, "/people?"+filter)
		if page.Status != 200 {
			t.Fatalf("page ?%s: %d\n%s", filter, page.Status, page.Body)
		}
		sameSet(t, "page ?"+filter, listedRows(page.Body, "people", peopleRowsRE), foldAddresses(names))
	}
	page := c.Get(t, "/people?location=sao+paulo&department=ENGINEERING&interest=analise+de+dados").Body
	locations, chosen := selectOptions(t, page, "location")
	if want := []string{"Berlin", "São Paulo"}; fmt.Sprint(locations) != fmt.Sprint(want) || chosen != "São Paulo" {
		t.Errorf("location select offers %q with %q chosen, want %q with São Paulo chosen", locations, chosen, want)
	}
	departments, chosen := selectOptions(t, page, "department")
	if want := []string{"Engineering", "Sales"}; fmt.Sprint(departments) != fmt.Sprint(want) || chosen != "Engineering" {
		t.Errorf("department select offers %q with %q chosen, want %q with Engineering chosen", departments, chosen, want)
	}
	interests, chosen := selectOptions(t, page, "interest")
	wantOfferedOnce(t, "interest select", interests, "analise de dados", "cafe", "go")
	if textfold.Fold(chosen) != "analise de dados" {
		t.Errorf("interest select: %q chosen, want Análise de dados", chosen)
	}
}

// TestPeopleFiltersRefuseUnreadableText: a filter with a NUL or bytes that are not UTF-8 is its
// field's error (422) in the API and beside its select on the page, never a 500.
func TestPeopleFiltersRefuseUnreadableText(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	api.importCSV(t, foldCSV, 200)
	c := loggedIn(t, app)
	for field, message := range map[string]string{"department": "contains a control character",
		"location": "could not be read", "interest": "At most 200 characters."} {
		raw := map[string]string{"department": "Eng%00", "location": "S%FFo", "interest": strings.Repeat("x", 201)}[field]
		path := "/api/v1/people?" + field + "=" + raw
		b := apiError(t, path, api.call(t, "GET", path, "", nil), 422, "invalid")
		if !strings.Contains(b.Error.Fields[field], message) {
			t.Errorf("%s: fields %v, want %s: …%s…", path, b.Error.Fields, field, message)
		}
		page := c.Get(t, "/people?"+field+"="+raw)
		_, shown, _ := strings.Cut(page.Body, `<p class="error" id="e-`+field+`">`)
		if page.Status != 422 || !strings.Contains(shown, message) || strings.Contains(page.Body, `<table class="list" id="people">`) {
			t.Errorf("page ?%s=%.20s: %d, want 422 with the field's error\n%.3000s", field, raw, page.Status, page.Body)
		}
		noLeak(t, "page ?"+field, page.Body)
	}
}

// TestAudienceRuleIgnoresAccentsAndCase: an audience of "engineering" in "Sao Paulo" holds the
// engineers of São Paulo however their department and city are spelled: its size, its members,
// its profile (each department and city once) and the form's live preview agree, and the edit
// form ticks the one "São Paulo" it offers.
func TestAudienceRuleIgnoresAccentsAndCase(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	api.importCSV(t, foldCSV, 200)
	var created struct {
		ID   string
		Size int
	}
	api.json(t, "POST", "/api/v1/audiences", map[string]any{"name": "SP engineers",
		"departments": []string{"engineering"}, "locations": []string{"Sao Paulo"}}, 201, &created)
	if created.Size != 3 {
		t.Errorf("size %d, want 3 (ana, bia, caio)", created.Size)
	}
	sameSet(t, "members", api.members(t, created.ID), foldAddresses("ana bia caio"))
	var got struct {
		Profile struct {
			Size                   int
			Departments, Locations []struct {
				Key   string
				Count int
			}
		}
	}
	api.json(t, "GET", "/api/v1/audiences/"+created.ID, nil, 200, &got)
	pr := got.Profile
	if pr.Size != 3 || len(pr.Departments) != 1 || pr.Departments[0].Count != 3 || len(pr.Locations) != 1 ||
		pr.Locations[0].Count != 3 || textfold.Fold(pr.Locations[0].Key) != "sao paulo" {
		t.Errorf("profile %+v, want one department and one city, 3 people each", pr)
	}
	c, _ := organiser(t, app)
	if p := previewOf(t, c, url.Values{"departments": {"ENGINEERING"}, "locations": {"são paulo"}}); p.Size != 3 {
		t.Errorf("preview size %d, want 3", p.Size)
	}
	if p := previewOf(t, c, url.Values{"interests": {"Analise de Dados", "CAFÉ"}}); p.Size != 3 {
		t.Errorf("preview of two interests: size %d, want 3 (ana, bia, eva)", p.Size)
	}
	form := c.Get(t, "/audiences/"+created.ID+"/edit").Body
	boxes := regexp.MustCompile(`name="locations" value="([^"]*)" ?(checked)?>`).FindAllStringSubmatch(form, -1)
	if len(boxes) != 2 || boxes[1][1] != "São Paulo" || boxes[1][2] != "checked" || boxes[0][2] != "" {
		t.Errorf("the form's cities: %q, want Berlin and São Paulo, São Paulo ticked", boxes)
	}
	if !strings.Contains(form, `<strong id="audience-size">3</strong>`) {
		t.Errorf("the edit form does not show the size 3:\n%.3000s", form)
	}
}
