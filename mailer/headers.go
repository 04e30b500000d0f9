package mailer

import (
	"bytes"
	"strings"
)

// headerText makes a value safe for a header: CR, LF, NUL and other control characters become
// spaces (a header can never be split or smuggled), runs of spaces one.
func headerText(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// ICSMethod returns the METHOD of an iCalendar object (upper-cased), or "" when it has none.
func ICSMethod(ics []byte) string {
	for line := range bytes.Lines(ics) {
		line = bytes.TrimRight(line, "\r\n")
		if len(line) > 7 && bytes.EqualFold(line[:7], []byte("METHOD:")) {
			return methodToken(strings.ToUpper(strings.TrimSpace(string(line[7:]))))
		}
		if bytes.EqualFold(line, []byte("BEGIN:VEVENT")) {
			return "" // METHOD belongs before the first component
		}
	}
	return ""
}

// methodToken keeps a method that is a plain token (letters, digits, '-'), so it is safe as a
// Content-Type parameter; anything else is "".
func methodToken(m string) string {
	for _, r := range m {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return ""
		}
	}
	return m
}
