package handlers

import (
	"context"
	"strings"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// Codes of the speaker API's warnings (docs/openapi.yaml, SpeakerWarning).
const (
	warnSlotOutside = "slot_outside_meetup" // a slot of the lineup is no longer inside the meetup's time
	warnSlotShared  = "slot_shared"         // a slot is offered to several speakers; whoever confirms first holds it
	warnReopened    = "slot_reopened"       // a slot is free again after its holder withdrew; those asked before still are
	warnSlotMoved   = "slot_moved"          // a reschedule moved a confirmed talk to a time its speaker has not said suits them
)

// apiWarning is something the speaker API asks its caller to look at beside a successful answer,
// as the organiser's pages warn: a code, a message in the caller's language, the slot and who.
type apiWarning struct {
	Code           string     `json:"code"`
	Message        string     `json:"message"`
	SlotID         string     `json:"slot_id"`
	StartsAt       time.Time  `json:"starts_at"`
	EndsAt         time.Time  `json:"ends_at"`
	CandidateIDs   []string   `json:"candidate_ids"`
	Speakers       []string   `json:"speakers"`
	MeetupStartsAt *time.Time `json:"meetup_starts_at,omitempty"`
	MeetupEndsAt   *time.Time `json:"meetup_ends_at,omitempty"`
	// slot_moved: the time the speaker confirmed the slot for, before the reschedule moved it
	ConfirmedStartsAt *time.Time `json:"confirmed_starts_at,omitempty"`
	ConfirmedEndsAt   *time.Time `json:"confirmed_ends_at,omitempty"`
}

// warnedList is a list response of the speaker API with its warnings.
type warnedList[T any] struct {
	Items      []T          `json:"items"`
	NextCursor string       `json:"next_cursor"`
	Warnings   []apiWarning `json:"warnings"`
}

// speakerWarnings reads the warnings of meetup m's speaker steps, given its candidates: the slots
// of the lineup outside the meetup's time, the confirmed talks a reschedule moved, the slots
// offered to several speakers, then the slots free again; none for a cancelled or finished meetup.
func (h *Handlers) speakerWarnings(c echo.Context, m models.Meetup, cands []models.Candidate) ([]apiWarning, error) {
	out := []apiWarning{}
	if m.Stage == models.StageCancelled || m.Stage == models.StageDone {
		return out, nil
	}
	ctx, tr := c.Request().Context(), h.Views.NewTranslator(h.requestLang(c, currentUser(c)))
	outside, err := h.outsideWarnings(ctx, tr, m)
	if err != nil {
		return nil, err
	}
	slots, err := h.Store.ListSlots(ctx, m.TeamID, m.ID)
	if err != nil {
		return nil, err
	}
	out = append(append(out, outside...), movedWarnings(tr, m, cands, slots)...)
	out = append(out, sharedWarnings(tr, m, cands, slots)...)
	return append(out, reopenedWarnings(tr, m, cands, slots)...), nil
}

// lineupWarnings reads the warnings of meetup m's speaker steps, reading its candidates.
func (h *Handlers) lineupWarnings(c echo.Context, m models.Meetup) ([]apiWarning, error) {
	cands, err := h.Store.ListCandidates(c.Request().Context(), m.TeamID, m.ID)
	if err != nil {
		return nil, err
	}
	return h.speakerWarnings(c, m, cands)
}

// outsideWarnings warns of each slot of the lineup outside meetup m's time.
func (h *Handlers) outsideWarnings(ctx context.Context, tr Translator, m models.Meetup) ([]apiWarning, error) {
	if m.StartsAt == nil || m.EndsAt == nil {
		return nil, nil
	}
	slots, err := h.Store.SlotsOutside(ctx, m.TeamID, m.ID)
	if err != nil {
		return nil, err
	}
	var out []apiWarning
	for _, s := range slots {
		w := slotWarning(warnSlotOutside, s.Slot, s.CandidateIDs, s.Speakers)
		w.MeetupStartsAt, w.MeetupEndsAt = m.StartsAt, m.EndsAt
		w.Message = tr.T("speakers.warning.slot_outside_meetup", "Slot", slotLabel(tr, s.StartsAt, s.EndsAt, m.Timezone),
			"Names", strings.Join(s.Speakers, ", "), "When", slotLabel(tr, *m.StartsAt, *m.EndsAt, m.Timezone))
		out = append(out, w)
	}
	return out, nil
}

// sharedWarnings warns of each slot offered to several speakers still asked to confirm it.
func sharedWarnings(tr Translator, m models.Meetup, cands []models.Candidate, slots []models.Slot) []apiWarning {
	asked := askedTogether(cands)
	var out []apiWarning
	for _, s := range slots {
		cs := asked[s.ID]
		if len(cs) == 0 {
			continue
		}
		ids, names := make([]string, 0, len(cs)), candidateNames(cs)
		for _, c := range cs {
			ids = append(ids, c.ID)
		}
		w := slotWarning(warnSlotShared, s, ids, names)
		w.Message = tr.T("speakers.warning.slot_shared", "Slot", slotLabel(tr, s.StartsAt, s.EndsAt, m.Timezone),
			"Names", strings.Join(names, ", "))
		out = append(out, w)
	}
	return out
}

// reopenedWarnings warns of each slot free again after its holder withdrew.
func reopenedWarnings(tr Translator, m models.Meetup, cands []models.Candidate, slots []models.Slot) []apiWarning {
	var out []apiWarning
	for _, r := range reopenedSlots(cands, slots) {
		names := candidateNames(r.Asked)
		w := slotWarning(warnReopened, r.Slot, candidateIDs(r.Asked), names)
		w.Message = tr.T("speakers.warning.slot_reopened", "Slot", slotLabel(tr, r.Slot.StartsAt, r.Slot.EndsAt, m.Timezone),
			"Withdrawn", strings.Join(candidateNames(r.Withdrawn), ", "), "Names", strings.Join(names, ", "))
		out = append(out, w)
	}
	return out
}

// slotWarning is a warning of a code about a slot and the candidates it names.
func slotWarning(code string, s models.Slot, ids, names []string) apiWarning {
	return apiWarning{Code: code, SlotID: s.ID, StartsAt: s.StartsAt, EndsAt: s.EndsAt,
		CandidateIDs: append([]string{}, ids...), Speakers: append([]string{}, names...)}
}
