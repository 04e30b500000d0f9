package models

import (
	"strings"
	"testing"
)

// TestAudienceListsRefuseInvalidUTF8: an item of any list of an audience that is not UTF-8 is
// that list's invalid_utf8 (not an invalid address, nor a U+FFFD kept), and the lists are still
// cleaned, so the refused rule can be counted.
func TestAudienceListsRefuseInvalidUTF8(t *testing.T) {
	for _, field := range []string{"departments", "locations", "interests", "include", "exclude"} {
		a := Audience{Name: "Rule", Departments: []string{"Eng"}, IncludeEmails: []string{"a@x.com"}}
		lists := map[string]*[]string{"departments": (*[]string)(&a.Departments), "locations": (*[]string)(&a.Locations),
			"interests": (*[]string)(&a.Interests), "include": (*[]string)(&a.IncludeEmails), "exclude": (*[]string)(&a.ExcludeEmails)}
		*lists[field] = append(*lists[field], "Caf\xe9 \x80")
		ve, ok := a.Normalize().(*ValidationError)
		if !ok || len(ve.Fields) != 1 || ve.Fields[field] != "invalid_utf8" {
			t.Fatalf("%s: %v, want only %s invalid_utf8", field, a.Normalize(), field)
		}
		if got := strings.Join(*lists[field], ","); !strings.HasSuffix(got, "Caf\uFFFD \uFFFD") {
			t.Fatalf("%s: not cleaned: %q", field, got)
		}
	}
}
