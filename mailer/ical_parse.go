package mailer

import (
	"bytes"
	"fmt"

	ical "github.com/emersion/go-ical"
)

// ParseCalendar decodes one VCALENDAR, turning a panic of go-ical's decoder on malformed input into an error.
func ParseCalendar(b []byte) (cal *ical.Calendar, err error) {
	defer func() {
		if r := recover(); r != nil {
			cal, err = nil, fmt.Errorf("mailer: malformed calendar: %v", r)
		}
	}()
	cal, err = ical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		return nil, fmt.Errorf("mailer: parse calendar: %w", err)
	}
	return cal, nil
}
