package mailer

import "strings"

// SpeakerCalendar is the speaker's own calendar event for their slot: METHOD REQUEST when they
// confirm, CANCEL when they withdraw. uid is stable per candidacy and seq rises on every change.
func SpeakerCalendar(method string, d SpeakerSlotData, uid string, seq int, organizer Attendee, speakerEmail string) ([]byte, error) {
	summary := d.Title
	if d.TalkTitle != "" {
		summary += ": " + d.TalkTitle
	}
	ev := Event{UID: uid, Sequence: seq, Start: d.Start, End: d.End, Summary: summary,
		Location: strings.TrimSpace(d.Location), URL: d.OnlineURL,
		OrganizerName: organizer.Name, OrganizerEmail: organizer.Email,
		Attendees: []Attendee{{Name: d.To.Name, Email: speakerEmail, Role: "REQ-PARTICIPANT", PartStat: "ACCEPTED", RSVP: true}}}
	if method == MethodCancel {
		ev.Attendees[0].PartStat = "DECLINED"
	}
	return Calendar(method, ev)
}
