package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
)

// PersonExport is everything Convene holds about one person of the directory.
type PersonExport struct {
	ExportedAt    time.Time            `json:"exported_at"`
	Person        Person               `json:"person"`
	Audiences     []ExportAudience     `json:"audiences"`
	SurveyInvites []ExportSurveyInvite `json:"survey_invites"`
	SurveyAnswers []ExportSurveyAnswer `json:"survey_answers"`
	RSVPs         []ExportRSVP         `json:"rsvps"`
	FeedbackAsked []ExportFeedbackAsk  `json:"feedback_requests"`
	Feedback      []ExportFeedback     `json:"feedback"`
	Speaker       *ExportSpeaker       `json:"speaker"`
	Candidacies   []ExportCandidacy    `json:"speaker_candidacies"`
	Links         []ExportLink         `json:"links"`
	Mail          []ExportMail         `json:"mail"`
}

// ExportAudience is an audience that names the person explicitly.
type ExportAudience struct {
	ID   string `db:"id" json:"id"`
	Name string `db:"name" json:"name"`
	How  string `db:"how" json:"how"` // include or exclude
}

// ExportSurveyInvite is a topic survey the person was sent.
type ExportSurveyInvite struct {
	MeetupID   string     `db:"meetup_id" json:"meetup_id"`
	Meetup     string     `db:"meetup" json:"meetup"`
	SentAt     time.Time  `db:"sent_at" json:"sent_at"`
	Reminders  int        `db:"reminders" json:"reminders"`
	RemindedAt *time.Time `db:"reminded_at" json:"reminded_at"`
}

// ExportSurveyAnswer is the person's answer to a topic survey, with the topics they voted for.
type ExportSurveyAnswer struct {
	MeetupID   string         `db:"meetup_id" json:"meetup_id"`
	Meetup     string         `db:"meetup" json:"meetup"`
	Votes      pq.StringArray `db:"votes" json:"votes"`
	Proposal   string         `db:"proposal" json:"proposal"`
	Problems   string         `db:"problems" json:"problems"`
	AnsweredAt time.Time      `db:"answered_at" json:"answered_at"`
}

// ExportRSVP is the person's invitation to a meetup, their answer and check-in.
type ExportRSVP struct {
	MeetupID    string     `db:"meetup_id" json:"meetup_id"`
	Meetup      string     `db:"meetup" json:"meetup"`
	StartsAt    *time.Time `db:"starts_at" json:"starts_at"`
	Cancelled   bool       `db:"meetup_cancelled" json:"meetup_cancelled"`
	Role        string     `db:"role" json:"role"`
	Status      string     `db:"status" json:"rsvp"`
	Mode        string     `db:"mode" json:"mode"`
	Dietary     string     `db:"dietary" json:"dietary"`
	WalkIn      bool       `db:"walk_in" json:"walk_in"`
	InvitedAt   *time.Time `db:"invited_at" json:"invited_at"`
	AnsweredAt  *time.Time `db:"answered_at" json:"answered_at"`
	CheckedInAt *time.Time `db:"checked_in_at" json:"checked_in_at"`
	Rating      *int       `db:"rating" json:"feedback_rating"`
}

// ExportFeedbackAsk is a feedback form sent to the person.
type ExportFeedbackAsk struct {
	MeetupID   string     `db:"meetup_id" json:"meetup_id"`
	Meetup     string     `db:"meetup" json:"meetup"`
	SentAt     time.Time  `db:"sent_at" json:"sent_at"`
	RemindedAt *time.Time `db:"reminded_at" json:"reminded_at"`
}

// ExportFeedback is the person's feedback on a meetup.
type ExportFeedback struct {
	MeetupID   string    `db:"meetup_id" json:"meetup_id"`
	Meetup     string    `db:"meetup" json:"meetup"`
	Rating     int       `db:"rating" json:"rating"`
	NPS        *int      `db:"nps" json:"nps"`
	Impact     *int      `db:"impact" json:"impact"`
	Useful     string    `db:"useful" json:"useful"`
	Improve    string    `db:"improve" json:"improve"`
	NextTopics string    `db:"next_topics" json:"next_topics"`
	AnsweredAt time.Time `db:"answered_at" json:"answered_at"`
}

// ExportSpeaker is the speaker record linked to the person.
type ExportSpeaker struct {
	ID         string         `db:"id" json:"id"`
	Name       string         `db:"name" json:"name"`
	Email      string         `db:"email" json:"email"`
	Source     string         `db:"source" json:"source"`
	ProfileURL string         `db:"profile_url" json:"profile_url"`
	Expertise  pq.StringArray `db:"expertise" json:"expertise"`
	Notes      string         `db:"notes" json:"notes"`
}

// ExportCandidacy is the person asked to speak at a meetup.
type ExportCandidacy struct {
	MeetupID  string `db:"meetup_id" json:"meetup_id"`
	Meetup    string `db:"meetup" json:"meetup"`
	Status    string `db:"status" json:"status"`
	TalkTitle string `db:"talk_title" json:"talk_title"`
	Abstract  string `db:"abstract" json:"abstract"`
	Note      string `db:"note" json:"note"`
}

// ExportLink is a personal link made for the person; its token is never shown.
type ExportLink struct {
	Purpose   string     `db:"purpose" json:"purpose"`
	MeetupID  *string    `db:"meetup_id" json:"meetup_id"`
	CreatedAt time.Time  `db:"created_at" json:"created_at"`
	ExpiresAt *time.Time `db:"expires_at" json:"expires_at"`
}

// ExportMail is a mail to the person: what and when, not its body.
type ExportMail struct {
	Kind      string     `db:"kind" json:"kind"`
	MeetupID  *string    `db:"meetup_id" json:"meetup_id"`
	Subject   string     `db:"subject" json:"subject"`
	Status    string     `db:"status" json:"status"`
	CreatedAt time.Time  `db:"created_at" json:"created_at"`
	SentAt    *time.Time `db:"sent_at" json:"sent_at"`
}

// ExportPerson gathers a person's data for them and records the export in the audit log.
func (s *Store) ExportPerson(ctx context.Context, teamID, userID, id string) (PersonExport, error) {
	var out PersonExport
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		if out, err = personRecord(ctx, tx, teamID, id); err != nil {
			return err
		}
		return Audit(ctx, tx, teamID, userID, "person.export", "person:"+id, nil)
	})
	return out, err
}

// PersonRecord gathers a person's data for the organiser's person page (nothing is recorded).
func (s *Store) PersonRecord(ctx context.Context, teamID, id string) (PersonExport, error) {
	var out PersonExport
	err := s.InTx(ctx, func(tx *sqlx.Tx) error {
		var err error
		out, err = personRecord(ctx, tx, teamID, id)
		return err
	})
	return out, err
}
