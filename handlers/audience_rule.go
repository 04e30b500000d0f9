package handlers

import (
	"strings"

	"github.com/convene/convene/models"
)

// Rule says in words who an audience selects, for lists and pages.
func (p *Page) Rule(a models.Audience) string {
	var parts []string
	add := func(key string, vals []string) {
		if len(vals) > 0 {
			parts = append(parts, p.T(key)+": "+strings.Join(vals, ", "))
		}
	}
	add("audience.field.departments", a.Departments)
	add("audience.field.locations", a.Locations)
	add("audience.field.interests", a.Interests)
	if len(parts) == 0 && len(a.IncludeEmails) == 0 {
		parts = append(parts, p.T("audience.everyone"))
	}
	if n := len(a.IncludeEmails); n > 0 {
		parts = append(parts, p.T("audience.n_included", "Count", n))
	}
	if n := len(a.ExcludeEmails); n > 0 {
		parts = append(parts, p.T("audience.n_excluded", "Count", n))
	}
	return strings.Join(parts, " · ")
}
