package mailer

import (
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
)

// invitation is the sample invitation data with f applied.
func invitation(f func(d *InvitationData)) InvitationData {
	d := sampleData()[KindInvitation].(InvitationData)
	f(&d)
	return d
}

// TestRenderLanguageChoice: ru and its regional tags give Russian, anything else English.
func TestRenderLanguageChoice(t *testing.T) {
	r := newTestRenderer(t)
	for lang, prefix := range map[string]string{"": "Invitation:", "de": "Invitation:", "EN": "Invitation:",
		"en-GB": "Invitation:", "ru": "Приглашение:", "ru-RU": "Приглашение:", "RU": "Приглашение:"} {
		m, err := r.Render(KindInvitation, lang, sampleData()[KindInvitation])
		if err != nil || !strings.HasPrefix(m.Subject, prefix) {
			t.Errorf("lang %q: subject %q, %v; want prefix %q", lang, m.Subject, err, prefix)
		}
	}
	if _, err := r.Render("newsletter", "en", nil); err == nil {
		t.Errorf("an unknown kind rendered")
	}
}

// TestRenderHostileTitle: a title cannot break the subject header or inject HTML.
func TestRenderHostileTitle(t *testing.T) {
	r := newTestRenderer(t)
	d := invitation(func(d *InvitationData) {
		d.Meetup.Title = "Hello\r\nBcc: evil@example.com\x00\t  <script>alert(1)</script>\u2028there"
	})
	for _, lang := range mailLangs() {
		m, err := r.Render(KindInvitation, lang, d)
		if err != nil {
			t.Fatal(err)
		}
		checkSubject(t, m.Subject)
		if !strings.Contains(m.Subject, "Hello Bcc: evil@example.com <script>alert(1)</script> there") {
			t.Errorf("subject %q", m.Subject)
		}
		if strings.Contains(m.HTML, "<script") || !strings.Contains(m.HTML, "&lt;script&gt;") || strings.Contains(m.HTML, "\r") {
			t.Errorf("title not escaped in HTML")
		}
	}
}

// TestRenderLinks: links must resolve to http(s); relative ones join the base URL, even under a path;
// only the calendar link may be left out (a speaker's invitation).
func TestRenderLinks(t *testing.T) {
	r := newTestRenderer(t)
	for name, f := range map[string]func(d *InvitationData){
		"no RSVP link":      func(d *InvitationData) { d.RSVPURL = "" },
		"blank RSVP link":   func(d *InvitationData) { d.RSVPURL = " \t" },
		"javascript RSVP":   func(d *InvitationData) { d.RSVPURL = "javascript:alert(1)" },
		"javascript online": func(d *InvitationData) { d.Meetup.OnlineURL = "javascript:alert(1)" },
		"blank calendar":    func(d *InvitationData) { d.CalendarURL = " \t" },
	} {
		if _, err := r.Render(KindInvitation, "en", invitation(f)); err == nil {
			t.Errorf("%s: rendered", name)
		}
	}
	// A speaker's invitation has no calendar link: their talk's event is in their calendar.
	speaker := invitation(func(d *InvitationData) { d.CalendarURL, d.Speaker = "", true })
	if m, err := r.Render(KindInvitation, "en", speaker); err != nil || strings.Contains(m.Text+m.HTML, sampleCalendar) ||
		strings.Contains(m.Text, "Add to calendar") || !strings.Contains(m.Text, "Your talk is in your calendar already") {
		t.Errorf("a speaker's invitation: %v\n%s", err, m.Text)
	}
	other := invitation(func(d *InvitationData) { d.RSVPURL = "https://other.example/r/x?lang=ru" })
	if m, err := r.Render(KindInvitation, "en", other); err != nil || !strings.Contains(m.Text, "https://other.example/r/x?answer=yes&lang=ru\n") {
		t.Errorf("absolute RSVP link not kept: %v\n%s", err, m.Text)
	}
	sub, err := NewRenderer("https://corp.example/convene/")
	if err != nil {
		t.Fatal(err)
	}
	if m, err := sub.Render(KindInvitation, "en", sampleData()[KindInvitation]); err != nil || !strings.Contains(m.Text, "https://corp.example/convene/r/tok123?answer=no\n") {
		t.Errorf("base path lost: %v\n%s", err, m.Text)
	}
}

// TestRenderUpdateShowsChanges: what changed shows old and new; what did not says so.
func TestRenderUpdateShowsChanges(t *testing.T) {
	r := newTestRenderer(t)
	d := sampleData()[KindUpdate].(UpdateData)
	m, err := r.Render(KindUpdate, "en", d)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"When: Fri 4 Dec 2026, 12:30–13:30 (Europe/Kyiv, UTC+02:00)\n  was: Thu 3 Dec 2026, 12:30–13:30",
		"Where: Kyiv office, room 5.1\n  was: Kyiv office, room 4.2"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("update text lacks %q:\n%s", want, m.Text)
		}
	}
	d.Before.Start, d.Before.End = d.Meetup.Start, d.Meetup.End
	if m, err = r.Render(KindUpdate, "ru", d); err != nil || !strings.Contains(m.Text, "(без изменений)") || strings.Contains(m.Text, "было: пт") {
		t.Errorf("unchanged time not said: %v\n%s", err, m.Text)
	}
}

// TestRenderWithoutName greets without a name, and an online-only meetup has no "Where".
func TestRenderWithoutName(t *testing.T) {
	r := newTestRenderer(t)
	d := invitation(func(d *InvitationData) { d.To.Name, d.Meetup.Location, d.Meetup.Speakers = "", "", nil })
	m, err := r.Render(KindInvitation, "en", d)
	if err != nil || !strings.HasPrefix(m.Text, "Hi,\n") || strings.Contains(m.Text, "Where:") || strings.Contains(m.Text, "Speakers") {
		t.Errorf("%v\n%s", err, m.Text)
	}
}

// TestRenderConcurrentLanguages renders both languages at once: no language leaks into the other.
func TestRenderConcurrentLanguages(t *testing.T) {
	r := newTestRenderer(t)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 40 {
				lang, prefix := "en", "Invitation:"
				if (g+i)%2 == 1 {
					lang, prefix = "ru", "Приглашение:"
				}
				m, err := r.Render(KindInvitation, lang, sampleData()[KindInvitation])
				if err != nil || !strings.HasPrefix(m.Subject, prefix) || !strings.Contains(m.HTML, `lang="`+lang+`"`) {
					t.Errorf("%s render got %q, %v", lang, m.Subject, err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestEveryTextIsUsed keeps the catalogues free of texts no template uses.
func TestEveryTextIsUsed(t *testing.T) {
	r := newTestRenderer(t)
	used := map[string]bool{}
	for _, set := range r.sets["en"] {
		for _, id := range set.ids {
			used[id] = true
		}
	}
	cat, err := loadCatalogue(templateCopy(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range slices.Sorted(maps.Keys(cat.ids["en"])) {
		if !used[id] {
			t.Errorf("mail text %q is used by no template", id)
		}
	}
}

// TestRenderTalkTitleQuotes: the lineup in an invitation quotes talk titles the reader's way.
func TestRenderTalkTitleQuotes(t *testing.T) {
	r := newTestRenderer(t)
	for lang, want := range map[string]string{"en": "“Indexes that pay off”", "ru": "«Indexes that pay off»"} {
		m, err := r.Render(KindInvitation, lang, sampleData()[KindInvitation])
		if err != nil || !strings.Contains(m.Text, want) || !strings.Contains(m.HTML, want) {
			t.Errorf("%s invitation: want %s in text and HTML (%v)", lang, want, err)
		}
	}
}
