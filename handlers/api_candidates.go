package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// APIListCandidates returns a meetup's candidates with status, answer, response time, slots and
// scores, and the warnings of the lineup (slots outside the meetup's time, slots shared).
func (h *Handlers) APIListCandidates(c echo.Context) error {
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	m, err := h.Store.GetMeetup(ctx, team, c.Param("id"))
	if err != nil {
		return err
	}
	items, err := h.Store.ListCandidates(ctx, team, m.ID)
	if err != nil {
		return err
	}
	w, err := h.speakerWarnings(c, m, items)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, warnedList[models.Candidate]{Items: items, Warnings: w})
}

// APIAddCandidate adds a speaker ({"speaker_id"}) or a person of the directory ({"person_id"}) as
// a candidate: 201 when new, 200 when they already were one.
func (h *Handlers) APIAddCandidate(c echo.Context) error {
	var in models.CandidateInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u := currentUser(c)
	cand, created, err := h.Store.AddCandidate(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), in)
	if err != nil {
		return err
	}
	if created {
		return c.JSON(http.StatusCreated, cand)
	}
	return c.JSON(http.StatusOK, cand)
}

// APIGetCandidate returns one candidate of a meetup.
func (h *Handlers) APIGetCandidate(c echo.Context) error {
	cand, err := h.Store.GetCandidate(c.Request().Context(), currentUser(c).TeamID, c.Param("id"), c.Param("cid"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cand)
}

// APIScoreCandidate records {"scores":{"availability","style","value"}, "notes"} for a candidate.
func (h *Handlers) APIScoreCandidate(c echo.Context) error {
	var in models.ScoreInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u := currentUser(c)
	cand, err := h.Store.ScoreCandidate(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), c.Param("cid"), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cand)
}

// lineupResponse is the confirmed lineup with the warnings of the speaker steps.
type lineupResponse struct {
	models.SpeakerLineup
	Warnings []apiWarning `json:"warnings"`
}

// APIGetLineup returns the confirmed speakers, whether the lineup is complete, and its warnings.
func (h *Handlers) APIGetLineup(c echo.Context) error {
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	m, err := h.Store.GetMeetup(ctx, team, c.Param("id"))
	if err != nil {
		return err
	}
	l, err := h.Store.ConfirmedLineup(ctx, team, m.ID)
	if err != nil {
		return err
	}
	w, err := h.lineupWarnings(c, m)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, lineupResponse{SpeakerLineup: l, Warnings: w})
}

// APISetLineup asks each chosen speaker to confirm their slot by a /c/ link; the answer carries
// the warnings of the lineup (a slot offered to several speakers, a slot outside the meetup's time).
func (h *Handlers) APISetLineup(c echo.Context) error {
	var in models.LineupInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u, ctx := currentUser(c), c.Request().Context()
	items, err := h.Store.SetLineup(ctx, u.TeamID, u.ID, c.Param("id"), in, h.speakerNotify)
	if err != nil {
		return err
	}
	m, err := h.Store.GetMeetup(ctx, u.TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	w, err := h.lineupWarnings(c, m)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, warnedList[models.Candidate]{Items: items, Warnings: w})
}
