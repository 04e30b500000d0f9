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
	AskSure   bool   // a confirmed speaker asked to withdraw: the page asks them to say so once more
	Path      string // the page's own path, to go back to without withdrawing
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
	case "withdraw": // the first of two clicks: nothing changes until "no" is sent from the question
		return h.renderConfirmAsk(c, link)
	case "yes":
		_, err = h.Store.ConfirmSlot(ctx, link, h.speakerNotify)
	case "no":
		_, err = h.Store.DeclineSlot(ctx, link, h.speakerNotify, h.rsvpNotifier())
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

// renderConfirmAsk shows a confirmed speaker's page asking them to confirm their withdrawal.
func (h *Handlers) renderConfirmAsk(c echo.Context, link models.Link) error {
	return h.renderConfirmWith(c, link, http.StatusOK, "", nil, true)
}

// renderConfirm renders the confirmation page in the speaker's language.
func (h *Handlers) renderConfirm(c echo.Context, link models.Link, status int, notice string, fe models.FieldErrors) error {
	return h.renderConfirmWith(c, link, status, notice, fe, false)
}

// renderConfirmWith is renderConfirm, asking a confirmed speaker to confirm a withdrawal when ask is set.
func (h *Handlers) renderConfirmWith(c echo.Context, link models.Link, status int, notice string, fe models.FieldErrors, ask bool) error {
	v, err := h.Store.SpeakerLinkView(c.Request().Context(), link)
	if err != nil {
		return err
	}
	p := h.newPublicPage(c, v.Candidate.Language, "speakers.confirm.title")
	p.Errors = fe
	if v.TakenBy && notice == "speakers.confirm.taken" || v.Meetup.Stage == models.StageCancelled && notice == "speakers.confirm.closed" {
		notice = "" // the page itself says so, with what to do next
	}
	d := confirmData{View: v, Notice: notice, Path: c.Request().URL.Path,
		AskSure: ask && v.Candidate.Status == models.CandidateConfirmed}
	if v.Slot != nil {
		d.SlotLabel = slotLabel(p.Translator, v.Slot.StartsAt, v.Slot.EndsAt, v.Meetup.Timezone)
	}
	p.Data = d
	return h.render(c, status, "speaker_confirm", p)
}
