package mailer

import (
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/convene/convene/templates"
)

// templateCopy copies the embedded mail templates and catalogues into a MapFS a test can break.
func templateCopy(t *testing.T) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for _, dir := range []string{"mail", "i18n"} {
		err := fs.WalkDir(templates.FS, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(templates.FS, p)
			m[p] = &fstest.MapFile{Data: b}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// edit replaces old with new in one file of m, failing if old is not there.
func edit(t *testing.T, m fstest.MapFS, name, old, new string) {
	t.Helper()
	s := string(m[name].Data)
	if !strings.Contains(s, old) {
		t.Fatalf("%s has no %q", name, old)
	}
	m[name] = &fstest.MapFile{Data: []byte(strings.Replace(s, old, new, 1))}
}

// TestRendererFailsAtStart checks that a broken template or catalogue stops NewRenderer, not a send.
func TestRendererFailsAtStart(t *testing.T) {
	cases := map[string]struct {
		breakIt func(m fstest.MapFS)
		want    string
	}{
		"unknown id in a template": {func(m fstest.MapFS) {
			edit(t, m, "mail/reminder.tmpl", `"mail.reminder.intro"`, `"mail.reminder.intro_typo"`)
		}, "mail.reminder.intro_typo"},
		"id missing in ru": {func(m fstest.MapFS) {
			edit(t, m, "i18n/mail.ru.json", `"mail.update.was": "было",`, ``)
		}, "mail.update.was"},
		"id only in ru": {func(m fstest.MapFS) {
			edit(t, m, "i18n/mail.ru.json", `{`, `{"mail.extra": "лишнее",`)
		}, "mail.extra"},
		"broken text": {func(m fstest.MapFS) {
			edit(t, m, "i18n/mail.ru.json", `({{.Day}})`, `({{.Day)`)
		}, "mail.ru.json"},
		"no ru catalogue": {func(m fstest.MapFS) { delete(m, "i18n/mail.ru.json") }, "mail.ru.json"},
		"no html block": {func(m fstest.MapFS) {
			edit(t, m, "mail/cancellation.tmpl", `{{define "html"}}`, `{{define "html_old"}}`)
		}, `"html"`},
		"no kind": {func(m fstest.MapFS) { delete(m, "mail/test.tmpl") }, "mail/test.tmpl"},
		"syntax":  {func(m fstest.MapFS) { edit(t, m, "mail/invitation.tmpl", `{{end}}`, `{{end`) }, "invitation.tmpl"},
		"escaping": {func(m fstest.MapFS) {
			edit(t, m, "mail/test.tmpl", `{{define "content"}}`, `{{define "content"}}<a href="{{baseURL}}`)
		}, "html"},
	}
	for name, c := range cases {
		m := templateCopy(t)
		c.breakIt(m)
		_, err := newRenderer(m, testBaseURL)
		t.Logf("%s: %v", name, err)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v; want one naming %s", name, err, c.want)
		}
	}
	if _, err := newRenderer(templateCopy(t), testBaseURL); err != nil {
		t.Fatalf("the unbroken copy fails: %v", err)
	}
}

// TestRenderMissingArgumentFails checks a text given too few arguments is an error, not "<no value>".
func TestRenderMissingArgumentFails(t *testing.T) {
	m := templateCopy(t)
	edit(t, m, "mail/test.tmpl", `{{t "mail.test.subject"}}`, `{{t "mail.invitation.subject" "Title" "x"}}`)
	r, err := newRenderer(m, testBaseURL)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range mailLangs() {
		if out, err := r.Render(KindTest, lang, sampleData()[KindTest]); err == nil {
			t.Errorf("%s: rendered %q; want an error for the missing Day", lang, out.Subject)
		}
	}
}

// TestNewRendererBaseURL refuses a base URL links cannot be built on.
func TestNewRendererBaseURL(t *testing.T) {
	for _, base := range []string{"", "convene.example", "/relative", "ftp://convene.example", "https://"} {
		if _, err := NewRenderer(base); err == nil {
			t.Errorf("NewRenderer(%q) accepted", base)
		}
	}
}

// TestTranslatorFails: an unknown id or odd arguments are errors, never the id printed.
func TestTranslatorFails(t *testing.T) {
	cat, err := loadCatalogue(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range mailLangs() {
		tr := cat.translator(lang)
		if s, err := tr("mail.no_such_text"); err == nil || s != "" {
			t.Errorf("%s: unknown id gave %q, %v", lang, s, err)
		}
		if s, err := tr("mail.greeting", "Name"); err == nil || s != "" {
			t.Errorf("%s: odd arguments gave %q, %v", lang, s, err)
		}
	}
}
