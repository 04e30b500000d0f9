package handlers

import (
	"strings"

	"github.com/convene/convene/models"
)

// sharedOffer is a slot offered to several speakers who have not confirmed it yet: whoever
// confirms first holds it.
type sharedOffer struct {
	Label string
	Names string
}

// askedTogether maps each slot offered to more than one speaker still asked to confirm it (nobody
// holding it) to their names.
func askedTogether(cands []models.Candidate) map[string][]string {
	asked := map[string][]string{}
	for _, c := range cands {
		if c.Status == models.CandidateInvited && !c.SlotTaken && c.LineupSlotID != nil {
			asked[*c.LineupSlotID] = append(asked[*c.LineupSlotID], c.Name)
		}
	}
	for id, names := range asked {
		if len(names) < 2 {
			delete(asked, id)
		}
	}
	return asked
}

// sharedOffers describes the slots offered to several speakers, in slot order.
func sharedOffers(tr Translator, cands []models.Candidate, slots []models.Slot, zone string) []sharedOffer {
	asked := askedTogether(cands)
	var out []sharedOffer
	for _, s := range slots {
		if names := asked[s.ID]; len(names) > 0 {
			out = append(out, sharedOffer{Label: slotLabel(tr, s.StartsAt, s.EndsAt, zone), Names: strings.Join(names, ", ")})
		}
	}
	return out
}
