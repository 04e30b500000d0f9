package handlers

import "github.com/convene/convene/models"

// doorCounter is the check-in page's counter as the reader reads it: those who said yes checked
// in of those expected, and apart from them the others invited who came, the walk-ins and the
// speakers checked in of the meetup's speakers (each "" when there are none).
type doorCounter struct {
	Invited  string `json:"invited"`
	Others   string `json:"others"`
	WalkIns  string `json:"walk_ins"`
	Speakers string `json:"speakers"`
}

// newDoorCounter words the counts in the reader's language, with the plural forms of each number.
func newDoorCounter(tr Translator, c models.DoorCounts) doorCounter {
	out := doorCounter{Invited: tr.T("checkin.counter", "In", c.ExpectedIn, "Count", c.Expected)}
	if c.OthersIn > 0 {
		out.Others = tr.T("checkin.others", "Count", c.OthersIn)
	}
	if c.WalkIns > 0 {
		out.WalkIns = tr.T("checkin.walk_ins", "Count", c.WalkIns)
	}
	if c.Speakers > 0 {
		out.Speakers = tr.T("checkin.speakers", "In", c.SpeakersIn, "Count", c.Speakers)
	}
	return out
}

// tickAnswer is what the check-in page's script gets for a tick: the batch, and the counter
// worded as the page words it.
type tickAnswer struct {
	models.AttendanceResult
	Counter doorCounter `json:"counter"`
}
