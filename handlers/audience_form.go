package handlers

import (
	"net/url"
	"strings"

	"github.com/convene/convene/models"
)

// audienceForm is the audience form: checkboxes of the team's values and two address lists.
type audienceForm struct {
	Name        string
	Departments []string
	Locations   []string
	Interests   []string
	Include     string
	Exclude     string
}

// audienceFormFrom reads the form from POSTed fields or the preview's query string.
func audienceFormFrom(v url.Values) audienceForm {
	return audienceForm{Name: v.Get("name"), Departments: v["departments"], Locations: v["locations"],
		Interests: v["interests"], Include: v.Get("include"), Exclude: v.Get("exclude")}
}

// formOfAudience fills the form from a stored audience.
func formOfAudience(a models.Audience) audienceForm {
	return audienceForm{Name: a.Name, Departments: a.Departments, Locations: a.Locations, Interests: a.Interests,
		Include: strings.Join(a.IncludeEmails, "\n"), Exclude: strings.Join(a.ExcludeEmails, "\n")}
}

// audience turns the form into an audience.
func (f audienceForm) audience() models.Audience {
	return models.Audience{Name: f.Name, Departments: f.Departments, Locations: f.Locations, Interests: f.Interests,
		IncludeEmails: splitList(f.Include, true), ExcludeEmails: splitList(f.Exclude, true)}
}

// readable is the form as it is shown again: valid UTF-8, each unreadable run of bytes as U+FFFD.
func (f audienceForm) readable() audienceForm {
	return audienceForm{Name: readable(f.Name), Departments: readableList(f.Departments),
		Locations: readableList(f.Locations), Interests: readableList(f.Interests),
		Include: readable(f.Include), Exclude: readable(f.Exclude)}
}

// readableList is readable for each item of l.
func readableList(l []string) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = readable(s)
	}
	return out
}

// invalidAddresses lists, comma-separated, the items of an address list's text that are not
// valid addresses: what the list's error names, each once (as the list is kept: repeats dropped
// case-insensitively) in the order first given.
func invalidAddresses(raw string) string {
	var bad []string
	for _, e := range models.CleanList(splitList(raw, true)) {
		if !models.ValidEmail(e) {
			bad = append(bad, e)
		}
	}
	return strings.Join(bad, ", ")
}
