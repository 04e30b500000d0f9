package mailer

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// leakedID finds a message id printed instead of its text.
var leakedID = regexp.MustCompile(`\bmail\.[a-z_]+\.[a-z_.]+`)

// TestRenderEveryKind renders every kind in both languages and checks what a recipient gets.
func TestRenderEveryKind(t *testing.T) {
	r := newTestRenderer(t)
	for kind, data := range sampleData() {
		for _, lang := range mailLangs() {
			t.Run(kind+"/"+lang, func(t *testing.T) {
				m, err := r.Render(kind, lang, data)
				if err != nil {
					t.Fatalf("Render: %v", err)
				}
				checkSubject(t, m.Subject)
				checkNoLeaks(t, m)
				checkHTMLSelfContained(t, m.HTML, lang)
				if !strings.HasSuffix(m.Text, "\n") || strings.Contains(m.Text, "\n\n\n") || strings.Contains(m.Text, "\r") {
					t.Errorf("text part not tidy:\n%s", m.Text)
				}
				if slices.Contains(rsvpKinds(), kind) {
					checkRSVPLinks(t, m)
				}
				if kind != KindTest && !strings.Contains(m.Text, "(Europe/Kyiv, UTC+02:00)") {
					t.Errorf("text shows no time with its offset:\n%s", m.Text)
				}
			})
		}
	}
}

// checkSubject checks that a subject is one trimmed line.
func checkSubject(t *testing.T, s string) {
	t.Helper()
	if s == "" || s != strings.TrimSpace(s) || strings.ContainsAny(s, "\r\n\x00\t") || strings.Contains(s, "  ") {
		t.Errorf("subject is not one clean line: %q", s)
	}
}

// checkNoLeaks fails on a message id, "<no value>" or html/template's ZgotmplZ in any part.
func checkNoLeaks(t *testing.T, m Rendered) {
	t.Helper()
	for part, s := range map[string]string{"subject": m.Subject, "text": m.Text, "html": m.HTML} {
		if id := leakedID.FindString(s); id != "" {
			t.Errorf("%s shows the id %q instead of its text", part, id)
		}
		if strings.Contains(s, "<no value>") || strings.Contains(s, "ZgotmplZ") {
			t.Errorf("%s has a missing or unsafe value:\n%s", part, s)
		}
	}
}

// checkHTMLSelfContained checks the HTML loads nothing from anywhere and carries lang and a preheader.
func checkHTMLSelfContained(t *testing.T, html, lang string) {
	t.Helper()
	low := strings.ToLower(html)
	for _, bad := range []string{"<link", "<script", "<img", "<style", "<iframe", "src=", "url(", "@import", "background="} {
		if strings.Contains(low, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	for _, want := range []string{"<!doctype html>", `<html lang="` + lang + `">`, `role="presentation"`, "mso-hide:all"} {
		if !strings.Contains(low, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

// checkRSVPLinks checks the three answers, the manage and calendar links, in both parts.
func checkRSVPLinks(t *testing.T, m Rendered) {
	t.Helper()
	for _, answer := range []string{"yes", "maybe", "no"} {
		u := testBaseURL + sampleRSVP + "?answer=" + answer
		if !strings.Contains(m.Text, u) || !strings.Contains(m.HTML, `href="`+u+`"`) {
			t.Errorf("no %s link %s", answer, u)
		}
	}
	for _, u := range []string{testBaseURL + sampleRSVP, testBaseURL + sampleCalendar} {
		if !strings.Contains(m.Text, u+"\n") || !strings.Contains(m.HTML, `href="`+u+`"`) {
			t.Errorf("no link %s", u)
		}
	}
	if !strings.Contains(m.HTML, ">"+testBaseURL+sampleRSVP+"</a>") {
		t.Errorf("HTML does not show the RSVP URL as text")
	}
}
