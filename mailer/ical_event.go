package mailer

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	ical "github.com/emersion/go-ical"
)

// eventStatuses are the VEVENT statuses Convene writes.
var eventStatuses = map[string]bool{"CONFIRMED": true, "TENTATIVE": true, "CANCELLED": true}

// buildEvent validates e and turns it into a VEVENT for method.
func buildEvent(method string, e *Event) (*ical.Component, error) {
	if err := checkEvent(e); err != nil {
		return nil, err
	}
	status, err := eventStatus(method, e.Status)
	if err != nil {
		return nil, err
	}
	ev := ical.NewEvent()
	p := ev.Props
	p.SetText(ical.PropUID, e.UID)
	p.Set(&ical.Prop{Name: ical.PropSequence, Params: ical.Params{}, Value: strconv.Itoa(e.Sequence)})
	p.SetDateTime(ical.PropDateTimeStamp, stampOf(e.Stamp))
	p.SetDateTime(ical.PropDateTimeStart, e.Start.UTC())
	p.SetDateTime(ical.PropDateTimeEnd, e.End.UTC())
	p.SetText(ical.PropSummary, oneLine(e.Summary))
	p.SetText(ical.PropStatus, status)
	if err := setOptionalText(p, e); err != nil {
		return nil, err
	}
	if err := setPeople(p, method, e); err != nil {
		return nil, err
	}
	if e.AlarmBefore > 0 {
		ev.Children = append(ev.Children, alarm(e.AlarmBefore, oneLine(e.Summary)))
	}
	return ev.Component, nil
}

// checkEvent rejects an event no calendar client would accept.
func checkEvent(e *Event) error {
	switch {
	case strings.TrimSpace(e.UID) == "" || hasControl(e.UID) || !utf8.ValidString(e.UID):
		return fmt.Errorf("%w: empty or malformed UID", ErrInvalidEvent)
	case e.Sequence < 0:
		return fmt.Errorf("%w: negative SEQUENCE %d", ErrInvalidEvent, e.Sequence)
	case e.Start.IsZero():
		return fmt.Errorf("%w: no start time", ErrInvalidEvent)
	case !e.End.Truncate(time.Second).After(e.Start.Truncate(time.Second)): // written to the second
		return fmt.Errorf("%w: end %s is not after start %s", ErrInvalidEvent, e.End, e.Start)
	case strings.TrimSpace(oneLine(e.Summary)) == "":
		return fmt.Errorf("%w: empty summary", ErrInvalidEvent)
	case e.AlarmBefore < 0:
		return fmt.Errorf("%w: negative alarm offset", ErrInvalidEvent)
	}
	return nil
}

// eventStatus picks the STATUS: CANCEL forces CANCELLED, empty means CONFIRMED.
func eventStatus(method, status string) (string, error) {
	if method == MethodCancel {
		return "CANCELLED", nil
	}
	s := strings.ToUpper(strings.TrimSpace(status))
	if s == "" {
		return "CONFIRMED", nil
	}
	if !eventStatuses[s] {
		return "", fmt.Errorf("%w: unknown status %q", ErrInvalidEvent, status)
	}
	return s, nil
}

// stampOf is the DTSTAMP: the given time, or now, in UTC.
func stampOf(t time.Time) time.Time {
	if t.IsZero() {
		t = time.Now()
	}
	return t.UTC()
}

// setOptionalText writes DESCRIPTION, LOCATION and URL when given.
func setOptionalText(p ical.Props, e *Event) error {
	if d := cleanText(e.Description); d != "" {
		p.SetText(ical.PropDescription, d)
	}
	if l := oneLine(e.Location); l != "" {
		p.SetText(ical.PropLocation, l)
	}
	if e.URL == "" {
		return nil
	}
	u, err := url.Parse(e.URL)
	if err != nil || !u.IsAbs() || hasControl(e.URL) {
		return fmt.Errorf("%w: URL %q is not an absolute URL", ErrInvalidEvent, e.URL)
	}
	p.SetURI(ical.PropURL, u)
	return nil
}

// alarm is a DISPLAY VALARM that fires before the start by the given duration.
func alarm(before time.Duration, text string) *ical.Component {
	a := ical.NewComponent(ical.CompAlarm)
	a.Props.SetText(ical.PropAction, "DISPLAY")
	a.Props.Set(&ical.Prop{Name: ical.PropTrigger, Params: ical.Params{}, Value: "-" + isoDuration(before)})
	a.Props.SetText(ical.PropDescription, text)
	return a
}

// isoDuration writes d (rounded to seconds) as an RFC 5545 duration such as PT1H30M.
func isoDuration(d time.Duration) string {
	s := int64(d.Round(time.Second) / time.Second)
	out := "PT"
	if h := s / 3600; h > 0 {
		out += strconv.FormatInt(h, 10) + "H"
	}
	if m := s % 3600 / 60; m > 0 {
		out += strconv.FormatInt(m, 10) + "M"
	}
	if sec := s % 60; sec > 0 || out == "PT" {
		out += strconv.FormatInt(sec, 10) + "S"
	}
	return out
}
