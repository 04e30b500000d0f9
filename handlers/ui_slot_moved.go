package handlers

import (
	"slices"

	"github.com/convene/convene/models"
)

// movedHold is a talk whose slot a reschedule moved after its speaker confirmed it, to a time
// they have not said suits them (none of their answers is about the slot's time now).
type movedHold struct {
	Slot    models.Slot
	Speaker models.Candidate
}

// movedRow is one moved talk as the speakers page warns of it.
type movedRow struct {
	Name, Was, Slot string
}

// movedHolds finds the moved talks among the candidates, in their order.
func movedHolds(cands []models.Candidate, slots []models.Slot) []movedHold {
	var out []movedHold
	for _, c := range cands {
		if c.Status != models.CandidateConfirmed || c.ConfirmedFor == nil || c.HeldSlotID == nil ||
			slices.Contains(c.SlotIDs, *c.HeldSlotID) {
			continue
		}
		if i := slices.IndexFunc(slots, func(s models.Slot) bool { return s.ID == *c.HeldSlotID }); i >= 0 {
			out = append(out, movedHold{Slot: slots[i], Speaker: c})
		}
	}
	return out
}

// movedRows describes the moved talks for the speakers page.
func movedRows(tr Translator, cands []models.Candidate, slots []models.Slot, zone string) []movedRow {
	var out []movedRow
	for _, h := range movedHolds(cands, slots) {
		was := h.Speaker.ConfirmedFor
		out = append(out, movedRow{Name: h.Speaker.Name, Was: slotLabel(tr, was.StartsAt, was.EndsAt, zone),
			Slot: slotLabel(tr, h.Slot.StartsAt, h.Slot.EndsAt, zone)})
	}
	return out
}

// movedWarnings warns of each moved talk, for the API.
func movedWarnings(tr Translator, m models.Meetup, cands []models.Candidate, slots []models.Slot) []apiWarning {
	var out []apiWarning
	for _, h := range movedHolds(cands, slots) {
		was := h.Speaker.ConfirmedFor
		w := slotWarning(warnSlotMoved, h.Slot, []string{h.Speaker.ID}, []string{h.Speaker.Name})
		w.ConfirmedStartsAt, w.ConfirmedEndsAt = &was.StartsAt, &was.EndsAt
		w.Message = tr.T("speakers.warning.slot_moved", "Names", h.Speaker.Name,
			"Was", slotLabel(tr, was.StartsAt, was.EndsAt, m.Timezone), "Slot", slotLabel(tr, h.Slot.StartsAt, h.Slot.EndsAt, m.Timezone))
		out = append(out, w)
	}
	return out
}
