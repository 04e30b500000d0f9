package mailer

import (
	"bytes"
	"unicode/utf8"
)

// maxLineOctets is RFC 5545's limit on a content line, line break excluded.
const maxLineOctets = 75

// foldLines folds every CRLF-terminated content line of an encoded calendar.
func foldLines(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/maxLineOctets*3)
	for len(b) > 0 {
		line, rest, found := bytes.Cut(b, []byte("\r\n"))
		foldLine(&out, line)
		if found || len(rest) > 0 {
			out.WriteString("\r\n")
		}
		b = rest
	}
	return out.Bytes()
}

// foldLine writes one content line as physical lines of at most 75 octets, each
// continuation starting with a space, never splitting a UTF-8 character.
func foldLine(out *bytes.Buffer, line []byte) {
	limit := maxLineOctets
	for len(line) > limit {
		cut := cutPoint(line, limit)
		out.Write(line[:cut])
		out.WriteString("\r\n ")
		line = line[cut:]
		limit = maxLineOctets - 1
	}
	out.Write(line)
}

// cutPoint is the largest index ≤ limit that does not fall inside a UTF-8 character.
// A byte that is not part of a valid character counts as a character of its own.
func cutPoint(line []byte, limit int) int {
	cut := 0
	for cut < limit {
		_, size := utf8.DecodeRune(line[cut:])
		if cut+size > limit {
			break
		}
		cut += size
	}
	return cut
}
