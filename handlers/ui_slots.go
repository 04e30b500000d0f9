package handlers

import (
	"fmt"
	"math"
	"time"
)

// zoneRow is how a slot falls in one time zone of the audience.
type zoneRow struct {
	Zone    string
	People  int
	Local   string
	Working bool
	Lunch   bool
}

// slotRow is a slot as the organiser's page shows it, with the audience's view.
type slotRow struct {
	ID         string
	Label      string
	People     int
	WorkingPct int
	LunchPct   int
	Zones      []zoneRow
	Held       bool
}

// newSlotRow describes a slot in the meetup's zone and in each zone of the audience.
func newSlotRow(tr Translator, v slotView, zone string) slotRow {
	a := v.Audience
	r := slotRow{ID: v.ID, Label: slotLabel(tr, v.StartsAt, v.EndsAt, zone), People: a.People,
		WorkingPct: percent(a.WorkingShare), LunchPct: percent(a.LunchShare), Held: v.HeldBy != nil}
	for _, z := range a.Zones {
		r.Zones = append(r.Zones, zoneRow{Zone: z.Zone, People: z.People, Working: z.Working, Lunch: z.Lunch,
			Local: localRange(tr, z.LocalStart, z.LocalEnd)})
	}
	return r
}

// localRange is "Tue 13:00–14:00 (UTC+03:00)" in the times' own zone.
func localRange(tr Translator, s, e time.Time) string {
	day := tr.T(fmt.Sprintf("speakers.weekday.%d", s.Weekday()))
	return fmt.Sprintf("%s %s–%s (UTC%s)", day, s.Format("15:04"), e.Format("15:04"), s.Format("-07:00"))
}

// percent rounds a share to a whole percentage.
func percent(share float64) int { return int(math.Round(share * 100)) }
