package mailer

import (
	"strings"
	"testing"
)

// TestRenderRSVPKinds renders the waitlisted and promoted mails in both languages.
func TestRenderRSVPKinds(t *testing.T) {
	r := newTestRenderer(t)
	inv := sampleData()[KindInvitation].(InvitationData)
	data := map[string]any{
		KindWaitlisted: WaitlistedData{To: inv.To, Meetup: inv.Meetup, Position: 37, RSVPURL: inv.RSVPURL},
		KindPromoted:   PromotedData{To: inv.To, Meetup: inv.Meetup, RSVPURL: inv.RSVPURL, CalendarURL: inv.CalendarURL},
	}
	want := map[string]map[string]string{
		KindWaitlisted: {"en": "number 37", "ru": "номером 37"},
		KindPromoted:   {"en": "it is now yours", "ru": "теперь оно ваше"},
	}
	for kind, d := range data {
		for _, lang := range mailLangs() {
			m, err := r.Render(kind, lang, d)
			if err != nil {
				t.Fatalf("%s/%s: %v", kind, lang, err)
			}
			checkSubject(t, m.Subject)
			checkNoLeaks(t, m)
			checkHTMLSelfContained(t, m.HTML, lang)
			if !strings.Contains(m.Text, want[kind][lang]) || !strings.Contains(m.Text, "(Europe/Kyiv, UTC+02:00)") {
				t.Errorf("%s/%s text:\n%s", kind, lang, m.Text)
			}
		}
	}
}

// TestRenderRSVPRemotePlaces: a remote waitlisting or promotion speaks of remote places, not
// of the room and its seats, in both languages.
func TestRenderRSVPRemotePlaces(t *testing.T) {
	r := newTestRenderer(t)
	inv := sampleData()[KindInvitation].(InvitationData)
	data := map[string]any{
		KindWaitlisted: WaitlistedData{To: inv.To, Meetup: inv.Meetup, Mode: ModeRemote, Position: 2, RSVPURL: inv.RSVPURL},
		KindPromoted:   PromotedData{To: inv.To, Meetup: inv.Meetup, Mode: ModeRemote, RSVPURL: inv.RSVPURL, CalendarURL: inv.CalendarURL},
	}
	want := map[string]map[string]string{
		KindWaitlisted: {"en": "All remote places are taken", "ru": "Все места для удалённого участия заняты"},
		KindPromoted:   {"en": "a remote place at", "ru": "освободилось место для удалённого участия"},
	}
	for kind, d := range data {
		for _, lang := range mailLangs() {
			m, err := r.Render(kind, lang, d)
			if err != nil {
				t.Fatalf("%s/%s: %v", kind, lang, err)
			}
			all := m.Subject + m.Text + m.HTML
			if !strings.Contains(m.Text, want[kind][lang]) || !strings.Contains(m.HTML, want[kind][lang]) {
				t.Errorf("%s/%s lacks %q:\n%s", kind, lang, want[kind][lang], m.Text)
			}
			for _, room := range []string{"room is full", "A seat", "a seat", "Мест в зале нет"} {
				if strings.Contains(all, room) {
					t.Errorf("%s/%s says %q:\n%s", kind, lang, room, m.Text)
				}
			}
		}
	}
}
