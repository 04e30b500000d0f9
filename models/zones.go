package models

import (
	"strings"
	"time"
	_ "time/tzdata" // time-zone names are checked the same on a host without zoneinfo files
	"unicode"
)

// Zones remembers which time-zone names are known, so a large import loads each zone once.
type Zones map[string]bool

// Known reports whether name is an IANA time zone ("Local" is not one).
func (z Zones) Known(name string) bool {
	if ok, seen := z[name]; seen {
		return ok
	}
	_, err := time.LoadLocation(name)
	ok := err == nil && name != "Local" && name != ""
	z[name] = ok
	return ok
}

// zoneSpelling is name spelled as IANA spells most zones: each word capitalised, the rest lower
// case ("europe/berlin" → "Europe/Berlin", "america/sao_paulo" → "America/Sao_Paulo"), and UTC,
// GMT and the like upper case.
func zoneSpelling(name string) string {
	if len(name) <= 4 && !strings.Contains(name, "/") {
		return strings.ToUpper(name)
	}
	b := []byte(strings.ToLower(name))
	for i := range b {
		if i == 0 || strings.ContainsRune("/_-", rune(b[i-1])) {
			b[i] = byte(unicode.ToUpper(rune(b[i])))
		}
	}
	return string(b)
}

// knownZone returns name, or its usual spelling when only that is an IANA time zone.
func (z Zones) knownZone(name string) (string, bool) {
	if z.Known(name) {
		return name, true
	}
	if s := zoneSpelling(name); z.Known(s) {
		return s, true
	}
	return name, false
}
