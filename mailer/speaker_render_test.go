package mailer

import (
	"strings"
	"testing"
	"time"
)

// speakerSamples is realistic data for every speaker kind.
func speakerSamples() map[string]any {
	m := sampleMeetup()
	slot := SpeakerSlotData{To: Recipient{Name: "Olena"}, Title: m.Title, TalkTitle: "Indexes that pay off",
		Start: m.Start, End: m.End, TimeZone: m.TimeZone, Location: m.Location, OnlineURL: m.OnlineURL,
		ConfirmURL: "/c/tok456", Organizer: "Platform team"}
	brief := SpeakerBriefData{To: Recipient{Name: "Olena"}, Title: m.Title, ReplyURL: "/o/tok123", Organizer: "Platform team",
		Brief: "Topic: PostgreSQL in practice\nAudience: 40 people.\n• 2026-12-03 (Thu) 12:30–13:30 UTC+02:00"}
	alert := OrganiserAlertData{To: Recipient{Name: "Maria"}, Title: m.Title, Speaker: "Olena Kovalenko",
		PageURL: "/meetups/1/speakers", Speakers: m.Speakers}
	moved := SpeakerUpdateData{SpeakerSlotData: slot, WasStart: m.Start.Add(-30 * time.Minute),
		WasEnd: m.End.Add(-30 * time.Minute), WasLocation: "Room 1", WasOnlineURL: m.OnlineURL, Confirmed: true}
	cancelled := SpeakerMeetupCancelledData{SpeakerSlotData: slot, Reason: "The room is flooded.\nSorry!", Confirmed: true}
	dropped := SpeakerOutreachCancelledData{To: Recipient{Name: "Olena"}, Title: m.Title, Reason: "The room is flooded.",
		Organizer: "Platform team"}
	kept := SpeakerInvitationData{To: sampleRecipient(), Meetup: m, RSVPURL: sampleRSVP, Organizer: "Platform team"}
	uninvited := SpeakerInvitationData{To: sampleRecipient(), Meetup: m, Organizer: "Platform team"}
	return map[string]any{KindSpeakerStillInvited: kept, KindSpeakerUninvited: uninvited, KindSpeakerOutreachCancelled: dropped, KindSpeakerSlotReopened: slot, KindSpeakerBrief: brief, KindSpeakerFollowUp: brief, KindSpeakerConfirm: slot,
		KindSpeakerInvite: slot, KindSpeakerCancel: slot, KindSpeakerDeclined: alert, KindSpeakerWithdrawn: alert,
		KindLineupReady: alert, KindSpeakerUpdate: moved, KindSpeakerSlotTaken: slot, KindSpeakerMeetupCancelled: cancelled}
}

// TestRenderSpeakerKinds renders every speaker mail in both languages: one clean subject, no
// leaked ids, self-contained HTML, the personal link, and the slot with its offset.
func TestRenderSpeakerKinds(t *testing.T) {
	r := newTestRenderer(t)
	links := map[string]string{KindSpeakerBrief: "/o/tok123", KindSpeakerFollowUp: "/o/tok123",
		KindSpeakerConfirm: "/c/tok456", KindSpeakerInvite: "/c/tok456", KindLineupReady: "/meetups/1/speakers",
		KindSpeakerUpdate: "/c/tok456", KindSpeakerSlotReopened: "/c/tok456", KindSpeakerStillInvited: sampleRSVP}
	for kind, data := range speakerSamples() {
		for _, lang := range mailLangs() {
			m, err := r.Render(kind, lang, data)
			if err != nil {
				t.Fatalf("%s/%s: %v", kind, lang, err)
			}
			checkSubject(t, m.Subject)
			checkNoLeaks(t, m)
			checkHTMLSelfContained(t, m.HTML, lang)
			if l := links[kind]; l != "" && !strings.Contains(m.Text, testBaseURL+l+"\n") {
				t.Errorf("%s/%s: no link %s in\n%s", kind, lang, l, m.Text)
			}
			if (kind == KindSpeakerConfirm || kind == KindSpeakerInvite) && !strings.Contains(m.Text, "(Europe/Kyiv, UTC+02:00)") {
				t.Errorf("%s/%s: the slot without its offset:\n%s", kind, lang, m.Text)
			}
		}
	}
	for lang, want := range map[string]string{"en": "“Indexes that pay off”", "ru": "«Indexes that pay off»"} {
		m, _ := r.Render(KindSpeakerConfirm, lang, speakerSamples()[KindSpeakerConfirm])
		if !strings.Contains(m.Text, want) {
			t.Errorf("%s: the talk's title is not quoted as %s:\n%s", lang, want, m.Text)
		}
	}
	for lang, want := range map[string]string{"en": "Answer needed:", "ru": "Нужен ответ:"} {
		m, _ := r.Render(KindSpeakerBrief, lang, speakerSamples()[KindSpeakerBrief])
		if !strings.HasPrefix(m.Subject, want) {
			t.Errorf("%s brief subject %q does not say an answer is needed", lang, m.Subject)
		}
	}
}

// TestSpeakerCalendar: the speaker's invite (REQUEST) and its withdrawal (CANCEL) pass every parser.
func TestSpeakerCalendar(t *testing.T) {
	d := speakerSamples()[KindSpeakerInvite].(SpeakerSlotData)
	org := Attendee{Name: "Platform team", Email: "events@example.com"}
	for _, c := range []struct {
		method, status string
		seq            int
	}{{MethodRequest, "CONFIRMED", 1}, {MethodCancel, "CANCELLED", 2}} {
		b, err := SpeakerCalendar(c.method, d, "speaker-42@convene", c.seq, org, "olena@example.com")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range calParsers() {
			t.Run(c.method+"/"+p.name, func(t *testing.T) {
				requireParser(t, p)
				seen, err := p.parse(b)
				if err != nil || len(seen.Events) != 1 || len(seen.Errors) > 0 {
					t.Fatalf("parse: %v %+v", err, seen)
				}
				e := seen.Events[0]
				if seen.Method != c.method || e.UID != "speaker-42@convene" || e.Sequence != c.seq || e.Status != c.status ||
					e.Start != d.Start.UTC().Format(isoUTC) || e.End != d.End.UTC().Format(isoUTC) ||
					e.Summary != d.Title+": "+d.TalkTitle || len(e.Attendees) != 1 ||
					!strings.EqualFold(e.Attendees[0].Value, "mailto:olena@example.com") || e.Organizer == nil {
					t.Errorf("%s saw %+v", p.name, seen)
				}
			})
		}
		for _, line := range strings.Split(string(b), "\r\n") {
			if len(line) > 75 {
				t.Errorf("line longer than 75 octets: %q", line)
			}
		}
	}
	if _, err := SpeakerCalendar(MethodRequest, d, "x", 0, Attendee{}, "olena@example.com"); err == nil {
		t.Error("a REQUEST without an organizer was built")
	}
}

// TestRenderSpeakerUpdate: the mail of a moved slot says the new and the old time and place in
// the speaker's language; a confirmed speaker reads that their calendar follows, one still asked
// gets the button to confirm the new time.
func TestRenderSpeakerUpdate(t *testing.T) {
	r := newTestRenderer(t)
	d := speakerSamples()[KindSpeakerUpdate].(SpeakerUpdateData)
	want := map[string][]string{
		"en": {"Changed: your talk at", "was: Thu 3 Dec 2026, 12:00–13:00", "12:30–13:30", "was: Room 1", "has been updated too"},
		"ru": {"Изменения: ваш доклад", "было:", "12:30–13:30", "было: Room 1", "тоже обновлено"},
	}
	for lang, parts := range want {
		m, err := r.Render(KindSpeakerUpdate, lang, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range parts {
			if !strings.Contains(m.Subject+"\n"+m.Text, p) {
				t.Errorf("%s: no %q in\n%s\n%s", lang, p, m.Subject, m.Text)
			}
		}
	}
	d.Confirmed = false
	m, err := r.Render(KindSpeakerUpdate, "en", d)
	if err != nil || !strings.Contains(m.Text, "You haven't confirmed this slot yet") || strings.Contains(m.Text, "calendar") ||
		!strings.Contains(m.HTML, ">Confirm or decline</a>") {
		t.Errorf("the update to a speaker still asked (%v):\n%s", err, m.Text)
	}
}

// TestRenderSpeakerMeetupCancelled: the mail of a cancelled meetup says so in the speaker's
// language with the organiser's reason; a confirmed speaker reads that their event goes from their
// calendar, one still asked that nothing is needed of them (and no calendar is mentioned).
func TestRenderSpeakerMeetupCancelled(t *testing.T) {
	r := newTestRenderer(t)
	d := speakerSamples()[KindSpeakerMeetupCancelled].(SpeakerMeetupCancelledData)
	want := map[string][]string{
		"en": {"“Lunch & learn: PostgreSQL in practice” is cancelled", "your talk, Thu 3 Dec 2026, 12:30–13:30",
			"Reason: The room is flooded.\nSorry!", "removed from your calendar"},
		"ru": {"Встреча «Lunch & learn: PostgreSQL in practice» отменена", "ваш доклад (", "Причина: The room is flooded.",
			"удалено из вашего календаря"},
	}
	for lang, parts := range want {
		m, err := r.Render(KindSpeakerMeetupCancelled, lang, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range parts {
			if !strings.Contains(m.Subject+"\n"+m.Text, p) {
				t.Errorf("%s: no %q in\n%s\n%s", lang, p, m.Subject, m.Text)
			}
		}
		if !strings.Contains(m.HTML, "The room is flooded.<br>Sorry!") {
			t.Errorf("%s: the reason's lines are not kept in the HTML:\n%s", lang, m.HTML)
		}
	}
	d.Confirmed = false
	for lang, want := range map[string]string{"en": "You don't need to do anything", "ru": "От вас ничего не требуется"} {
		m, err := r.Render(KindSpeakerMeetupCancelled, lang, d)
		if err != nil || !strings.Contains(m.Text, want) || strings.Contains(m.Text, "calendar") ||
			strings.Contains(m.Text, "календар") || !strings.Contains(m.Text, "The room is flooded.") {
			t.Errorf("%s: the mail to a speaker still asked (%v):\n%s", lang, err, m.Text)
		}
	}
}
