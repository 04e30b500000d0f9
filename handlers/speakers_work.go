package handlers

import (
	"context"
	"time"

	"github.com/convene/convene/models"
)

// speakerWorkBatch is how many due candidates one transaction claims.
const speakerWorkBatch = 100

// RunSpeakerWork does the scheduled work of steps 3–5 that is due now, by database time: one
// follow-up to each candidate silent for the meetup's follow-up days, then no_reply for those
// still silent. Rows are claimed with FOR UPDATE SKIP LOCKED, so any number of replicas may run it.
func (h *Handlers) RunSpeakerWork(ctx context.Context) (models.FollowUpRun, error) {
	var total models.FollowUpRun
	for {
		run, err := h.Store.RunDueFollowUps(ctx, speakerWorkBatch, h.speakerNotify)
		total.FollowedUp += run.FollowedUp
		total.NoReply += run.NoReply
		if err != nil || run.FollowedUp+run.NoReply < speakerWorkBatch {
			return total, err
		}
	}
}

// SpeakerWorkLoop runs RunSpeakerWork every interval until ctx ends. serve starts it beside the
// other background workers (cmd/convene/background.go: go h.SpeakerWorkLoop(ctx, time.Minute)).
func (h *Handlers) SpeakerWorkLoop(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if run, err := h.RunSpeakerWork(ctx); err != nil && ctx.Err() == nil {
			h.Log.Warn("speaker follow-ups", "err", err)
		} else if run.FollowedUp+run.NoReply > 0 {
			h.Log.Info("speaker follow-ups", "followed_up", run.FollowedUp, "no_reply", run.NoReply)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}
