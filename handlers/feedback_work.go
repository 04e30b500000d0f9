package handlers

import (
	"context"
)

// FeedbackRun counts what one pass of the feedback work did.
type FeedbackRun struct {
	Meetups  int // forms that went out by themselves
	Mailed   int // people they reached
	Reminded int // reminders
}

// RunFeedbackWork does the feedback work that is due now, by database time: the form of every
// meetup that ended its delay ago, then the one reminder to those who have not answered two days
// after their form. Any number of replicas may run it: each piece happens once.
func (h *Handlers) RunFeedbackWork(ctx context.Context) (FeedbackRun, error) {
	var run FeedbackRun
	var err error
	run.Meetups, run.Mailed, err = h.Store.SendDueFeedback(ctx, h.Links, h.feedbackMail)
	if err != nil {
		return run, err
	}
	run.Reminded, err = h.Store.RemindDueFeedback(ctx, h.Links, h.feedbackMail)
	return run, err
}
