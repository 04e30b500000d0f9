package handlers

import (
	"slices"
	"strings"

	"github.com/convene/convene/models"
)

// reopenedSlot is a slot free again because the speaker who had confirmed it withdrew after
// others were asked for it, who still are (they were told it was taken, then that it is free).
type reopenedSlot struct {
	Slot      models.Slot
	Withdrawn []models.Candidate // who withdrew from it
	Asked     []models.Candidate // who is still asked for it
}

// reopenedRow is one reopened slot as the speakers page warns of it.
type reopenedRow struct {
	Label     string
	Withdrawn string
	Names     string
}

// reopenedSlots finds the reopened slots among slots, in slot order.
func reopenedSlots(cands []models.Candidate, slots []models.Slot) []reopenedSlot {
	var out []reopenedSlot
	for _, s := range slots {
		if s.HeldBy != nil {
			continue
		}
		if r := reopenedOne(cands, s); len(r.Asked) > 0 {
			out = append(out, r)
		}
	}
	return out
}

// reopenedOne pairs, for one slot nobody holds, the speakers who withdrew from it with those
// asked for it before the withdrawal and still asked.
func reopenedOne(cands []models.Candidate, s models.Slot) reopenedSlot {
	r := reopenedSlot{Slot: s}
	for _, w := range cands {
		if w.Status != models.CandidateWithdrawn || !onSlot(w, s.ID) || w.DeclinedAt == nil {
			continue
		}
		var asked []models.Candidate
		for _, c := range cands {
			if c.Status == models.CandidateInvited && onSlot(c, s.ID) && c.InvitedAt != nil && !w.DeclinedAt.Before(*c.InvitedAt) {
				asked = append(asked, c)
			}
		}
		if len(asked) > 0 {
			r.Withdrawn = append(r.Withdrawn, w)
			r.Asked = mergeCandidates(r.Asked, asked)
		}
	}
	return r
}

// onSlot reports whether c was asked for the slot id.
func onSlot(c models.Candidate, id string) bool {
	return c.LineupSlotID != nil && *c.LineupSlotID == id
}

// mergeCandidates adds to a those of b it does not hold yet.
func mergeCandidates(a, b []models.Candidate) []models.Candidate {
	for _, c := range b {
		if !slices.ContainsFunc(a, func(x models.Candidate) bool { return x.ID == c.ID }) {
			a = append(a, c)
		}
	}
	return a
}

// candidateIDs are the ids of cands, in order.
func candidateIDs(cands []models.Candidate) []string {
	out := make([]string, 0, len(cands))
	for _, c := range cands {
		out = append(out, c.ID)
	}
	return out
}

// reopenedRows describes the reopened slots for the speakers page.
func reopenedRows(tr Translator, cands []models.Candidate, slots []models.Slot, zone string) []reopenedRow {
	var out []reopenedRow
	for _, r := range reopenedSlots(cands, slots) {
		out = append(out, reopenedRow{Label: slotLabel(tr, r.Slot.StartsAt, r.Slot.EndsAt, zone),
			Withdrawn: strings.Join(candidateNames(r.Withdrawn), ", "), Names: strings.Join(candidateNames(r.Asked), ", ")})
	}
	return out
}
