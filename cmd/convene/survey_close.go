package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/convene/convene/models"
)

// surveyCloseEvery is how often serve looks for surveys past their closing time.
const surveyCloseEvery = 5 * time.Second

// closeSurveys closes due surveys every few seconds; every replica runs it and the database
// makes each close happen once (models.CloseDueSurveys).
func closeSurveys(ctx context.Context, store *models.Store, log *slog.Logger) {
	every(ctx, surveyCloseEvery, func() {
		ids, err := store.CloseDueSurveys(ctx)
		if err != nil && ctx.Err() == nil {
			log.Warn("close due surveys", "err", err)
		}
		for _, id := range ids {
			log.Info("survey closed at its closing time", "meetup_id", id)
		}
	})
}
