package mailer

import "time"

// Mail kinds of steps 3–5 (speakers), each rendered with the data type named beside it.
const (
	KindSpeakerBrief     = "speaker_brief"      // SpeakerBriefData: the brief, with the /o/ reply link
	KindSpeakerFollowUp  = "speaker_follow_up"  // SpeakerBriefData: the one reminder to a silent candidate
	KindSpeakerConfirm   = "speaker_confirm"    // SpeakerSlotData: please confirm your slot (/c/ link)
	KindSpeakerInvite    = "speaker_invite"     // SpeakerSlotData: confirmed, with the calendar REQUEST
	KindSpeakerCancel    = "speaker_cancel"     // SpeakerSlotData: withdrawn, with the calendar CANCEL
	KindSpeakerDeclined  = "speaker_declined"   // OrganiserAlertData: a chosen speaker declined
	KindSpeakerWithdrawn = "speaker_withdrawn"  // OrganiserAlertData: a confirmed speaker withdrew
	KindLineupReady      = "lineup_ready"       // OrganiserAlertData: every chosen speaker confirmed
	KindSpeakerUpdate    = "speaker_update"     // SpeakerUpdateData: their slot moved or the place changed (a confirmed speaker's: with the calendar REQUEST)
	KindSpeakerSlotTaken = "speaker_slot_taken" // SpeakerSlotData: the slot they were asked for went to another speaker
	// KindSpeakerMeetupCancelled: SpeakerMeetupCancelledData: the meetup is cancelled (a confirmed speaker's: with the calendar CANCEL)
	KindSpeakerMeetupCancelled = "speaker_meetup_cancelled"
	// KindSpeakerOutreachCancelled: SpeakerOutreachCancelledData: the meetup is cancelled, to a candidate of the brief not in the lineup
	KindSpeakerOutreachCancelled = "speaker_outreach_cancelled"
	// KindSpeakerSlotReopened: SpeakerSlotData: the slot they were told was taken is free again (its holder withdrew); confirm at the /c/ link
	KindSpeakerSlotReopened = "speaker_slot_reopened"
)

// SpeakerBriefData is the data of a brief or its follow-up.
type SpeakerBriefData struct {
	To        Recipient
	Title     string // the meetup's title
	Brief     string // the organiser's message, plain text
	ReplyURL  string // the personal /o/{token} page
	Organizer string // signs the mail; may be empty
}

// SpeakerSlotData is the data of the mails about a speaker's slot.
type SpeakerSlotData struct {
	To         Recipient
	Title      string
	TalkTitle  string // may be empty
	Start, End time.Time
	TimeZone   string // the meetup's IANA zone
	Location   string
	OnlineURL  string
	ConfirmURL string // the personal /c/{token} page
	Organizer  string
}

// OrganiserAlertData is the data of a mail telling the organiser how the lineup stands.
type OrganiserAlertData struct {
	To       Recipient
	Title    string
	Speaker  string    // who declined or withdrew; for lineup_ready, who confirmed last
	Speakers []Speaker // the confirmed lineup (lineup_ready)
	PageURL  string    // the meetup's speakers page
	Reasked  string    // speaker_withdrawn: the names of those still asked for the freed slot, told it is free again; "" for none
	// Invitation is, for speaker_withdrawn, what became of the speaker's own invitation to the
	// meetup: KindSpeakerStillInvited, KindSpeakerUninvited, or "" (they had none as a speaker).
	Invitation string
}

// StillInvited reports whether the speaker who withdrew stays invited, as an attendee.
func (d OrganiserAlertData) StillInvited() bool { return d.Invitation == KindSpeakerStillInvited }

// Uninvited reports whether the speaker who withdrew is no longer invited to the meetup.
func (d OrganiserAlertData) Uninvited() bool { return d.Invitation == KindSpeakerUninvited }

// SpeakerUpdateData is the data of the mail telling a chosen speaker their slot changed with a
// reschedule of the meetup: the slot now (SpeakerSlotData) and as it was.
type SpeakerUpdateData struct {
	SpeakerSlotData
	WasStart, WasEnd time.Time
	WasLocation      string
	WasOnlineURL     string
	Confirmed        bool // they had confirmed: their calendar event is updated; else they are asked to confirm the new time
}

// TimeChanged reports whether the slot's time moved.
func (d SpeakerUpdateData) TimeChanged() bool {
	return !d.Start.Equal(d.WasStart) || !d.End.Equal(d.WasEnd)
}

// SpeakerMeetupCancelledData is the data of the mail telling a chosen speaker that the meetup is
// cancelled: their slot as it was, and the organiser's reason.
type SpeakerMeetupCancelledData struct {
	SpeakerSlotData
	Reason    string // the organiser's reason; may be empty
	Confirmed bool   // they had confirmed: their calendar event is cancelled; else nothing is asked of them any more
}

// SpeakerOutreachCancelledData is the data of the mail telling a candidate of the brief who is
// not in the lineup (and did not say no) that the meetup is cancelled.
type SpeakerOutreachCancelledData struct {
	To        Recipient
	Title     string // the meetup's title
	Reason    string // the organiser's reason; may be empty
	Answered  bool   // they answered the brief (yes or maybe); else they need not answer it any more
	Organizer string // signs the mail; may be empty
}
