package handlers

import (
	"fmt"
	"math"

	"github.com/convene/convene/models"
)

// candidateRows describes candidates for the pages: response time in words, slots as labels.
func candidateRows(tr Translator, cands []models.Candidate, slots []models.Slot, zone string) []candidateRow {
	out := make([]candidateRow, 0, len(cands))
	for _, c := range cands {
		r := candidateRow{Candidate: c, Response: responseTime(tr, c.ResponseSeconds)}
		for _, s := range slots {
			for _, id := range c.SlotIDs {
				if id == s.ID {
					r.Slots = append(r.Slots, slotLabel(tr, s.StartsAt, s.EndsAt, zone))
				}
			}
		}
		r.Moved = movedLabels(tr, c.MovedAnswers, slots, zone)
		out = append(out, r)
	}
	return out
}

// movedLabels words a candidate's answers given for a slot's time before a reschedule moved it:
// the time they said they could do, and where the slot is now.
func movedLabels(tr Translator, moved models.MovedAnswers, slots []models.Slot, zone string) []string {
	var out []string
	for _, a := range moved {
		for _, s := range slots {
			if s.ID == a.SlotID {
				out = append(out, tr.T("speakers.candidates.moved_item", "Was", slotLabel(tr, a.StartsAt, a.EndsAt, zone),
					"Now", slotLabel(tr, s.StartsAt, s.EndsAt, zone)))
			}
		}
	}
	return out
}

// notCandidates drops the speakers who already are candidates.
func notCandidates(all []models.Speaker, cands []models.Candidate) []models.Speaker {
	in := map[string]bool{}
	for _, c := range cands {
		in[c.SpeakerID] = true
	}
	out := []models.Speaker{}
	for _, s := range all {
		if !in[s.ID] {
			out = append(out, s)
		}
	}
	return out
}

// reasonsText translates a suggestion's reasons.
func reasonsText(tr Translator, rs []models.Reason) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, tr.T("speakers.reason."+r.Key, "V", r.Value))
	}
	return out
}

// responseTime says how long an answer took: minutes, hours or days.
func responseTime(tr Translator, secs *int64) string {
	if secs == nil {
		return ""
	}
	s := float64(*secs)
	switch {
	case s < 3600:
		return tr.T("speakers.unit.minutes", "N", fmt.Sprint(int(math.Max(1, math.Round(s/60)))))
	case s < 48*3600:
		return tr.T("speakers.unit.hours", "N", fmt.Sprint(int(math.Round(s/3600))))
	}
	return tr.T("speakers.unit.days", "N", fmt.Sprint(int(math.Round(s/86400))))
}

// StatusKey is the message id of the candidate's state: one asked for a slot that another
// speaker confirmed first reads "slot taken by another speaker", not "asked to confirm".
func (r candidateRow) StatusKey() string {
	if r.SlotTaken {
		return "speakers.status.slot_taken"
	}
	return "speakers.status." + r.Status
}
