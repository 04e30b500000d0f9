package models

import (
	"net/mail"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/convene/convene/internal/textfold"
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

// textProblem names what is wrong with user-visible text, "" when nothing: bytes that are not
// UTF-8 ("invalid_utf8": a form posted in another encoding), a control character that is not
// white space ("control_char": a NUL, which PostgreSQL cannot store, an escape…), or more than
// max characters (MaxChars; characters, not bytes: a Cyrillic letter is one character but two bytes).
func textProblem(s string, max int) string {
	switch {
	case !utf8.ValidString(s):
		return "invalid_utf8"
	case hasControl(s):
		return "control_char"
	case utf8.RuneCountInString(s) > max:
		return MaxChars(max)
	}
	return ""
}

// hasControl reports whether s holds a control character other than white space (tabs and
// line breaks are white space: OneLine folds them, multi-line text keeps them).
func hasControl(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && !unicode.IsSpace(r) }) >= 0
}

// cleanLine makes *v one line (OneLine) and names its problem as textProblem does, a control
// character being "line_break" ("write this on one line"); bytes that are not UTF-8 and control
// characters are looked for first, as OneLine would turn them into U+FFFD or spaces unseen.
func cleanLine(v *string, max int) string {
	if k := lineProblem(*v); k != "" {
		return k
	}
	*v = OneLine(*v)
	return textProblem(*v, max)
}

// lineProblem names what a one-line field cannot hold before it is made one line: bytes that
// are not UTF-8 ("invalid_utf8") or a control character that is not white space ("line_break").
func lineProblem(s string) string {
	switch {
	case !utf8.ValidString(s):
		return "invalid_utf8"
	case hasControl(s):
		return "line_break"
	}
	return ""
}

// listProblem is the textProblem of the first item of l that has one, "too_many" when l has
// more than maxItems items.
func listProblem(l []string, maxItems, maxLen int) string {
	if len(l) > maxItems {
		return "too_many"
	}
	for _, s := range l {
		if k := textProblem(s, maxLen); k != "" {
			return k
		}
	}
	return ""
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
		if k := cleanLine(v, maxTextLen); k != "" {
			fe[field] = k
		}
	}
	normalizeZoneLang(p, zones, fe)
	if slices.ContainsFunc(p.Interests, func(s string) bool { return !utf8.ValidString(s) }) {
		fe["interests"] = "invalid_utf8" // looked for before CleanList would hide it
		return fe
	}
	p.Interests = CleanList(p.Interests)
	if k := listProblem(p.Interests, maxInterests, maxInterestLen); k != "" {
		fe["interests"] = k
	}
	return fe
}

// normalizeZoneLang defaults and checks the time zone and language.
func normalizeZoneLang(p *Person, zones Zones, fe FieldErrors) {
	if p.Timezone = strings.TrimSpace(p.Timezone); p.Timezone == "" {
		p.Timezone = "UTC"
	}
	var ok bool
	if p.Timezone, ok = zones.knownZone(p.Timezone); !ok {
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
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(clean), " ")
}

// CleanList trims each value, drops empty ones and repeats (ignoring case and accents, as the
// filters do), keeping the first spelling.
func CleanList(in []string) []string {
	out := make([]string, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, v := range in {
		v = OneLine(v)
		k := textfold.Fold(v)
		if v == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, v)
	}
	return out
}
