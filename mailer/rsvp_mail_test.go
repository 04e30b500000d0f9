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
