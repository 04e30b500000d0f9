package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// APIListCandidates returns a meetup's candidates with status, answer, response time, slots and scores.
func (h *Handlers) APIListCandidates(c echo.Context) error {
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	if _, err := h.Store.GetMeetup(ctx, team, c.Param("id")); err != nil {
		return err
	}
	items, err := h.Store.ListCandidates(ctx, team, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listResponse[models.Candidate]{Items: items})
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

// APIGetLineup returns the confirmed speakers and whether the lineup is complete.
func (h *Handlers) APIGetLineup(c echo.Context) error {
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	if _, err := h.Store.GetMeetup(ctx, team, c.Param("id")); err != nil {
		return err
	}
	l, err := h.Store.ConfirmedLineup(ctx, team, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, l)
}

// APISetLineup asks each chosen speaker to confirm their slot by a /c/ link.
func (h *Handlers) APISetLineup(c echo.Context) error {
	var in models.LineupInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u := currentUser(c)
	items, err := h.Store.SetLineup(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), in, h.speakerNotify)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listResponse[models.Candidate]{Items: items})
}
