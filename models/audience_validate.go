package models

import (
	"slices"
	"unicode/utf8"
)

// maxListLen bounds each list of an audience.
const maxListLen = 1000

// Normalize trims the name and lists, drops repeats and reports every invalid field.
func (a *Audience) Normalize() error {
	fe := FieldErrors{}
	if k := cleanLine(&a.Name, maxTextLen); k != "" {
		fe["name"] = k
	} else if a.Name == "" {
		fe["name"] = "required"
	}
	lists := map[string]*[]string{"departments": (*[]string)(&a.Departments), "locations": (*[]string)(&a.Locations),
		"interests": (*[]string)(&a.Interests), "include": (*[]string)(&a.IncludeEmails), "exclude": (*[]string)(&a.ExcludeEmails)}
	for field, l := range lists {
		if k := cleanList(l); k != "" {
			fe[field] = k
		}
	}
	for field, l := range map[string][]string{"include": a.IncludeEmails, "exclude": a.ExcludeEmails} {
		if fe[field] == "" && slices.ContainsFunc(l, func(e string) bool { return !ValidEmail(e) }) {
			fe[field] = "invalid_email_list"
		}
	}
	return Invalid(fe)
}

// cleanList cleans *l (CleanList) and names its problem: "invalid_utf8" when an item holds bytes
// that are not UTF-8, or "control_char" when one holds a control character other than white
// space (a NUL…), both looked for first as CleanList would turn them into U+FFFD or spaces unseen
// (the list is cleaned all the same, so a refused rule can still be counted for the form's
// preview), or "too_long" when it has more than maxListLen items.
func cleanList(l *[]string) string {
	unreadable := slices.ContainsFunc(*l, func(s string) bool { return !utf8.ValidString(s) })
	control := slices.ContainsFunc(*l, hasControl)
	*l = CleanList(*l)
	switch {
	case unreadable:
		return "invalid_utf8"
	case control:
		return "control_char"
	case len(*l) > maxListLen:
		return "too_long"
	}
	return ""
}

// criteria is the audience's rule as the parameters of membersCTE: team, departments, locations
// and interests (folded), include, exclude.
func (a Audience) criteria(teamID string) []any {
	return []any{teamID, filterValues(a.Departments), filterValues(a.Locations), filterValues(a.Interests),
		stringArray(a.IncludeEmails), stringArray(a.ExcludeEmails)}
}
