package models

import "slices"

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
		*l = CleanList(*l)
		if len(*l) > maxListLen {
			fe[field] = "too_long"
		}
	}
	for field, l := range map[string][]string{"include": a.IncludeEmails, "exclude": a.ExcludeEmails} {
		if slices.ContainsFunc(l, func(e string) bool { return !ValidEmail(e) }) {
			fe[field] = "invalid_email_list"
		}
	}
	return Invalid(fe)
}

// criteria is the audience's rule as query parameters: team, departments, locations, interests, include, exclude.
func (a Audience) criteria(teamID string) []any {
	return []any{teamID, stringArray(a.Departments), stringArray(a.Locations), stringArray(a.Interests),
		stringArray(a.IncludeEmails), stringArray(a.ExcludeEmails)}
}
