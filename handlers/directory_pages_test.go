package handlers_test

import (
	"bytes"
	"mime/multipart"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// organiser logs the app's organiser in and gives the client with a CSRF token.
func organiser(t *testing.T, app *testutil.App) (*testutil.Client, string) {
	t.Helper()
	c := app.Client()
	if res := c.Login(t, app.User.Email, testutil.Password); res.Status != 303 {
		t.Fatalf("login = %d", res.Status)
	}
	return c, testutil.CSRF(t, c.Get(t, "/people").Body)
}

// wantPage checks a page's status and that it shows every part.
func wantPage(t *testing.T, res testutil.Response, status int, parts ...string) {
	t.Helper()
	if res.Status != status {
		t.Fatalf("status %d, want %d: %.400s", res.Status, status, res.Body)
	}
	mustContain(t, "page", res.Body, parts...)
}

func TestPersonPageEditAndErase(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	api.importCSV(t, fiveCSV, 200)
	var list struct{ Items []person }
	api.json(t, "GET", "/api/v1/people?q=a@x.com", nil, 200, &list)
	id := list.Items[0].ID
	c, csrf := organiser(t, app)
	wantPage(t, c.Get(t, "/people?department=Eng"), 200, "a@x.com", "b@x.com")
	if body := c.Get(t, "/people?department=Sales").Body; strings.Contains(body, "a@x.com") {
		t.Fatalf("department filter shows a@x.com")
	}
	bad := url.Values{"csrf_token": {csrf}, "email": {"not-an-address"}, "name": {"Ana Typed"}, "timezone": {"Europe/Atlantis"}, "language": {"en"}}
	wantPage(t, c.PostForm(t, "/people/"+id, bad), 422, `value="Ana Typed"`, `value="Europe/Atlantis"`,
		"not a valid email address", "Unknown time zone")
	good := url.Values{"csrf_token": {csrf}, "email": {"a@x.com"}, "name": {"Ana"}, "timezone": {"Asia/Tokyo"},
		"language": {"ru"}, "interests": {"go, rust"}}
	wantPage(t, c.PostForm(t, "/people/"+id, good), 303)
	wantPage(t, c.Get(t, "/people/"+id), 200, "The person is saved.", `value="go, rust"`, `value="Asia/Tokyo"`)
	wantPage(t, c.Get(t, "/people/"+id+"/delete"), 200, "Erase Ana?", `action="/people/`+id+`/delete"`)
	wantPage(t, c.PostForm(t, "/people/"+id+"/delete", url.Values{"csrf_token": {csrf}}), 303)
	wantPage(t, c.Get(t, "/people"), 200, "The person and their data have been erased.")
	wantPage(t, c.Get(t, "/people/"+id), 404)
}

func TestDirectoryPagesAreTeamScoped(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	var p person
	api.json(t, "POST", "/api/v1/people", map[string]any{"email": "mine@example.com"}, 201, &p)
	var aud struct{ ID string }
	api.json(t, "POST", "/api/v1/audiences", map[string]any{"name": "Mine"}, 201, &aud)
	var m meetup
	api.json(t, "POST", "/api/v1/meetups", map[string]any{"title": "Mine"}, 201, &m)
	app.AddUser(t, "Other Team", "other@example.com", models.RoleOrganiser)
	c := app.Client()
	c.Login(t, "other@example.com", testutil.Password)
	for _, path := range []string{"/people/" + p.ID, "/people/" + p.ID + "/delete", "/audiences/" + aud.ID,
		"/audiences/" + aud.ID + "/edit", "/meetups/" + m.ID, "/meetups/" + m.ID + "/edit"} {
		if res := c.Get(t, path); res.Status != 404 {
			t.Errorf("other team GET %s = %d", path, res.Status)
		}
	}
	csrf := testutil.CSRF(t, c.Get(t, "/people").Body)
	if res := c.PostForm(t, "/people/"+p.ID+"/delete", url.Values{"csrf_token": {csrf}}); res.Status != 404 {
		t.Errorf("other team erase = %d", res.Status)
	}
	if strings.Contains(c.Get(t, "/people").Body, "mine@example.com") {
		t.Errorf("other team's list shows our person")
	}
}

func TestAudienceAndMeetupFormsKeepInput(t *testing.T) {
	app := testutil.NewApp(t)
	newAPI(t, app).importCSV(t, fiveCSV, 200)
	c, csrf := organiser(t, app)
	wantPage(t, c.Get(t, "/audiences/preview?departments=Eng&locations=Berlin"), 200, `"size":1`)
	wantPage(t, c.Get(t, "/audiences/preview?include=nope"), 200, `"size":0`, `"include"`)
	wantPage(t, c.Get(t, "/audiences/preview?include=ghost@example.com,A@X.com"), 200, `"size":1`,
		"Not in the directory, so not added: ghost@example.com.")
	if body := c.Get(t, "/audiences/preview?include=a@x.com").Body; strings.Contains(body, "include_unknown") {
		t.Fatalf("a known address is called unknown: %s", body)
	}
	form := url.Values{"csrf_token": {csrf}, "name": {""}, "departments": {"Eng"}, "include": {"not-an-address"}}
	wantPage(t, c.PostForm(t, "/audiences", form), 422, `value="Eng" checked`, "This field is required.",
		"Not a valid email address: not-an-address.", "not-an-address</textarea>")
	form.Set("name", "Engineers")
	form.Set("include", "d@x.com")
	res := c.PostForm(t, "/audiences", form)
	wantPage(t, res, 303)
	audPage := c.Get(t, res.Header.Get("Location"))
	wantPage(t, audPage, 200, "Engineers", `<span id="audience-size">3</span>`, "By department: Eng 2, Data 1")
	mt := url.Values{"csrf_token": {csrf}, "title": {""}, "capacity": {"lots"}, "timezone": {"Mars/Base"},
		"format": {"talk"}, "online_url": {"ftp://x"}, "new_series": {""}}
	wantPage(t, c.PostForm(t, "/meetups", mt), 422, `value="lots"`, `value="Mars/Base"`, "Enter a whole number.",
		"Unknown time zone", "Enter a full link")
	mt.Set("duration_minutes", "0")
	mt.Set("capacity", "99999999999999999999")
	wantPage(t, c.PostForm(t, "/meetups", mt), 422, `id="e-duration_minutes">At least 1.`,
		`id="e-capacity">At most 100000.`)
}

func TestImportUploadPage(t *testing.T) {
	app := testutil.NewApp(t)
	c, csrf := organiser(t, app)
	upload := func(name, content string) testutil.Response {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		mw.WriteField("csrf_token", csrf)
		if name != "" {
			fw, _ := mw.CreateFormFile("file", name)
			fw.Write([]byte(content))
		}
		mw.Close()
		return c.Do(t, "POST", "/people/import", mw.FormDataContentType(), &buf)
	}
	wantPage(t, upload("", ""), 422, "This field is required.")
	wantPage(t, upload("cp1251.csv", "email,name\na@x.com,\xC0\xED\xED\xE0\n"), 422, "The file is not UTF-8", "Windows-1251", "Nothing was imported")
	wantPage(t, upload("ok.csv", "email,timezone\na@x.com,UTC\nb@x.com,Mars/Base\n"), 200,
		`<strong id="n-created">1</strong>`, `<strong id="n-skipped">1</strong>`, "<td>3</td>", "Unknown time zone &#34;Mars/Base&#34;")
}

func TestDirectoryPagesInRussian(t *testing.T) {
	app := testutil.NewApp(t)
	newAPI(t, app).importCSV(t, fiveCSV, 200)
	if err := app.Store.SetUserLang(t.Context(), app.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	c, _ := organiser(t, app)
	wantPage(t, c.Get(t, "/people"), 200, "Справочник сотрудников", "5 человек")
	wantPage(t, c.Get(t, "/audiences/new"), 200, "Новая аудитория", "Отделы")
	wantPage(t, c.Get(t, "/meetups/new"), 200, "Новая встреча", "Часовой пояс")
	wantPage(t, c.Get(t, "/people/import"), 200, "Импорт справочника")
}
