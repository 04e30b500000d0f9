package handlers_test

import (
	"encoding/json"
	"net/url"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// audiencePreview is the live preview's answer.
type audiencePreview struct {
	Size   int
	Errors map[string]string
}

// previewOf asks the live preview about an audience form's fields.
func previewOf(t *testing.T, c *testutil.Client, v url.Values) audiencePreview {
	t.Helper()
	res := c.Get(t, "/audiences/preview?"+v.Encode())
	var p audiencePreview
	if res.Status != 200 || json.Unmarshal([]byte(res.Body), &p) != nil {
		t.Fatalf("preview of %v: %d %s", v, res.Status, res.Body)
	}
	return p
}

// TestAudiencePreviewNamesInvalidAddresses: the live preview names the listed addresses that are
// not addresses at all, in the submit's own words, in English and in Russian, beside the valid
// ones that are not in the directory; bytes that are not UTF-8 get their own message.
func TestAudiencePreviewNamesInvalidAddresses(t *testing.T) {
	app := testutil.NewApp(t)
	newAPI(t, app).importCSV(t, fiveCSV, 200)
	c, csrf := organiser(t, app)
	form := url.Values{"name": {"Picked"}, "include": {"nope\nghost@example.com\na@x.com"}, "exclude": {"b@x.com, half@"}}
	for lang, want := range map[string][3]string{
		"en": {"Not a valid email address: nope.", "Not a valid email address: half@.", "Not in the directory, so not added: ghost@example.com."},
		"ru": {"Неверный адрес: nope.", "Неверный адрес: half@.", "Нет в справочнике, поэтому не добавлены: ghost@example.com."},
	} {
		if err := app.Store.SetUserLang(t.Context(), app.User.ID, lang); err != nil {
			t.Fatal(err)
		}
		p := previewOf(t, c, form)
		if p.Size != 1 || p.Errors["include"] != want[0] || p.Errors["exclude"] != want[1] || p.Errors["include_unknown"] != want[2] {
			t.Fatalf("%s preview: %+v, want %q", lang, p, want)
		}
		submit := url.Values{"csrf_token": {csrf}, "name": form["name"], "include": form["include"], "exclude": form["exclude"]}
		wantPage(t, c.PostForm(t, "/audiences", submit), 422, `id="e-include">`+want[0], `id="e-exclude">`+want[1])
	}
	if err := app.Store.SetUserLang(t.Context(), app.User.ID, "ru"); err != nil { // the map's last was either
		t.Fatal(err)
	}
	p := previewOf(t, c, url.Values{"include": {"a@x.com\n" + badUTF8}})
	if p.Size != 1 || p.Errors["include"] != utf8MessageRU {
		t.Fatalf("preview of text that is not UTF-8: %+v", p)
	}
}

// TestAudienceErrorNamesABadAddressOnce: an invalid address given twice (or in another case) is
// named once by the submit's error and the preview's, in the order first given.
func TestAudienceErrorNamesABadAddressOnce(t *testing.T) {
	app := testutil.NewApp(t)
	newAPI(t, app).importCSV(t, fiveCSV, 200)
	c, csrf := organiser(t, app)
	include := "nope\na@x.com\nhalf@, nope\nNOPE; half@"
	const want = "Not a valid email address: nope, half@."
	if p := previewOf(t, c, url.Values{"name": {"Picked"}, "include": {include}}); p.Errors["include"] != want {
		t.Fatalf("preview: %+v, want %q", p, want)
	}
	submit := url.Values{"csrf_token": {csrf}, "name": {"Picked"}, "include": {include}}
	wantPage(t, c.PostForm(t, "/audiences", submit), 422, `id="e-include">`+want+"</")
}
