package models

import (
	"context"
	"fmt"
	"time"

	"github.com/jmoiron/sqlx"
)

// Mail kinds of the feedback form (step 6), each a template of its own.
const (
	MailFeedback         = "feedback"
	MailFeedbackReminder = "feedback_reminder"
	MailFeedbackAlert    = "feedback_alert"
)

// Why the organiser is alerted about an answer.
const (
	AlertLowRating = "low_rating"
	AlertFlagged   = "flagged"
)

// Feedback timing that is not a per-meetup setting.
const (
	// FeedbackRemindAfter is how long after the form went to a person the one reminder goes.
	FeedbackRemindAfter = 48 * time.Hour
	// FeedbackLateLimit bounds how late the form still goes out by itself: a meetup that ended
	// longer ago (a server down for days, meetups older than this feature) is left to the organiser.
	FeedbackLateLimit = 48 * time.Hour
	// lowRating is the highest rating that alerts the organiser at once.
	lowRating = 2
)

// State conflicts of the feedback form.
var (
	ErrFeedbackClosed       = fmt.Errorf("feedback form closed: %w", ErrConflict)
	ErrFeedbackNotStarted   = fmt.Errorf("meetup has not started: %w", ErrConflict)
	ErrFeedbackCancelled    = fmt.Errorf("meetup cancelled: %w", ErrConflict)
	ErrFeedbackNotScheduled = fmt.Errorf("meetup not scheduled: %w", ErrConflict)
)

// FeedbackRecipient is one person to mail the form (or its reminder) to, with their link's token.
type FeedbackRecipient struct {
	Kind     string `db:"-"`
	PersonID string `db:"id"`
	Email    string `db:"email"`
	Name     string `db:"name"`
	Language string `db:"language"`
	Timezone string `db:"timezone"`
	Token    string `db:"-"`
	// Key is the outbox idempotency key of this mail.
	Key string `db:"-"`
}

// FeedbackWindow is when a meetup's form went out and until when answers are taken.
type FeedbackWindow struct {
	SentAt   time.Time `db:"feedback_sent_at" json:"sent_at"`
	ClosesAt time.Time `db:"feedback_closes_at" json:"closes_at"`
}

// FeedbackMail renders the form mails (all of one kind) and enqueues them inside the transaction
// that records they were sent.
type FeedbackMail func(ctx context.Context, tx sqlx.ExtContext, m Meetup, w FeedbackWindow, rs []FeedbackRecipient) error

// FeedbackAlert is one answer the organisers are told about, and who they are.
type FeedbackAlert struct {
	Reason     string
	Meetup     Meetup
	Person     Respondent
	Email      string
	Answer     Feedback
	Organisers []Organiser
}

// FeedbackAlertMail renders and enqueues the organisers' alert inside the answer's (or flag's) transaction.
type FeedbackAlertMail func(ctx context.Context, tx sqlx.ExtContext, a FeedbackAlert) error
