package mailer

import "time"

// Mail kinds: each is templates/mail/<kind>.tmpl, rendered with the data type named beside it.
const (
	KindInvitation   = "invitation"   // InvitationData
	KindUpdate       = "update"       // UpdateData
	KindCancellation = "cancellation" // CancellationData
	KindReminder     = "reminder"     // ReminderData
	KindTest         = "test"         // TestData
)

// requiredKinds are the kinds whose template must exist for the renderer to start.
func requiredKinds() []string {
	return []string{KindInvitation, KindUpdate, KindCancellation, KindReminder, KindTest}
}

// Recipient is the person a mail is addressed to.
type Recipient struct {
	Name     string // used in the greeting; empty gives a greeting without a name
	TimeZone string // IANA zone the times are shown in; empty falls back to the meetup's
}

// Speaker is one talk of a meetup's lineup.
type Speaker struct {
	Name      string
	TalkTitle string // may be empty
}

// Meetup is what meetup mails say about the meetup.
type Meetup struct {
	Title       string
	Description string // plain text; line breaks are kept
	Start, End  time.Time
	TimeZone    string // the meetup's IANA zone
	Location    string // a room or address; may be empty for an online-only meetup
	OnlineURL   string // may be empty for an in-person meetup
	Speakers    []Speaker
	Organizer   string // the organiser's name, signing the mail
}

// InvitationData is the data of an "invitation" mail.
type InvitationData struct {
	To          Recipient
	Meetup      Meetup
	RSVPURL     string // the personal /r/{token} page: absolute, or a path resolved against the base URL
	CalendarURL string // the personal /r/{token}/invite.ics, same rules
	Speaker     bool   // the recipient is a confirmed speaker of the lineup
	TalkTitle   string // the speaker's talk; may be empty
	// Replaces: the speaker had the meetup's event from an invitation as an attendee, and this
	// mail's CANCEL removes it, their talk's event standing for it.
	Replaces bool
}

// Before is a meetup's time and place before a change.
type Before struct {
	Start, End          time.Time
	Location, OnlineURL string
}

// UpdateData is the data of an "update" mail: the meetup as it is now, and how it was.
type UpdateData struct {
	To          Recipient
	Meetup      Meetup
	Before      Before
	RSVPURL     string
	CalendarURL string // "" for none (NoCalendar)
	// NoCalendar: the mail carries no calendar, the recipient being a speaker whose calendar has
	// their talk's event (unchanged), not the meetup's.
	NoCalendar bool
}

// TimeChanged reports whether the start or end moved.
func (u UpdateData) TimeChanged() bool {
	return !u.Before.Start.Equal(u.Meetup.Start) || !u.Before.End.Equal(u.Meetup.End)
}

// PlaceChanged reports whether the location or the online link changed.
func (u UpdateData) PlaceChanged() bool {
	return u.Before.Location != u.Meetup.Location || u.Before.OnlineURL != u.Meetup.OnlineURL
}

// CancellationData is the data of a "cancellation" mail.
type CancellationData struct {
	To     Recipient
	Meetup Meetup
	Reason string // the organiser's words; may be empty
	// NoCalendar: the mail carries no calendar CANCEL (the recipient's calendar has no event of
	// the meetup's to remove).
	NoCalendar bool
}

// ReminderData is the data of a "reminder" mail, sent shortly before the start.
type ReminderData struct {
	To          Recipient
	Meetup      Meetup
	RSVPURL     string
	CalendarURL string
}

// TestData is the data of a "test" mail, sent to check the mail settings.
type TestData struct {
	To     Recipient
	SentAt time.Time
}
