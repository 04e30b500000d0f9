package handlers_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/convene/convene/internal/testutil"
)

// logIn signs the app's organiser in through the login form.
func logIn(t *testing.T, ctx context.Context, app *testutil.App) {
	t.Helper()
	do(t, ctx, "log in",
		chromedp.Navigate(app.URL+"/login"),
		chromedp.WaitVisible(chromedp.CSS("#email")),
		chromedp.SendKeys(chromedp.CSS("#email"), app.User.Email),
		chromedp.SendKeys(chromedp.CSS("#password"), testutil.Password),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".who")),
	)
}

// waitText polls until the element's text is want, or fails after a deadline.
func waitText(t *testing.T, ctx context.Context, id, want string) {
	t.Helper()
	js := `document.getElementById(` + quoteJS(id) + `) && document.getElementById(` + quoteJS(id) + `).textContent.trim() === ` + quoteJS(want)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(15*time.Second))); err != nil {
		t.Fatalf("#%s never showed %q (it shows %q): %v", id, want, textContentOf(t, ctx, "#"+id), err)
	}
}

// textContentOf reads an element's text content, visible or not.
func textContentOf(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("text of %s: %v", css, err)
	}
	return strings.TrimSpace(s)
}

// quoteJS makes a JavaScript string literal of plain text.
func quoteJS(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// TestBrowserOrganiserStep1 walks step 1 as an organiser: import the sample directory through the
// upload form, build an audience watching its live size, read its profile charts, create a meetup
// for it and set its topic directly.
func TestBrowserOrganiserStep1(t *testing.T) {
	app := testutil.NewApp(t)
	ctx := tab(t)
	sample, err := filepath.Abs("testdata/people-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	// The browser is shared by the package's tests: take the language cookie this test sets away again.
	t.Cleanup(func() {
		_, err := chromedp.Call(ctx, network.DeleteCookies, network.DeleteCookiesParams{Name: "lang", URL: app.URL})
		if err != nil {
			t.Logf("delete the lang cookie: %v", err)
		}
	})
	logIn(t, ctx, app)

	do(t, ctx, "import the sample",
		chromedp.Navigate(app.URL+"/people/import"),
		chromedp.SetUploadFiles(chromedp.CSS("#f-file"), []string{sample}),
		chromedp.Click(chromedp.CSS("#import-form button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#import-summary")),
	)
	if c, s := textOf(t, ctx, "#n-created"), textOf(t, ctx, "#n-skipped"); c != "60" || s != "0" {
		t.Fatalf("import summary: created %s, skipped %s", c, s)
	}
	testutil.Screenshot(t, ctx, "step1-import-summary")

	do(t, ctx, "build an audience",
		chromedp.Navigate(app.URL+"/audiences/new"),
		chromedp.WaitVisible(chromedp.CSS("#audience-form")),
		chromedp.SendKeys(chromedp.CSS("#f-name"), "Engineering & Analytics"),
		chromedp.Click(chromedp.CSS(`input[name=departments][value="Engineering"]`)),
	)
	waitText(t, ctx, "audience-size", "6")
	do(t, ctx, "widen it", chromedp.Click(chromedp.CSS(`input[name=departments][value="Analytics"]`)))
	waitText(t, ctx, "audience-size", "13")
	testutil.Screenshot(t, ctx, "step1-audience-form")
	do(t, ctx, "save the audience",
		chromedp.Click(chromedp.CSS("#audience-form button.primary")),
		chromedp.WaitVisible(chromedp.CSS(".chart svg")),
	)
	if got := textOf(t, ctx, "#audience-size"); got != "13" {
		t.Fatalf("audience page size %q", got)
	}
	if got := textContentOf(t, ctx, "#aud-dept-t"); got != "By department: Analytics 7, Engineering 6" {
		t.Fatalf("department chart says %q", got)
	}
	mustContain(t, "time-zone chart", textContentOf(t, ctx, "#aud-tz-t"), "By time zone: ")
	testutil.Screenshot(t, ctx, "step1-audience-profile")

	do(t, ctx, "create a meetup for it",
		chromedp.Click(chromedp.CSS(`a[href^="/meetups/new?audience_id="]`)),
		chromedp.WaitVisible(chromedp.CSS("#meetup-form")),
		chromedp.SendKeys(chromedp.CSS("#f-title"), "Data pipelines that don't page you at night"),
		chromedp.SetValue(chromedp.CSS("#f-timezone"), "Europe/Berlin"),
		chromedp.SetValue(chromedp.CSS("#f-capacity"), "30"),
		chromedp.SendKeys(chromedp.CSS("#f-new_series"), "Data Thursdays"),
		chromedp.Click(chromedp.CSS("#meetup-form button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#pipeline")),
	)
	mustContain(t, "current step", textOf(t, ctx, "#pipeline li.current"), "Audience")
	if got := textOf(t, ctx, "#meetup-audience-size"); got != "13" {
		t.Fatalf("meetup audience size %q", got)
	}
	mustContain(t, "meetup meta", textOf(t, ctx, "p.meta"), "Data Thursdays", "Europe/Berlin")

	do(t, ctx, "set the topic directly",
		chromedp.SendKeys(chromedp.CSS("#f-topic"), "Backfills without tears"),
		chromedp.Click(chromedp.CSS("#topic-form button.primary")),
		chromedp.WaitVisible(chromedp.CSS("#meetup-topic")),
	)
	mustContain(t, "current step after the topic", textOf(t, ctx, "#pipeline li.current"), "Speaker search")
	mustContain(t, "done steps", textOf(t, ctx, "#pipeline"), "Engineering & Analytics: 13 people", "Topic: Backfills without tears")
	testutil.Screenshot(t, ctx, "step1-meetup-pipeline")

	meetupURL, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	do(t, ctx, "switch to Russian",
		chromedp.Click(chromedp.CSS(`form.lang button[value="ru"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="ru"] main`)),
		chromedp.Navigate(meetupURL),
		chromedp.WaitVisible(chromedp.CSS(`#pipeline`)),
	)
	mustContain(t, "current step in Russian", textOf(t, ctx, "#pipeline li.current"), "Поиск спикеров")
	mustContain(t, "chart in Russian", textContentOf(t, ctx, "#mt-dept-t"), "По отделам: Analytics 7, Engineering 6")
	testutil.Screenshot(t, ctx, "step1-meetup-pipeline-ru")
	do(t, ctx, "the directory in Russian",
		chromedp.Navigate(app.URL+"/people?department=Engineering"),
		chromedp.WaitVisible(chromedp.CSS("#people")),
	)
	mustContain(t, "people page in Russian", textOf(t, ctx, "main h1"), "Справочник сотрудников", "60 человек")
	testutil.Screenshot(t, ctx, "step1-people-ru")
}
