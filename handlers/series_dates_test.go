package handlers_test

import (
	"strings"
	"testing"
	"time"
)

// TestSeriesTrendDatesInMeetupZone: a meetup at 17:30 in Los Angeles on 10 March is 00:30 UTC on
// the 11th; the series page dates it the 10th, as the people who came saw it.
func TestSeriesTrendDatesInMeetupZone(t *testing.T) {
	t.Parallel()
	e := newReportEnv(t)
	sid, err := e.Store.CreateSeries(e.ctx, e.Team.ID, "Evening talks", "monthly")
	if err != nil {
		t.Fatal(err)
	}
	m := e.meetup("Evening talk", time.Date(2025, 3, 11, 0, 30, 0, 0, time.UTC), sid)
	e.exec(`UPDATE meetups SET timezone = 'America/Los_Angeles' WHERE id = $1`, m.ID)
	e.rsvp(m.ID, e.people("eve", 1, "en")[0], "yes", true)

	body := e.c.Get(t, "/series/"+sid).Body
	mustContain(t, "series page", body, `<td class="when">2025-03-10</td>`, ">10.03</text>")
	if strings.Contains(body, "2025-03-11") || strings.Contains(body, ">11.03<") {
		t.Fatalf("series page dates the meetup by UTC (the 11th):\n%s", body)
	}
}
