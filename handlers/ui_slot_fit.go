package handlers

import (
	"context"
	"strings"

	"github.com/convene/convene/models"
)

// outsideView warns the organiser that talks of the lineup no longer fit in the meetup's time.
type outsideView struct {
	When string       // the meetup's time
	Rows []outsideRow // the slots, in time order
	Link string       // the speakers page, from another page; "" on it
}

// outsideRow is one slot outside the meetup's time and who holds it or is asked for it.
type outsideRow struct {
	Label    string
	Speakers string
}

// slotsOutside reads the warning for meetup m; nil when the lineup fits (or m is not scheduled).
func (h *Handlers) slotsOutside(ctx context.Context, tr Translator, m models.Meetup) (*outsideView, error) {
	if m.StartsAt == nil || m.EndsAt == nil {
		return nil, nil
	}
	slots, err := h.Store.SlotsOutside(ctx, m.TeamID, m.ID)
	if err != nil || len(slots) == 0 {
		return nil, err
	}
	v := &outsideView{When: slotLabel(tr, *m.StartsAt, *m.EndsAt, m.Timezone)}
	for _, s := range slots {
		v.Rows = append(v.Rows, outsideRow{Label: slotLabel(tr, s.StartsAt, s.EndsAt, m.Timezone), Speakers: strings.Join(s.Speakers, ", ")})
	}
	return v, nil
}
