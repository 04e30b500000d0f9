package mailer

import (
	"strings"
	"testing"
)

// TestRenderWithdrawnSpeakerInvitation: the mails telling a speaker who withdrew what became of
// their invitation say it in their language, the uninvited one without a personal link (and that
// the meetup leaves their calendar only when it was in it), and the
// organiser's alert says it too, only when there is something to say.
func TestRenderWithdrawnSpeakerInvitation(t *testing.T) {
	r := newTestRenderer(t)
	samples := speakerSamples()
	want := map[string]map[string][]string{
		KindSpeakerStillInvited: {"en": {"You are still invited to “Lunch & learn", "your invitation as a participant stands"},
			"ru": {"Вы по-прежнему приглашены на встречу «Lunch & learn", "приглашение участника остаётся в силе"}},
		KindSpeakerUninvited: {"en": {"Invitation withdrawn: “Lunch & learn", "Your talk's event is removed from your calendar"},
			"ru": {"Приглашение отозвано: «Lunch & learn", "Событие вашего доклада удаляется из календаря"}},
	}
	for kind, langs := range want {
		for lang, parts := range langs {
			m, err := r.Render(kind, lang, samples[kind])
			if err != nil {
				t.Fatalf("%s/%s: %v", kind, lang, err)
			}
			for _, p := range parts {
				if !strings.Contains(m.Subject+"\n"+m.Text, p) {
					t.Errorf("%s/%s lacks %q:\n%s\n%s", kind, lang, p, m.Subject, m.Text)
				}
			}
			if kind == KindSpeakerUninvited && strings.Contains(m.Text, "/r/") {
				t.Errorf("%s/%s carries an RSVP link:\n%s", kind, lang, m.Text)
			}
		}
	}
	held := samples[KindSpeakerUninvited].(SpeakerInvitationData)
	held.MeetupEvent = true
	for lang, part := range map[string]string{"en": "The meetup will be removed from your calendar", "ru": "Встреча будет удалена из вашего календаря"} {
		if m, err := r.Render(KindSpeakerUninvited, lang, held); err != nil || !strings.Contains(m.Text, part) || !strings.Contains(m.HTML, part) {
			t.Errorf("uninvited/%s with the meetup's event lacks %q (%v):\n%s", lang, part, err, m.Text)
		}
	}
	alert := samples[KindSpeakerWithdrawn].(OrganiserAlertData)
	for inv, part := range map[string]string{KindSpeakerStillInvited: "so their invitation stands",
		KindSpeakerUninvited: "so their invitation is withdrawn", "": ""} {
		alert.Invitation = inv
		m, err := r.Render(KindSpeakerWithdrawn, "en", alert)
		if err != nil {
			t.Fatal(err)
		}
		if said := strings.Contains(m.Text, "in the meetup's audience"); said != (part != "") || !strings.Contains(m.Text, part) {
			t.Errorf("the alert with invitation %q:\n%s", inv, m.Text)
		}
	}
}
