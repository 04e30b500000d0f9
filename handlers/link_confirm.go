package handlers

import (
	"errors"
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// confirmData is what the slot confirmation page shows.
type confirmData struct {
	View      models.LinkView
	SlotLabel string
	Notice    string // a message id: what just happened
}

// ConfirmPage shows a chosen speaker their slot with confirm and decline buttons (GET and HEAD change nothing).
func (h *Handlers) ConfirmPage(c echo.Context) error {
	link, err := h.resolveLink(c, models.PurposeConfirm)
	if err != nil {
		return err
	}
	notice := ""
	if d := c.QueryParam("done"); d == "yes" || d == "no" {
		notice = "speakers.confirm.done_" + d
	}
	return h.renderConfirm(c, link, http.StatusOK, notice, nil)
}

// ConfirmAnswer confirms (confirm=yes) or declines (confirm=no) the slot. A slot another speaker
// just took gets a clear 409 page; answering the same again changes nothing.
func (h *Handlers) ConfirmAnswer(c echo.Context) error {
	link, err := h.resolveLink(c, models.PurposeConfirm)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	answer := c.FormValue("confirm")
	switch answer {
	case "yes":
		_, err = h.Store.ConfirmSlot(ctx, link, h.speakerNotify)
	case "no":
		_, err = h.Store.DeclineSlot(ctx, link, h.speakerNotify)
	default:
		return h.renderConfirm(c, link, http.StatusUnprocessableEntity, "", models.FieldErrors{"confirm": "invalid_choice"})
	}
	switch {
	case err == nil:
		return redirect(c, c.Request().URL.Path+"?done="+answer)
	case errors.Is(err, models.ErrSlotTaken):
		return h.renderConfirm(c, link, http.StatusConflict, "speakers.confirm.taken", nil)
	case errors.Is(err, models.ErrNotInvited):
		return h.renderConfirm(c, link, http.StatusConflict, "speakers.confirm.closed", nil)
	}
	return err
}

// renderConfirm renders the confirmation page in the speaker's language.
func (h *Handlers) renderConfirm(c echo.Context, link models.Link, status int, notice string, fe models.FieldErrors) error {
	v, err := h.Store.SpeakerLinkView(c.Request().Context(), link)
	if err != nil {
		return err
	}
	p := h.newPublicPage(c, v.Candidate.Language, "speakers.confirm.title")
	p.Errors = fe
	if v.TakenBy && notice == "speakers.confirm.taken" || v.Meetup.Stage == models.StageCancelled && notice == "speakers.confirm.closed" {
		notice = "" // the page itself says so, with what to do next
	}
	d := confirmData{View: v, Notice: notice}
	if v.Slot != nil {
		d.SlotLabel = slotLabel(p.Translator, v.Slot.StartsAt, v.Slot.EndsAt, v.Meetup.Timezone)
	}
	p.Data = d
	return h.render(c, status, "speaker_confirm", p)
}
