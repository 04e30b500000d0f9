package handlers

import (
	"errors"
	"maps"
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// celebrateJSON is the body of POST /api/v1/meetups/{id}/celebrate. "retrospective" is the
// summary (stored as what worked); "worked" and "change" give the two parts separately.
type celebrateJSON struct {
	Retrospective string   `json:"retrospective"`
	Worked        string   `json:"worked"`
	Change        string   `json:"change"`
	RecapLinks    []string `json:"recap_links"`
}

// input turns the body into the model's input; "worked" wins over "retrospective" when both are sent.
func (j celebrateJSON) input() models.CelebrateInput {
	worked := j.Worked
	if worked == "" {
		worked = j.Retrospective
	}
	return models.CelebrateInput{Worked: worked, Change: j.Change, RecapLinks: j.RecapLinks}
}

// APICelebrate celebrates a meetup: thanks its speakers, sends the recap, marks it done.
// A second call is refused with 409 already_celebrated and sends nothing.
func (h *Handlers) APICelebrate(c echo.Context) error {
	var in celebrateJSON
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u := currentUser(c)
	res, err := h.Store.Celebrate(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), in.input(), h.celebrateNotify)
	if err != nil {
		return celebrationError(in.nameFields(err))
	}
	return c.JSON(http.StatusOK, res)
}

// nameFields names a refused summary by the field it came in: "retrospective" when it stood for "worked".
func (j celebrateJSON) nameFields(err error) error {
	var ve *models.ValidationError
	if j.Worked != "" || !errors.As(err, &ve) || ve.Fields["worked"] == "" {
		return err
	}
	fe := maps.Clone(ve.Fields)
	fe["retrospective"] = fe["worked"]
	delete(fe, "worked")
	return models.Invalid(fe)
}

// celebrationError gives each refusal its own code and message (409), other errors as they are.
func celebrationError(err error) error {
	switch {
	case errors.Is(err, models.ErrNotEnded):
		return echo.NewHTTPError(http.StatusConflict, "not_ended")
	case errors.Is(err, models.ErrMeetupCancelled):
		return echo.NewHTTPError(http.StatusConflict, "meetup_cancelled")
	case errors.Is(err, models.ErrAlreadyCelebrated):
		return echo.NewHTTPError(http.StatusConflict, "already_celebrated")
	}
	return err
}
