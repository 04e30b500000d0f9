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
// holding it) to them, in the order of cands.
func askedTogether(cands []models.Candidate) map[string][]models.Candidate {
	asked := map[string][]models.Candidate{}
	for _, c := range cands {
		if c.Status == models.CandidateInvited && !c.SlotTaken && c.LineupSlotID != nil {
			asked[*c.LineupSlotID] = append(asked[*c.LineupSlotID], c)
		}
	}
	for id, cs := range asked {
		if len(cs) < 2 {
			delete(asked, id)
		}
	}
	return asked
}

// candidateNames are the names of cands, in order.
func candidateNames(cands []models.Candidate) []string {
	out := make([]string, 0, len(cands))
	for _, c := range cands {
		out = append(out, c.Name)
	}
	return out
}

// sharedOffers describes the slots offered to several speakers, in slot order.
func sharedOffers(tr Translator, cands []models.Candidate, slots []models.Slot, zone string) []sharedOffer {
	asked := askedTogether(cands)
	var out []sharedOffer
	for _, s := range slots {
		if cs := asked[s.ID]; len(cs) > 0 {
			out = append(out, sharedOffer{Label: slotLabel(tr, s.StartsAt, s.EndsAt, zone), Names: strings.Join(candidateNames(cs), ", ")})
		}
	}
	return out
}
