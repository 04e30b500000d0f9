package handlers

import (
	"context"
	"errors"
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// APIListSpeakers returns the team's speakers with their history; ?q= and ?expertise= narrow it.
func (h *Handlers) APIListSpeakers(c echo.Context) error {
	pg, err := pageParams(c)
	if err != nil {
		return err
	}
	f := models.SpeakerFilter{Query: c.QueryParam("q"), Expertise: c.QueryParam("expertise")}
	items, next, err := h.Store.ListSpeakers(c.Request().Context(), currentUser(c).TeamID, f, pg)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listResponse[models.Speaker]{Items: items, NextCursor: next})
}

// APICreateSpeaker adds a speaker to the team's directory.
func (h *Handlers) APICreateSpeaker(c echo.Context) error {
	var in models.SpeakerInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	sp, err := h.Store.CreateSpeaker(c.Request().Context(), currentUser(c).TeamID, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, sp)
}

// APIGetSpeaker returns one speaker of the team with their history.
func (h *Handlers) APIGetSpeaker(c echo.Context) error {
	sp, err := h.Store.GetSpeaker(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sp)
}

// APIUpdateSpeaker changes the fields the body names and keeps the others.
func (h *Handlers) APIUpdateSpeaker(c echo.Context) error {
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	sp, err := h.Store.GetSpeaker(ctx, team, c.Param("id"))
	if err != nil {
		return err
	}
	in := speakerInput(sp)
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	sp, err = h.Store.UpdateSpeaker(ctx, team, sp.ID, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, sp)
}

// speakerInput is a speaker's current details as an input to edit.
func speakerInput(sp models.Speaker) models.SpeakerInput {
	return models.SpeakerInput{Name: sp.Name, Email: sp.Email, PersonID: sp.PersonID, Language: sp.Language,
		Source: sp.Source, ProfileURL: sp.ProfileURL, Expertise: sp.Expertise, Notes: sp.Notes}
}

// APISpeakerSuggestions ranks speakers for a meetup by its topic, the survey's top topics and
// proposals; ?terms= adds comma-separated terms.
func (h *Handlers) APISpeakerSuggestions(c echo.Context) error {
	pg, err := pageParams(c)
	if err != nil {
		return err
	}
	items, err := h.suggestions(c, pg.Normalize().Limit)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"items": items})
}

// suggestions ranks speakers for the route's meetup with the survey's terms and the request's.
func (h *Handlers) suggestions(c echo.Context, limit int) ([]models.Suggestion, error) {
	ctx, team, id := c.Request().Context(), currentUser(c).TeamID, c.Param("id")
	terms, err := h.surveyTerms(ctx, team, id)
	if err != nil {
		return nil, err
	}
	terms = append(terms, splitTerms(c.QueryParam("terms"))...)
	return h.Store.SuggestSpeakers(ctx, team, id, terms, limit)
}

// surveyTopTopics is how many of the survey's most voted topics rank speakers.
const surveyTopTopics = 3

// surveyTerms are what the meetup's survey asked for beside the chosen topic: its most voted
// topics and the proposals; none without a survey.
func (h *Handlers) surveyTerms(ctx context.Context, team, meetupID string) ([]string, error) {
	res, err := h.Store.SurveyResults(ctx, team, meetupID)
	if errors.Is(err, models.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, t := range res.Topics {
		if t.Votes > 0 && len(out) < surveyTopTopics {
			out = append(out, t.Topic)
		}
	}
	for _, p := range res.Proposals {
		out = append(out, p.Topic)
	}
	return out, nil
}
