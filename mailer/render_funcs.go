package mailer

import (
	"fmt"
	htmltemplate "html/template"
	"net/url"
	"strings"
	"time"
)

// buttonColors are the background colours of the mail buttons, by purpose (white text on each).
var buttonColors = map[string]string{
	"yes": "#15803d", "maybe": "#b45309", "no": "#4b5563", "primary": "#4338ca",
}

// buttonSpec is what the layout's "button" template draws.
type buttonSpec struct{ URL, Label, Color string }

// detailSpec is one labelled row of a meetup's details; URL, when set, is shown as a link.
type detailSpec struct{ Label, Value, URL string }

// funcs are the template functions of one language, bound once when its templates are parsed.
func (r *Renderer) funcs(lang string, cat *catalogue) map[string]any {
	return map[string]any{
		"t":           cat.translator(lang),
		"lang":        func() string { return lang },
		"when":        func(start, end time.Time, tz string) string { return FormatWhen(start, end, tz, lang) },
		"day":         func(t time.Time, tz string) string { return shortDay(t, tz, lang) },
		"link":        r.link,
		"answerURL":   r.answerURL,
		"baseURL":     func() string { return r.base.String() },
		"button":      button,
		"lines":       lines,
		"detailRow":   func(label, value, url string) detailSpec { return detailSpec{label, value, url} },
		"detailsText": func(m Meetup, to Recipient) (string, error) { return r.details[lang].render("text", m, to) },
		"detailsHTML": func(m Meetup, to Recipient) (htmltemplate.HTML, error) {
			s, err := r.details[lang].render("html", m, to)
			return htmltemplate.HTML(s), err // rendered by html/template from the shared partials
		},
	}
}

// link makes u absolute against the base URL; an empty or non-web link is an error, not a dead button.
func (r *Renderer) link(u string) (string, error) {
	u = strings.TrimSpace(u)
	ref, err := url.Parse(u)
	if err != nil || u == "" {
		return "", fmt.Errorf("mailer: bad link %q", u)
	}
	if !ref.IsAbs() {
		abs := *r.base
		abs.Path = strings.TrimSuffix(r.base.Path, "/") + "/" + strings.TrimPrefix(ref.Path, "/")
		abs.RawPath, abs.RawQuery, abs.Fragment = "", ref.RawQuery, ref.Fragment
		ref = &abs
	}
	if ref.Scheme != "https" && ref.Scheme != "http" || ref.Host == "" {
		return "", fmt.Errorf("mailer: link %q is not an http(s) URL", u)
	}
	return ref.String(), nil
}

// answerURL is the RSVP link with ?answer= preselected (the page still asks to confirm: a GET changes nothing).
func (r *Renderer) answerURL(u, answer string) (string, error) {
	abs, err := r.link(u)
	if err != nil {
		return "", err
	}
	ref, _ := url.Parse(abs)
	q := ref.Query()
	q.Set("answer", answer)
	ref.RawQuery = q.Encode()
	return ref.String(), nil
}

// button builds a buttonSpec; purpose picks the colour (yes, maybe, no or primary).
func button(u, label, purpose string) (buttonSpec, error) {
	c, ok := buttonColors[purpose]
	if !ok {
		return buttonSpec{}, fmt.Errorf("mailer: unknown button purpose %q", purpose)
	}
	return buttonSpec{URL: u, Label: label, Color: c}, nil
}

// lines splits plain text into lines, for HTML paragraphs with <br>.
func lines(s string) []string {
	return strings.Split(strings.TrimRight(cleanText(s), "\n"), "\n")
}
