package handlers

import (
	"errors"
	"net/http"
	"slices"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// slotChoice is one slot on a speaker's page.
type slotChoice struct {
	ID      string
	Label   string
	Checked bool
}

// replyData is what the outreach reply page shows.
type replyData struct {
	View   models.LinkView
	Slots  []slotChoice
	Saved  bool
	Answer string   // the answer stored (yes, maybe, no), shown once the form is closed; "" for none
	Moved  []string // times they said suit them that a reschedule has moved since
}

// OutreachReplyPage shows a speaker the brief and their answer form (GET and HEAD change nothing).
func (h *Handlers) OutreachReplyPage(c echo.Context) error {
	link, err := h.resolveLink(c, models.PurposeOutreach)
	if err != nil {
		return err
	}
	v, err := h.Store.SpeakerLinkView(c.Request().Context(), link)
	if err != nil {
		return err
	}
	cand := v.Candidate
	in := models.ReplyInput{Interest: deref(cand.Answer), Slots: cand.SlotIDs, TalkTitle: cand.TalkTitle,
		Abstract: cand.Abstract, Note: cand.Note}
	return h.renderReply(c, http.StatusOK, v, in, nil, c.QueryParam("saved") != "")
}

// OutreachReply saves a speaker's answer: interest, slots, talk title, abstract and note.
func (h *Handlers) OutreachReply(c echo.Context) error {
	link, err := h.resolveLink(c, models.PurposeOutreach)
	if err != nil {
		return err
	}
	var in models.ReplyInput
	if err := c.Bind(&in); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	ctx := c.Request().Context()
	err = h.Store.SaveReply(ctx, link, in)
	var ve *models.ValidationError
	switch {
	case err == nil:
		return redirect(c, c.Request().URL.Path+"?saved=1")
	case errors.As(err, &ve), errors.Is(err, models.ErrReplyClosed):
		v, verr := h.Store.SpeakerLinkView(ctx, link)
		if verr != nil {
			return verr
		}
		if ve == nil {
			return h.renderReply(c, http.StatusConflict, v, in, nil, false)
		}
		return h.renderReply(c, http.StatusUnprocessableEntity, v, in, ve.Fields, false)
	}
	return err
}

// renderReply renders the reply page in the speaker's language with the form as given.
func (h *Handlers) renderReply(c echo.Context, status int, v models.LinkView, in models.ReplyInput, fe models.FieldErrors, saved bool) error {
	p := h.newPublicPage(c, v.Candidate.Language, "speakers.reply.title")
	p.Form, p.Errors = in, fe
	d := replyData{View: v, Saved: saved, Answer: deref(v.Candidate.Answer),
		Moved: movedLabels(p.Translator, v.Candidate.MovedAnswers, v.Slots, v.Meetup.Timezone)}
	for _, s := range v.Slots {
		d.Slots = append(d.Slots, slotChoice{ID: s.ID, Label: slotLabel(p.Translator, s.StartsAt, s.EndsAt, v.Meetup.Timezone),
			Checked: slices.Contains(in.Slots, s.ID)})
	}
	p.Data = d
	return h.render(c, status, "speaker_reply", p)
}

// deref is the string a pointer holds, or "".
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
