package mailer

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// Content lines Convene must write exactly so, checked on the unfolded text.
var (
	utcTimeLine = regexp.MustCompile(`^(DTSTART|DTEND|DTSTAMP):\d{8}T\d{6}Z$`)
	addressLine = regexp.MustCompile(`^(ORGANIZER|ATTENDEE)(;[A-Z-]+=("[^"]*"|[^";:,]*))*:mailto:[^\s<>":;,]+@[^\s<>":;,]+$`)
)

// checkRaw checks the octets: CRLF line ends, physical lines ≤ 75 octets of whole UTF-8
// characters, and the content lines the clients depend on.
func checkRaw(t *testing.T, c calCase, b []byte) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) || bytes.Count(b, []byte("\n")) != bytes.Count(b, []byte("\r\n")) ||
		bytes.Count(b, []byte("\r")) != bytes.Count(b, []byte("\r\n")) {
		t.Fatalf("line ends are not all CRLF:\n%q", b)
	}
	physical := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	for i, l := range physical {
		checkPhysicalLine(t, i, l)
	}
	checkContentLines(t, c, strings.Split(unfold(string(b)), "\r\n"))
}

// checkPhysicalLine checks one line's length and that it holds whole UTF-8 characters only.
func checkPhysicalLine(t *testing.T, i int, l string) {
	t.Helper()
	if len(l) > maxLineOctets {
		t.Errorf("line %d has %d octets: %q", i, len(l), l)
	}
	body := strings.TrimPrefix(l, " ")
	if i == 0 && body != l {
		t.Errorf("first line starts with a space")
	}
	if !utf8.ValidString(body) || (body != "" && !utf8.RuneStart(body[0])) {
		t.Errorf("line %d starts or ends inside a UTF-8 character: %q", i, l)
	}
}

// checkContentLines checks the unfolded lines: UTC times, bare mailto addresses, method rules.
func checkContentLines(t *testing.T, c calCase, lines []string) {
	t.Helper()
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-2] != "END:VCALENDAR" {
		t.Errorf("not one VCALENDAR: first %q, last %q", lines[0], lines[len(lines)-2])
	}
	has := map[string]int{}
	for _, l := range lines {
		has[l]++
		name, _, _ := strings.Cut(l, ":")
		name, _, _ = strings.Cut(name, ";")
		switch name {
		case "DTSTART", "DTEND", "DTSTAMP":
			if !utcTimeLine.MatchString(l) {
				t.Errorf("time not in UTC with Z: %q", l)
			}
		case "ORGANIZER", "ATTENDEE":
			if !addressLine.MatchString(l) {
				t.Errorf("not a bare mailto address: %q", l)
			}
		}
		if name == "ATTENDEE" && c.method == MethodPublish {
			t.Errorf("PUBLISH with an ATTENDEE: %q", l)
		}
	}
	for _, want := range []string{"METHOD:" + c.method, "VERSION:2.0", "CALSCALE:GREGORIAN", "PRODID:" + prodID} {
		if has[want] != 1 {
			t.Errorf("want one %q line", want)
		}
	}
	if c.method == MethodCancel && has["STATUS:CANCELLED"] != len(c.events) {
		t.Errorf("CANCEL without STATUS:CANCELLED")
	}
}

// unfold joins folded lines (RFC 5545 §3.1).
func unfold(s string) string {
	return strings.ReplaceAll(s, "\r\n ", "")
}
