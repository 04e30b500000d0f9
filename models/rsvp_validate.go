package models

import (
	"slices"
)

// maxDietary bounds the dietary-needs text, in characters.
const maxDietary = 300

// limits is what an answer needs to know about its meetup.
type limits struct {
	Stage          string
	Capacity       int
	RemoteCapacity *int
	Location       string
	OnlineURL      string
	Over           bool
}

// capacity is a mode's seat count (0 for a mode without a limit).
func (l limits) capacity(mode string) int {
	switch {
	case mode == ModeInPerson:
		return l.Capacity
	case l.RemoteCapacity != nil:
		return *l.RemoteCapacity
	}
	return 0
}

// limited reports whether a mode has seats: in person always, remote when a limit is set.
func (l limits) limited(mode string) bool {
	return mode == ModeInPerson || l.RemoteCapacity != nil
}

// Modes lists how one can attend: in person where there is a place, remote where there is a link.
func (m Meetup) Modes() []string { return modesOf(m.Location, m.OnlineURL) }

// modesOf lists the modes a place and a link offer.
func modesOf(location, onlineURL string) []string {
	var m []string
	if location != "" || onlineURL == "" {
		m = append(m, ModeInPerson)
	}
	if onlineURL != "" {
		m = append(m, ModeRemote)
	}
	return m
}

// check validates what an answer says on its own and tidies the dietary text.
func (a *Answer) check() error {
	fe := FieldErrors{}
	switch a.Status {
	case RSVPYes, RSVPMaybe, RSVPNo:
	case "":
		fe["answer"] = "required"
	default:
		fe["answer"] = "invalid_choice"
	}
	if a.Mode != "" && a.Mode != ModeInPerson && a.Mode != ModeRemote {
		fe["mode"] = "invalid_choice"
	}
	if k := cleanLine(&a.Dietary, maxDietary); k != "" {
		fe["dietary"] = k
	}
	return Invalid(fe)
}

// fitMode fills the meetup's first mode when none was given and refuses one it does not offer.
func (a *Answer) fitMode(l limits) error {
	modes := modesOf(l.Location, l.OnlineURL)
	if a.Mode == "" {
		a.Mode = modes[0]
	}
	if !slices.Contains(modes, a.Mode) {
		return Invalid(FieldErrors{"mode": "invalid_choice"})
	}
	return nil
}
