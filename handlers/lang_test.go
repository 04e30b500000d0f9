package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestLoginPageFollowsAcceptLanguage proves a visitor whose browser prefers Russian gets the
// Russian login page, and others the English one.
func TestLoginPageFollowsAcceptLanguage(t *testing.T) {
	app := testutil.NewApp(t)
	cases := map[string]string{"ru-RU,ru;q=0.9,en;q=0.5": "Вход в Convene", "ru": "Вход в Convene",
		"de-DE,de;q=0.9": "Log in to Convene", "": "Log in to Convene", "en-GB": "Log in to Convene"}
	for accept, heading := range cases {
		res := app.Client().Get(t, "/login", "Accept-Language", accept)
		lang := "en"
		if strings.HasPrefix(heading, "Вход") {
			lang = "ru"
		}
		if res.Status != http.StatusOK || !strings.Contains(res.Body, heading) || !strings.Contains(res.Body, `<html lang="`+lang+`">`) {
			t.Errorf("Accept-Language %q: %d, want the page in %s with %q", accept, res.Status, lang, heading)
		}
	}
}

// TestLanguageSwitchPersists proves POST /lang switches a logged-in organiser's pages and keeps the
// choice on the account, so it holds in a new session without the cookie.
func TestLanguageSwitchPersists(t *testing.T) {
	app := testutil.NewApp(t)
	c := loggedIn(t, app)
	dash := c.Get(t, "/")
	if !strings.Contains(dash.Body, "<h1>Your team&#39;s meetups</h1>") {
		t.Fatal("the dashboard does not start in English")
	}
	res := formPost(t, c, "/lang", dash.Body, url.Values{"lang": {"ru"}, "next": {"/"}})
	if res.Status != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("POST /lang: %d to %q", res.Status, res.Header.Get("Location"))
	}
	if dash := c.Get(t, "/"); !strings.Contains(dash.Body, "Встречи вашей команды") {
		t.Fatal("after switching to Russian the dashboard is not in Russian")
	}
	u, err := app.Store.UserByEmail(t.Context(), app.User.Email)
	if err != nil || u.Lang != "ru" {
		t.Fatalf("the user's language is %q (%v), want ru", u.Lang, err)
	}
	fresh := loggedIn(t, app)
	if dash := fresh.Get(t, "/", "Accept-Language", "en"); !strings.Contains(dash.Body, "Встречи вашей команды") {
		t.Fatal("a new session (English browser, no cookie) does not keep the user's Russian")
	}

	anon := app.Client()
	page := anon.Get(t, "/login")
	if res := formPost(t, anon, "/lang", page.Body, url.Values{"lang": {"ru"}, "next": {"//evil.example"}}); res.Header.Get("Location") != "/" {
		t.Fatalf("POST /lang followed next off-site to %q", res.Header.Get("Location"))
	}
	if page := anon.Get(t, "/login"); !strings.Contains(page.Body, "Вход в Convene") {
		t.Fatal("before login, the switch does not hold for the visitor")
	}
}

// TestUsersLanguageOnPagesWithoutAUser: an organiser who chose Russian, logging in from a new
// browser, gets a mistyped address's 404 in Russian too (no page there knows the user).
func TestUsersLanguageOnPagesWithoutAUser(t *testing.T) {
	app := testutil.NewApp(t)
	if err := app.Store.SetUserLang(context.Background(), app.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	c := app.Client()
	c.Login(t, app.User.Email, testutil.Password)
	if p := c.Get(t, "/no-such-page"); p.Status != 404 || !strings.Contains(p.Body, "Страница не найдена") {
		t.Fatalf("404 after logging in as a Russian-speaking organiser: %d\n%.600s", p.Status, p.Body)
	}
}
