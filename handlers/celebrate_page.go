package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// recapLinkRows is how many link inputs the celebration form offers.
const recapLinkRows = 3

// celebrateForm is the celebration form: what worked, what to change, recap links.
type celebrateForm struct {
	Worked     string   `form:"worked"`
	Change     string   `form:"change"`
	RecapLinks []string `form:"recap_links"`
}

// CelebratePage shows the celebration form, or why the meetup cannot be celebrated now.
func (h *Handlers) CelebratePage(c echo.Context) error {
	return h.renderCelebrate(c, http.StatusOK, celebrateForm{}, nil, "")
}

// CelebrateForm celebrates the meetup from the form; bad links come back with field errors (422),
// a refusal (not ended, cancelled, already celebrated) with its reason (409).
func (h *Handlers) CelebrateForm(c echo.Context) error {
	var f celebrateForm
	if err := bindForm(c, &f); err != nil {
		return err
	}
	u := currentUser(c)
	in := models.CelebrateInput{Worked: f.Worked, Change: f.Change, RecapLinks: f.RecapLinks}
	_, err := h.Store.Celebrate(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), in, h.celebrateNotify)
	if fe := fieldErrors(err); fe != nil {
		f = celebrateForm{Worked: readable(f.Worked), Change: readable(f.Change), RecapLinks: readableList(f.RecapLinks)}
		return h.renderCelebrate(c, http.StatusUnprocessableEntity, f, fe, "")
	}
	var he *echo.HTTPError
	if err != nil && errors.As(celebrationError(err), &he) {
		return h.renderCelebrate(c, he.Code, f, nil, fmt.Sprint("error.", he.Message))
	}
	if err != nil {
		return err
	}
	h.flash(c, "celebrate.done")
	return redirect(c, "/meetups/"+c.Param("id")+"/report")
}

// renderCelebrate renders the celebration page with the form as given and its errors.
func (h *Handlers) renderCelebrate(c echo.Context, status int, f celebrateForm, fe models.FieldErrors, refusal string) error {
	u, ctx := currentUser(c), c.Request().Context()
	m, err := h.Store.GetMeetup(ctx, u.TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	cel, err := h.Store.GetCelebration(ctx, u.TeamID, m.ID)
	if err != nil {
		return err
	}
	speakers, attendees, err := h.Store.CelebrationAudience(ctx, m.ID)
	if err != nil {
		return err
	}
	for len(f.RecapLinks) < recapLinkRows {
		f.RecapLinks = append(f.RecapLinks, "")
	}
	p := h.newPage(c, "celebrate.title", "meetups")
	p.Form, p.Errors = f, fe
	p.Data = map[string]any{"Meetup": m, "Celebration": cel, "Refusal": refusal, "Open": celebrationOpen(cel),
		"Speakers": speakers, "Attendees": attendees}
	return h.render(c, status, "celebrate", p)
}

// celebrationOpen is why the form is closed (an "error.…" message id), or "" when it is open.
func celebrationOpen(cel models.Celebration) string {
	var he *echo.HTTPError
	if errors.As(celebrationError(cel.Refusal(time.Now())), &he) {
		return fmt.Sprint("error.", he.Message)
	}
	return ""
}
