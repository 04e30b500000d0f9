package handlers

import (
	"errors"
	"net/http"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// speakersPath is the meetup's speaker page, at an anchor.
func speakersPath(c echo.Context, anchor string) string {
	return "/meetups/" + c.Param("id") + "/speakers#" + anchor
}

// afterForm redirects with a flash on success and re-renders the page with 422 on invalid input.
func (h *Handlers) afterForm(c echo.Context, err error, f meetupSpeakersForm, flash, anchor string) error {
	if ve := new(models.ValidationError); errors.As(err, &ve) {
		return h.renderMeetupSpeakers(c, http.StatusUnprocessableEntity, f, ve.Fields)
	}
	if errors.Is(err, models.ErrSpeakerStepsClosed) {
		return h.renderMeetupSpeakers(c, http.StatusConflict, meetupSpeakersForm{}, nil)
	}
	if err != nil {
		return err
	}
	h.flash(c, flash)
	return redirect(c, speakersPath(c, anchor))
}

// AddCandidateForm adds a suggested speaker, a new voice (person_id) or a speaker of the directory.
func (h *Handlers) AddCandidateForm(c echo.Context) error {
	in := models.CandidateInput{SpeakerID: c.FormValue("speaker_id"), PersonID: c.FormValue("person_id")}
	u := currentUser(c)
	_, _, err := h.Store.AddCandidate(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), in)
	return h.afterForm(c, err, meetupSpeakersForm{}, "speakers.flash.candidate_added", "candidates")
}

// AddSlotForm adds a candidate slot from a wall time in the meetup's zone.
func (h *Handlers) AddSlotForm(c echo.Context) error {
	in := models.SlotInput{StartsAt: c.FormValue("starts_at"), EndsAt: c.FormValue("ends_at"), Fold: c.FormValue("fold")}
	_, err := h.Store.AddSlot(c.Request().Context(), currentUser(c).TeamID, c.Param("id"), in)
	return h.afterForm(c, err, meetupSpeakersForm{Slot: in}, "speakers.flash.slot_added", "slots")
}

// DeleteSlotForm removes a slot nobody holds.
func (h *Handlers) DeleteSlotForm(c echo.Context) error {
	err := h.Store.DeleteSlot(c.Request().Context(), currentUser(c).TeamID, c.Param("id"), c.Param("sid"))
	if errors.Is(err, models.ErrConflict) && !errors.Is(err, models.ErrSpeakerStepsClosed) {
		h.flash(c, "speakers.flash.slot_in_use")
		return redirect(c, speakersPath(c, "slots"))
	}
	return h.afterForm(c, err, meetupSpeakersForm{}, "speakers.flash.slot_deleted", "slots")
}

// SpeakerSettingsForm sets how many silent days bring the follow-up.
func (h *Handlers) SpeakerSettingsForm(c echo.Context) error {
	days, err := formInt(strings.TrimSpace(c.FormValue("follow_up_days")))
	if err != nil {
		err = models.Invalid(models.FieldErrors{"follow_up_days": "not_a_number"})
	} else {
		err = h.Store.SetFollowUpDays(c.Request().Context(), currentUser(c).TeamID, c.Param("id"), days)
	}
	return h.afterForm(c, err, meetupSpeakersForm{Days: days}, "speakers.flash.saved", "follow-up")
}

// SendOutreachForm sends the edited brief to the ticked candidates.
func (h *Handlers) SendOutreachForm(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	in := models.OutreachInput{CandidateIDs: form["candidate_ids"], Message: form.Get("message")}
	u := currentUser(c)
	in.ByLanguage = h.draftsIfUnedited(c.Request().Context(), u.TeamID, c.Param("id"), in.Message)
	_, err = h.Store.SendOutreach(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), in, h.speakerNotify)
	f := meetupSpeakersForm{Brief: in.Message, Chosen: map[string]bool{}}
	for _, id := range in.CandidateIDs {
		f.Chosen[id] = true
	}
	return h.afterForm(c, err, f, "speakers.flash.sent", "candidates")
}
