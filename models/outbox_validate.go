package models

import (
	"net/mail"
	"strings"
)

// normalize checks an outbox message and fills its defaults.
func (m *OutboxMessage) normalize() error {
	f := FieldErrors{}
	if !IsUUID(m.TeamID) {
		f["team_id"] = "required"
	}
	for name, v := range map[string]string{"meetup_id": m.MeetupID, "person_id": m.PersonID} {
		if v != "" && !IsUUID(v) {
			f[name] = "invalid"
		}
	}
	required(f, "kind", m.Kind, 40)
	required(f, "idempotency_key", m.IdempotencyKey, 300)
	required(f, "subject", m.Subject, 998)
	required(f, "text", m.Text, 1<<24)
	if a, err := mail.ParseAddress(m.ToEmail); err != nil || a.Address != m.ToEmail {
		f["to_email"] = "invalid_email"
	}
	if _, err := mail.ParseAddress(m.From); err != nil {
		f["from"] = "invalid_email"
	}
	if _, err := mail.ParseAddress(m.ReplyTo); m.ReplyTo != "" && (err != nil || hasLineBreak(m.ReplyTo)) {
		f["reply_to"] = "invalid_email"
	}
	if (m.ICS == "") != (m.ICSMethod == "") {
		f["ics_method"] = "required"
	}
	m.ICSMethod = strings.ToUpper(m.ICSMethod)
	if m.Lang == "" {
		m.Lang = "en"
	}
	if m.SendWithin <= 0 {
		m.SendWithin = DefaultSendWithin
	}
	return Invalid(f)
}

// required records a missing or over-long value.
func required(f FieldErrors, name, v string, max int) {
	switch {
	case strings.TrimSpace(v) == "":
		f[name] = "required"
	case len(v) > max:
		f[name] = "too_long"
	}
}

// messageID derives a row's Message-ID from its id: <id@host>, host being the given one,
// else the From address's domain.
func messageID(id, host, from string) string {
	if host == "" {
		if a, err := mail.ParseAddress(from); err == nil {
			_, host, _ = strings.Cut(a.Address, "@")
		}
	}
	host, _, _ = strings.Cut(host, ":") // a port is no part of a domain
	host = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' {
			return r
		}
		return -1
	}, strings.ToLower(host))
	if host == "" {
		host = "convene.invalid"
	}
	return "<" + id + "@" + host + ">"
}

// hasLineBreak reports CR, LF or NUL, which would break a mail header.
func hasLineBreak(s string) bool { return strings.ContainsAny(s, "\r\n\x00") }
