package mailer

import (
	"strings"
	"unicode"
)

// cleanText makes s safe for an iCalendar TEXT value: valid UTF-8, CRLF and CR turned
// into \n (a \r makes go-ical fail), other control characters but \n and \t dropped.
func cleanText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
}

// oneLine is cleanText with every run of white space, line breaks included, made one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(cleanText(s)), " ")
}

// paramText makes a name safe as a parameter value such as CN: one line, no control
// characters, and no double quote (go-ical refuses it; RFC 5545 has no escape for it).
func paramText(s string) string {
	return oneLine(strings.ReplaceAll(s, `"`, "'"))
}

// hasControl reports whether s holds a control character (CR, LF, NUL…).
func hasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
}
