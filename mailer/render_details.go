package mailer

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"strings"
	"sync"
	texttemplate "text/template"

	"github.com/convene/convene/internal/tmplfold"
)

// A meetup's details (when, where, online, speakers, description) read the same in every mail
// of the meetup to people of one time zone and language, and were about a third of rendering a
// waitlisted notice. Mail templates ask for them with {{detailsText .Meetup .To}} and
// {{detailsHTML .Meetup .To}}: each language renders them from the shared partials
// (details_text, details_html) once per meetup and zone, and keeps the result.

// maxDetails bounds a language's cache of details; it starts afresh when full.
const maxDetails = 1024

// detailsSet renders one language's details and keeps them by meetup and zone.
type detailsSet struct {
	text  *texttemplate.Template
	html  *htmltemplate.Template
	mu    sync.Mutex
	cache map[string]string
}

// detailsData is all the details partials see: the meetup and the reader's zone, nothing else
// of the reader, so that one rendering serves everyone of the zone.
type detailsData struct {
	Meetup Meetup
	To     struct{ TimeZone string }
}

// parseDetails parses the shared partials down to the details, as parseKind does a kind.
func parseDetails(fsys fs.FS, funcs map[string]any) (*detailsSet, error) {
	tt, err := texttemplate.New("details").Option("missingkey=error").Funcs(funcs).ParseFS(fsys, "mail/_*.tmpl")
	if err != nil {
		return nil, err
	}
	ht, err := htmltemplate.New("details").Option("missingkey=error").Funcs(funcs).ParseFS(fsys, "mail/_*.tmpl")
	if err != nil {
		return nil, err
	}
	out := texttemplate.New("details").Option("missingkey=error").Funcs(funcs)
	if tt, err = tmplfold.PruneText(tt, out, "details_text"); err != nil {
		return nil, err
	}
	hout := htmltemplate.New("details").Option("missingkey=error").Funcs(funcs)
	if ht, err = tmplfold.PruneHTML(ht, hout, "details_html"); err != nil {
		return nil, err
	}
	fixed := fixedCalls(funcs)
	tmplfold.Calls(tmplfold.TextTrees(tt), fixed)
	tmplfold.Text(tmplfold.TextTrees(tt), false)
	tmplfold.Calls(tmplfold.HTMLTrees(ht), fixed)
	return &detailsSet{text: tt, html: ht, cache: map[string]string{}}, nil
}

// render gives the details as "text" or "html" for m read in to's zone, from the cache when
// they were rendered before.
func (d *detailsSet) render(part string, m Meetup, to Recipient) (string, error) {
	key := part + "\x00" + to.TimeZone + "\x00" + m.key()
	d.mu.Lock()
	s, ok := d.cache[key]
	d.mu.Unlock()
	if ok {
		return s, nil
	}
	data := detailsData{Meetup: m}
	data.To.TimeZone = to.TimeZone
	var buf bytes.Buffer
	var err error
	if part == "html" {
		err = d.html.ExecuteTemplate(&buf, "details_html", data)
	} else {
		err = d.text.ExecuteTemplate(&buf, "details_text", data)
	}
	if err != nil {
		return "", fmt.Errorf("mailer: details: %w", err)
	}
	d.keep(key, buf.String())
	return buf.String(), nil
}

// keep caches s under key, starting afresh once the cache is full.
func (d *detailsSet) keep(key, s string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.cache) >= maxDetails {
		d.cache = map[string]string{}
	}
	d.cache[key] = s
}

// key is everything of the meetup, written so that two meetups share it only when equal.
func (m Meetup) key() string {
	var b strings.Builder
	for _, s := range []string{m.Title, m.Description, m.Start.UTC().Format(timeKey), m.End.UTC().Format(timeKey),
		m.TimeZone, m.Location, m.OnlineURL, m.Organizer} {
		fmt.Fprintf(&b, "%d:%s", len(s), s)
	}
	for _, sp := range m.Speakers {
		fmt.Fprintf(&b, "%d:%s%d:%s", len(sp.Name), sp.Name, len(sp.TalkTitle), sp.TalkTitle)
	}
	return b.String()
}

// timeKey writes an instant to the nanosecond.
const timeKey = "2006-01-02T15:04:05.999999999"
