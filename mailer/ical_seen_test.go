package mailer

// seenCal is what one parser found in a calendar, in the same shape for every parser
// (go-ical, python3-icalendar and ical.js through testdata scripts).
type seenCal struct {
	Method   string      `json:"method"`
	Version  string      `json:"version"`
	ProdID   string      `json:"prodid"`
	CalScale string      `json:"calscale"`
	Errors   []string    `json:"errors"`
	Events   []seenEvent `json:"events"`
}

// seenEvent is one VEVENT as a parser saw it; times are UTC "2006-01-02T15:04:05Z", zones "UTC", a TZID or "" (floating).
type seenEvent struct {
	UID         string      `json:"uid"`
	Sequence    int         `json:"sequence"`
	Start       string      `json:"start"`
	StartZone   string      `json:"start_zone"`
	End         string      `json:"end"`
	EndZone     string      `json:"end_zone"`
	Stamp       string      `json:"stamp"`
	StampZone   string      `json:"stamp_zone"`
	Organizer   *seenAddr   `json:"organizer"`
	Attendees   []seenAddr  `json:"attendees"`
	Summary     string      `json:"summary"`
	Description string      `json:"description"`
	Location    string      `json:"location"`
	URL         string      `json:"url"`
	Status      string      `json:"status"`
	Alarms      []seenAlarm `json:"alarms"`
	Errors      []string    `json:"errors"`
}

// seenAddr is an ORGANIZER or ATTENDEE with the parameters Convene writes.
type seenAddr struct {
	Value    string `json:"value"`
	CN       string `json:"cn"`
	Role     string `json:"role"`
	PartStat string `json:"partstat"`
	RSVP     string `json:"rsvp"`
}

// seenAlarm is one VALARM.
type seenAlarm struct {
	Action         string `json:"action"`
	TriggerSeconds int    `json:"trigger_seconds"`
	Description    string `json:"description"`
}

// isoUTC is how every parser's view writes an instant.
const isoUTC = "2006-01-02T15:04:05Z"
