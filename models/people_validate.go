package models

import (
	"net/mail"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // time-zone names are checked the same on a host without zoneinfo files
	"unicode/utf8"
)

// Limits on a person's fields: the email in bytes, the rest in characters.
const (
	maxEmailLen    = 254
	maxTextLen     = 200
	maxInterests   = 50
	maxInterestLen = 100
)

// PersonLanguages are the languages mail can be sent in.
var PersonLanguages = []string{"en", "ru"}

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

// tooLong reports whether user-visible text has more than max characters (not bytes: a
// Cyrillic letter is one character but two bytes).
func tooLong(s string, max int) bool {
	return utf8.RuneCountInString(s) > max
}

// ValidEmail reports whether s is a bare address such as ana@example.com.
func ValidEmail(s string) bool {
	if s == "" || len(s) > maxEmailLen || strings.ContainsAny(s, " <>\t\r\n") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s, "@")
}

// NormalizePerson trims and defaults a person's fields and reports every invalid one.
func NormalizePerson(p *Person, zones Zones) FieldErrors {
	if zones == nil {
		zones = Zones{}
	}
	fe := FieldErrors{}
	p.Email = strings.TrimSpace(p.Email)
	switch {
	case p.Email == "":
		fe["email"] = "required"
	case !ValidEmail(p.Email):
		fe["email"] = "invalid_email"
	}
	for field, v := range map[string]*string{"name": &p.Name, "department": &p.Department, "location": &p.Location} {
		*v = OneLine(*v)
		if tooLong(*v, maxTextLen) {
			fe[field] = "too_long"
		}
	}
	normalizeZoneLang(p, zones, fe)
	p.Interests = CleanList(p.Interests)
	if len(p.Interests) > maxInterests || slices.ContainsFunc(p.Interests, func(s string) bool { return tooLong(s, maxInterestLen) }) {
		fe["interests"] = "too_long"
	}
	return fe
}

// normalizeZoneLang defaults and checks the time zone and language.
func normalizeZoneLang(p *Person, zones Zones, fe FieldErrors) {
	if p.Timezone = strings.TrimSpace(p.Timezone); p.Timezone == "" {
		p.Timezone = "UTC"
	}
	if !zones.Known(p.Timezone) {
		fe["timezone"] = "unknown_timezone"
	}
	if p.Language = strings.ToLower(strings.TrimSpace(p.Language)); p.Language == "" {
		p.Language = "en"
	}
	if !slices.Contains(PersonLanguages, p.Language) {
		fe["language"] = "invalid_choice"
	}
}

// OneLine turns control characters and runs of white space into single spaces and trims the ends.
func OneLine(s string) string {
	clean := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(clean), " ")
}

// CleanList trims each value, drops empty ones and repeats (case-insensitive), keeping the first spelling.
func CleanList(in []string) []string {
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, v := range in {
		v = OneLine(v)
		k := strings.ToLower(v)
		if v == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return out
}
