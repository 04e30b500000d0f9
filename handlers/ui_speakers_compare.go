package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// ComparePage shows everyone who answered side by side: answer, slots, talk, history and scores,
// with the scoring forms and the lineup form.
func (h *Handlers) ComparePage(c echo.Context) error {
	return h.renderCompare(c, http.StatusOK, nil)
}

// renderCompare builds and renders the comparison page.
func (h *Handlers) renderCompare(c echo.Context, status int, fe models.FieldErrors) error {
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	m, err := h.Store.GetMeetup(ctx, team, c.Param("id"))
	if err != nil {
		return err
	}
	slots, err := h.Store.ListSlots(ctx, team, m.ID)
	if err != nil {
		return err
	}
	cands, err := h.Store.ListCandidates(ctx, team, m.ID)
	if err != nil {
		return err
	}
	speakers, _, err := h.Store.ListSpeakers(ctx, team, models.SpeakerFilter{}, models.Page{Limit: models.MaxLimit})
	if err != nil {
		return err
	}
	p := h.newPage(c, "speakers.compare.title", "meetups")
	var options []slotChoice
	for _, s := range slots {
		options = append(options, slotChoice{ID: s.ID, Label: slotLabel(p.Translator, s.StartsAt, s.EndsAt, m.Timezone)})
	}
	cards := compareCards(candidateRows(p.Translator, cands, slots, m.Timezone), speakers, options)
	p.Errors = fe
	p.Data = map[string]any{"Meetup": m, "Cards": cards, "Scale": []int{1, 2, 3, 4, 5}, "Closed": speakerStepsClosed(m),
		"Shared": sharedOffers(p.Translator, cands, slots, m.Timezone)}
	return h.render(c, status, "speakers_compare", p)
}

// ScoreForm saves one candidate's scores and notes.
func (h *Handlers) ScoreForm(c echo.Context) error {
	sc := &models.Scores{Availability: formScore(c, "availability"), Style: formScore(c, "style"), Value: formScore(c, "value")}
	notes := c.FormValue("notes")
	u := currentUser(c)
	_, err := h.Store.ScoreCandidate(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), c.Param("cid"),
		models.ScoreInput{Scores: sc, Notes: &notes})
	return h.afterCompare(c, renameFields(err, func(f string) string { return c.Param("cid") + "." + f }), "speakers.flash.scored")
}

// formScore reads a 1–5 select; blank means unchanged, anything unreadable is out of range.
func formScore(c echo.Context, name string) *int {
	v := c.FormValue(name)
	if v == "" {
		return nil
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		n = -1
	}
	return &n
}

// LineupForm asks the candidates given a slot to confirm it.
func (h *Handlers) LineupForm(c echo.Context) error {
	ctx, u := c.Request().Context(), currentUser(c)
	cands, err := h.Store.ListCandidates(ctx, u.TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	var in models.LineupInput
	names := map[string]string{}
	for _, cd := range cands {
		if slot := c.FormValue("slot_" + cd.ID); slot != "" {
			names[fmt.Sprintf("speakers[%d].", len(in.Speakers))] = cd.ID + "."
			in.Speakers = append(in.Speakers, models.LineupPick{CandidateID: cd.ID, SlotID: slot})
		}
	}
	_, err = h.Store.SetLineup(ctx, u.TeamID, u.ID, c.Param("id"), in, h.speakerNotify)
	err = renameFields(err, func(f string) string {
		for from, to := range names {
			if strings.HasPrefix(f, from) {
				return to + strings.TrimPrefix(f, from)
			}
		}
		return f
	})
	flash := "speakers.flash.lineup_sent"
	if err == nil {
		flash, err = h.lineupFlash(c)
	}
	return h.afterCompare(c, err, flash)
}

// lineupFlash is what the organiser is told once the lineup is sent: a warning when a slot is
// now offered to several speakers (whoever confirms first holds it).
func (h *Handlers) lineupFlash(c echo.Context) (string, error) {
	cands, err := h.Store.ListCandidates(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil || len(askedTogether(cands)) == 0 {
		return "speakers.flash.lineup_sent", err
	}
	return "speakers.flash.lineup_sent_shared", nil
}

// renameFields renames the fields of a validation error (other errors pass through).
func renameFields(err error, rename func(string) string) error {
	ve := new(models.ValidationError)
	if !errors.As(err, &ve) {
		return err
	}
	fe := models.FieldErrors{}
	for f, msg := range ve.Fields {
		fe[rename(f)] = msg
	}
	return models.Invalid(fe)
}

// afterCompare redirects back with a flash, or re-renders the comparison with 422.
func (h *Handlers) afterCompare(c echo.Context, err error, flash string) error {
	if ve := new(models.ValidationError); errors.As(err, &ve) {
		return h.renderCompare(c, http.StatusUnprocessableEntity, ve.Fields)
	}
	if errors.Is(err, models.ErrSpeakerStepsClosed) {
		return h.renderCompare(c, http.StatusConflict, nil)
	}
	if err != nil {
		return err
	}
	h.flash(c, flash)
	return redirect(c, "/meetups/"+c.Param("id")+"/speakers/compare")
}
