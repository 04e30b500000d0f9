package handlers_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// answerLink finds the personal RSVP link with the answer preselected in a delivered mail's HTML.
func answerLink(t *testing.T, m capturedMail, answer string) string {
	t.Helper()
	re := regexp.MustCompile(`https?://[^"'\s<>]+/r/[A-Za-z0-9_-]+\?answer=` + answer)
	u := re.FindString(m.HTML)
	if u == "" {
		t.Fatalf("no %s button in the mail %q:\n%s", answer, m.Subject, m.HTML)
	}
	return u
}

// TestBrowserScheduleInviteAnswerCancel is the invitations step end to end in Chromium: the
// organiser schedules a meetup for one seat and sends the invitations from the attendees page;
// the invitees open the buttons of the mails the SMTP server received, answer yes (a seat, then
// the waitlist) and no (the first waitlisted is promoted and told by mail); the organiser sees the
// seat count move, cancels, and the RSVP page and a METHOD:CANCEL mail say so.
func TestBrowserScheduleInviteAnswerCancel(t *testing.T) {
	e := newRSVPEnv(t, 3, 10)
	srv := startMailDelivery(t, e.app)
	m := e.createMeetup(t, "Lunch & learn: PostgreSQL", "lunch_and_learn")
	withWholeAudience(t, e, m.ID)
	ctx := tab(t)
	logIn(t, ctx, e.app)
	day := time.Now().AddDate(0, 0, 10).Format("2006-01-02")
	do(t, ctx, "schedule for one seat",
		chromedp.Navigate(e.app.URL+"/meetups/"+m.ID+"/schedule"),
		chromedp.WaitVisible(chromedp.CSS("#f-starts_at")),
		chromedp.SetValue(chromedp.CSS("#f-starts_at"), day+"T12:30"),
		chromedp.SetValue(chromedp.CSS("#f-location"), "Room 2"),
		chromedp.SetValue(chromedp.CSS("#f-capacity"), "1"),
		chromedp.Click(chromedp.CSS("#schedule-save")),
		chromedp.WaitVisible(chromedp.CSS("#pipeline")),
		chromedp.Navigate(e.app.URL+"/meetups/"+m.ID+"/attendees"),
		chromedp.Click(chromedp.CSS("#send-invitations button")),
		chromedp.WaitVisible(chromedp.CSS("#seat-summary")),
	)
	first := waitMail(t, srv, "p0@example.com", "Invitation")
	second := waitMail(t, srv, "p1@example.com", "Приглашение")
	if first.ICSMethod != "REQUEST" || second.ICSMethod != "REQUEST" {
		t.Fatalf("invitations carry method %q / %q, want REQUEST", first.ICSMethod, second.ICSMethod)
	}
	guest := tab(t)
	answerInBrowser(t, guest, answerLink(t, first, "yes"), "yes")
	wantText(t, guest, "#rsvp-status", "a seat is yours")
	answerInBrowser(t, guest, answerLink(t, second, "yes"), "yes")
	wantText(t, guest, "#rsvp-status", "вы номер 1 в листе ожидания")
	seats(t, ctx, e.app.URL+"/meetups/"+m.ID+"/attendees", "1 of 1 seats taken, 0 free · waitlist: 1")
	answerInBrowser(t, guest, answerLink(t, first, "no"), "no")
	waitMail(t, srv, "p1@example.com", "Для вас есть место")
	seats(t, ctx, e.app.URL+"/meetups/"+m.ID+"/attendees", "1 of 1 seats taken, 0 free · waitlist: 0")
	do(t, ctx, "cancel",
		chromedp.Navigate(e.app.URL+"/meetups/"+m.ID+"/schedule"),
		chromedp.SetValue(chromedp.CSS("#f-reason"), "The speaker is ill"),
		chromedp.Click(chromedp.CSS("#cancel-submit")), // the browser holds the form back: the box is not ticked
		chromedp.Click(chromedp.CSS("#f-confirm")),
		chromedp.Click(chromedp.CSS("#cancel-submit")),
		chromedp.WaitVisible(chromedp.CSS("#pipeline")),
	)
	if c := waitMail(t, srv, "p0@example.com", "Cancelled"); c.ICSMethod != "CANCEL" {
		t.Fatalf("cancellation carries method %q, want CANCEL", c.ICSMethod)
	}
	do(t, guest, "the link after the cancellation", chromedp.Navigate(answerLink(t, first, "yes")), chromedp.WaitVisible(chromedp.CSS("#rsvp-cancelled")))
	wantText(t, guest, "#cancel-reason", "The speaker is ill")
}

// seats reloads the attendees page and checks the in-person seat line.
func seats(t *testing.T, ctx context.Context, url, want string) {
	t.Helper()
	do(t, ctx, "attendees", chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("#seats-in-person")))
	wantText(t, ctx, "#seats-in-person", want)
}
