package demo

import (
	"context"
	"errors"
	"time"

	"github.com/convene/convene/models"
)

// Mailers render the demo's mails exactly as the app does (*handlers.Handlers provides them).
type Mailers interface {
	InviteMailer() models.InviteMail
	SurveyMailer() models.SurveyMail
}

// demoLunch is the demo meetup that is scheduled and whose invitations go out.
var demoLunch = models.NewMeetup{Title: "Lunch & Learn: Go generics in practice", Format: "lunch_and_learn",
	Timezone: "Europe/Berlin", DurationMinutes: 60, Capacity: 12, Location: "Berlin, kitchen",
	OnlineURL: "https://meet.example.com/go-generics", Description: "Where generics pay off in our services, and where they do not."}

// demoSurveyTitle is the demo meetup whose topic survey is still open.
const demoSurveyTitle = "Tech talk: what should we cover next?"

// sendMail queues real mail through the app's send paths, so the outbox page (and Mailpit, with
// SMTP_URL set) shows messages: the demo lunch is scheduled and its audience invited, and those
// who have not answered the open survey are reminded. Running it again queues nothing new: the
// invitations reach only people not invited yet, and the survey is reminded only once.
func sendMail(ctx context.Context, store *models.Store, teamID string, mail Mailers) error {
	if mail == nil {
		return nil
	}
	secret, err := store.EnsureSecret(ctx)
	if err != nil {
		return err
	}
	lk := models.NewLinker(secret)
	lunch, err := scheduledLunch(ctx, store, teamID)
	if err == nil {
		_, err = store.SendInvitations(ctx, lk, teamID, "", lunch.ID, mail.InviteMailer())
	}
	if err := userChanged(err); err != nil {
		return err
	}
	return userChanged(remindSurveyOnce(ctx, store, lk, teamID, mail.SurveyMailer()))
}

// userChanged keeps what the demo's user did since it was loaded: a mail it cannot send again
// (the lunch cancelled or over, a meetup renamed, the survey closed) is skipped, not an error.
func userChanged(err error) error {
	var ve *models.ValidationError
	if errors.Is(err, models.ErrNotFound) || errors.Is(err, models.ErrConflict) || errors.As(err, &ve) {
		return nil
	}
	return err
}

// scheduledLunch finds the demo lunch, or creates it on the first Tuesday at least ten days ahead,
// at 12:30 Berlin time, for the audience of the first demo meetup.
func scheduledLunch(ctx context.Context, store *models.Store, teamID string) (models.Meetup, error) {
	if m, err := meetupByTitle(ctx, store, teamID, demoLunch.Title); err == nil {
		return m, nil
	}
	first, err := meetupByTitle(ctx, store, teamID, "Observability without the noise")
	if err != nil {
		return models.Meetup{}, err
	}
	nm := demoLunch
	nm.AudienceID = first.AudienceID
	m, err := store.CreateMeetup(ctx, teamID, "", nm)
	if err != nil {
		return m, err
	}
	day := time.Now().AddDate(0, 0, 10)
	for day.Weekday() != time.Tuesday {
		day = day.AddDate(0, 0, 1)
	}
	in := models.ScheduleInput{StartsAt: day.Format("2006-01-02") + "T12:30", Capacity: &nm.Capacity}
	_, err = store.Schedule(ctx, teamID, "", m.ID, in, store.RecordEvents(), models.NoBroadcast)
	return m, err
}

// remindSurveyOnce reminds the open survey's silent invitees, unless the demo did so before.
func remindSurveyOnce(ctx context.Context, store *models.Store, lk *models.Linker, teamID string, mail models.SurveyMail) error {
	m, err := meetupByTitle(ctx, store, teamID, demoSurveyTitle)
	if err != nil {
		return err
	}
	if mailed, err := store.MeetupHasMail(ctx, teamID, m.ID); err != nil || mailed {
		return err
	}
	_, err = store.RemindSurvey(ctx, lk, teamID, "", m.ID, 0, mail)
	return err
}
