package mailer

import (
	"bufio"
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
	sc := bufio.NewScanner(bytes.NewReader(ics))
	sc.Buffer(make([]byte, 0, 4096), len(ics)+1)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if len(line) > 7 && strings.EqualFold(line[:7], "METHOD:") {
			return methodToken(strings.ToUpper(strings.TrimSpace(line[7:])))
		}
		if strings.EqualFold(line, "BEGIN:VEVENT") {
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
