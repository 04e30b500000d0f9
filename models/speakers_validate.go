package models

import (
	"cmp"
	"context"
	"errors"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"
)

// Limits of a speaker's fields.
const (
	maxExpertiseTags = 30
	maxTagLen        = 60
	maxNotesLen      = 5000
)

// normalize trims and defaults the fields and reports every invalid one.
func (in *SpeakerInput) normalize() error {
	fe := FieldErrors{}
	in.Name = strings.TrimSpace(in.Name)
	in.Email = strings.TrimSpace(in.Email)
	if msg := checkSpeakerName(in.Name); msg != "" {
		fe["name"] = msg
	}
	if msg := checkSpeakerEmail(in.Email); msg != "" {
		fe["email"] = msg
	}
	if in.Language == "" {
		in.Language = "en"
	}
	if in.Language != "en" && in.Language != "ru" {
		fe["language"] = "invalid_choice"
	}
	if !slices.Contains(SpeakerSources, in.Source) {
		fe["source"] = "invalid_choice"
	}
	if msg := checkProfileURL(&in.ProfileURL); msg != "" {
		fe["profile_url"] = msg
	}
	var msg string
	if in.Expertise, msg = normalizeTags(in.Expertise); msg != "" {
		fe["expertise"] = msg
	}
	if msg := textProblem(in.Notes, maxNotesLen); msg != "" {
		fe["notes"] = msg
	}
	checkOptionalID(fe, "person_id", &in.PersonID)
	return Invalid(fe)
}

// checkSpeakerName returns the message key for a bad name, or "".
func checkSpeakerName(name string) string {
	switch {
	case name == "":
		return "required"
	case !utf8.ValidString(name):
		return "invalid_utf8"
	case strings.ContainsAny(name, "\r\n\x00"):
		return "line_break"
	case utf8.RuneCountInString(name) > 200:
		return MaxChars(200)
	}
	return ""
}

// checkSpeakerEmail returns the message key for a bad address, or "".
func checkSpeakerEmail(email string) string {
	if email == "" {
		return "required"
	}
	a, err := mail.ParseAddress(email)
	if err != nil || a.Address != email || len(email) > 254 || !strings.Contains(email, "@") {
		return "invalid_email"
	}
	return ""
}

// checkProfileURL accepts an empty value or an http(s) URL with a host.
func checkProfileURL(raw *string) string {
	*raw = strings.TrimSpace(*raw)
	if *raw == "" {
		return ""
	}
	if why := oneLineProblem(*raw); why != "" { // a control character is no "not a link"
		return why
	}
	u, err := url.Parse(*raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(*raw) > 2000 {
		return "invalid_url"
	}
	return ""
}

// normalizeTags lowercases, trims and de-duplicates tags (a comma-separated entry is split).
// Bytes that are not UTF-8 are looked for first, as lowercasing would turn them into U+FFFD
// unseen; a control character other than white space (a NUL…) cannot be stored.
func normalizeTags(in []string) ([]string, string) {
	if slices.ContainsFunc(in, func(s string) bool { return !utf8.ValidString(s) }) {
		return in, "invalid_utf8"
	}
	if slices.ContainsFunc(in, hasControl) {
		return in, "control_char"
	}
	out := []string{}
	for _, raw := range in {
		for _, t := range strings.Split(raw, ",") {
			t = strings.ToLower(strings.Join(strings.Fields(t), " "))
			if t == "" || slices.Contains(out, t) {
				continue
			}
			if utf8.RuneCountInString(t) > maxTagLen {
				return out, "too_long"
			}
			out = append(out, t)
		}
	}
	if len(out) > maxExpertiseTags {
		return out, "too_many"
	}
	return out, ""
}

const speakerPersonSQL = `SELECT name, email, language FROM people WHERE id = $1 AND team_id = $2`

// fillFromPerson fills a staff speaker's blank name, email and language from their directory entry.
func (s *Store) fillFromPerson(ctx context.Context, teamID string, in *SpeakerInput) error {
	if in.PersonID == nil || *in.PersonID == "" || !IsUUID(*in.PersonID) {
		return nil
	}
	var p struct {
		Name     string `db:"name"`
		Email    string `db:"email"`
		Language string `db:"language"`
	}
	err := mapErr(s.DB.GetContext(ctx, &p, speakerPersonSQL, *in.PersonID, teamID))
	if errors.Is(err, ErrNotFound) {
		return Invalid(FieldErrors{"person_id": "not_found"})
	}
	if err != nil {
		return err
	}
	in.Name = cmp.Or(strings.TrimSpace(in.Name), p.Name, p.Email)
	in.Email = cmp.Or(strings.TrimSpace(in.Email), p.Email)
	in.Language = cmp.Or(in.Language, p.Language)
	in.Source = cmp.Or(in.Source, "staff")
	return nil
}
