package handlers

import (
	"slices"
	"strconv"

	"github.com/convene/convene/models"
)

// compareCard is one candidate who answered, side by side with the others.
type compareCard struct {
	candidateRow
	History     models.SpeakerHistory
	Pickable    bool // may be put in the lineup
	ScoreFields []scoreField
	Average     string
	Options     []slotChoice // the lineup select: Checked is their current slot
}

// scoreField is one 1–5 select of a card's scoring form.
type scoreField struct {
	ID, Name, ErrKey string
	Value            int
}

// compareCards keeps the candidates who answered and adds each speaker's history.
func compareCards(rows []candidateRow, speakers []models.Speaker, options []slotChoice) []compareCard {
	hist := map[string]models.SpeakerHistory{}
	for _, s := range speakers {
		hist[s.ID] = s.SpeakerHistory
	}
	out := []compareCard{}
	for _, r := range rows {
		if r.AnsweredAt == nil && r.InvitedAt == nil {
			continue
		}
		st := r.Status
		pick := st == models.CandidateInterested || st == models.CandidateMaybe || st == models.CandidateInvited
		card := compareCard{candidateRow: r, History: hist[r.SpeakerID], Pickable: pick}
		card.fill(options)
		out = append(out, card)
	}
	return out
}

// fill adds the card's score selects, average and lineup options.
func (cc *compareCard) fill(options []slotChoice) {
	sc := cc.Scores
	for name, v := range map[string]*int{"availability": sc.Availability, "style": sc.Style, "value": sc.Value} {
		f := scoreField{ID: name + "-" + cc.ID, Name: name, ErrKey: cc.ID + ".scores." + name}
		if v != nil {
			f.Value = *v
		}
		cc.ScoreFields = append(cc.ScoreFields, f)
	}
	slices.SortFunc(cc.ScoreFields, func(a, b scoreField) int { return scoreOrder[a.Name] - scoreOrder[b.Name] })
	if cc.ScoreAverage != nil {
		cc.Average = strconv.FormatFloat(*cc.ScoreAverage, 'f', 1, 64)
	}
	for _, o := range options {
		o.Checked = cc.LineupSlotID != nil && *cc.LineupSlotID == o.ID && !cc.SlotTaken // a taken slot is no longer theirs to send again
		cc.Options = append(cc.Options, o)
	}
}

// scoreOrder is the order of the three scores on a card.
var scoreOrder = map[string]int{"availability": 0, "style": 1, "value": 2}
