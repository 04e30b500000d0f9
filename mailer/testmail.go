package mailer

import (
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
)

// testMailText is the "test" kind's wording, by language: a stand-in until the mail template
// renderer lands.
var testMailText = map[string]struct{ Subject, Hello, Body, Sign string }{
	"en": {"Convene test mail", "Hello {{.Name}},",
		"This is a test mail from Convene. If you can read it, mail from {{.BaseURL}} reaches you.", "Convene"},
	"ru": {"Тестовое письмо Convene", "Здравствуйте, {{.Name}}!",
		"Это тестовое письмо от Convene. Раз вы его читаете, почта от {{.BaseURL}} до вас доходит.", "Convene"},
}

// testMailHTML lays the test mail out as mail clients render it: a table, inline styles.
var testMailHTML = htmltemplate.Must(htmltemplate.New("test").Parse(`<!doctype html>
<html lang="{{.Lang}}"><body style="margin:0;padding:0;background:#f4f4f5">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f5"><tr><td align="center" style="padding:24px">
<table role="presentation" width="560" cellpadding="0" cellspacing="0" style="background:#ffffff;border-radius:6px;font-family:Arial,sans-serif;color:#18181b">
<tr><td style="padding:24px 28px;font-size:16px;line-height:1.5">
<p style="margin:0 0 12px">{{.Hello}}</p><p style="margin:0 0 12px">{{.Body}}</p>
<p style="margin:0;color:#71717a">— {{.Sign}}</p></td></tr></table></td></tr></table></body></html>`))

// ComposeTestMail renders the "test" mail to name in lang ("en" or "ru").
func ComposeTestMail(lang, name, baseURL string) (subject, text, html string, err error) {
	w, ok := testMailText[lang]
	if !ok {
		lang, w = "en", testMailText["en"]
	}
	data := map[string]string{"Name": name, "BaseURL": baseURL}
	hello, err := fill(w.Hello, data)
	if err != nil {
		return "", "", "", err
	}
	body, err := fill(w.Body, data)
	if err != nil {
		return "", "", "", err
	}
	var b strings.Builder
	err = testMailHTML.Execute(&b, map[string]string{"Lang": lang, "Hello": hello, "Body": body, "Sign": w.Sign})
	return w.Subject, hello + "\n\n" + body + "\n\n— " + w.Sign + "\n", b.String(), err
}

// fill renders one line of wording with data (plain text: the HTML template escapes it later).
func fill(line string, data map[string]string) (string, error) {
	t, err := texttemplate.New("").Parse(line)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	err = t.Execute(&b, data)
	return b.String(), err
}
