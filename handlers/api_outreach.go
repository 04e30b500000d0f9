package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// APIOutreachDraft returns the composed brief for the organiser to edit: {"lang","message"};
// ?lang=en|ru picks the language (the organiser's by default).
func (h *Handlers) APIOutreachDraft(c echo.Context) error {
	ctx, u := c.Request().Context(), currentUser(c)
	m, err := h.Store.GetMeetup(ctx, u.TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	slots, err := h.Store.ListSlots(ctx, u.TeamID, m.ID)
	if err != nil {
		return err
	}
	lang := u.Lang
	if q := c.QueryParam("lang"); q != "" {
		lang = MatchLang(q)
	}
	msg, err := h.composeBrief(ctx, h.Views.NewTranslator(lang), m, slots)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]string{"lang": lang, "message": msg})
}

// APISendOutreach sends the brief to the chosen candidates, each with a personal /o/ link, and
// marks them contacted; candidates contacted before are skipped, so a retry sends nothing twice.
func (h *Handlers) APISendOutreach(c echo.Context) error {
	var in models.OutreachInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u := currentUser(c)
	res, err := h.Store.SendOutreach(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), in, h.speakerNotify)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}
