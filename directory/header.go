package directory

import (
	"bytes"
	"strings"
)

// columnNames maps the header names people use (lower-case) to the fields they fill.
var columnNames = map[string]string{
	"email": "email", "e-mail": "email", "mail": "email", "email address": "email",
	"name": "name", "full name": "name",
	"department": "department", "dept": "department",
	"location": "location", "office": "location", "city": "location",
	"timezone": "timezone", "time zone": "timezone", "time_zone": "timezone", "tz": "timezone",
	"interests": "interests", "interest": "interests",
	"language": "language", "lang": "language",
}

// header knows which column holds which field.
type header struct {
	index  map[string]int
	width  int
	issues []Problem
}

// readHeader maps the header record's columns; it refuses a header without an email column.
func readHeader(rec []string, line int) (*header, error) {
	h := &header{index: map[string]int{}, width: len(rec)}
	for i, raw := range rec {
		name := strings.ToLower(strings.Join(strings.Fields(strings.TrimPrefix(raw, "\uFEFF")), " "))
		field, ok := columnNames[name]
		switch {
		case !ok && name != "":
			h.issues = append(h.issues, Problem{Line: line, Code: UnknownColumn, Value: raw})
		case ok:
			if _, dup := h.index[field]; !dup {
				h.index[field] = i
			}
		}
	}
	if _, ok := h.index["email"]; !ok {
		return nil, &FileError{Code: NoEmailColumn, Line: line, Value: strings.Join(rec, ", ")}
	}
	return h, nil
}

// get returns a field of a record, or "" when the column is absent or the record short.
func (h *header) get(rec []string, field string) string {
	i, ok := h.index[field]
	if !ok || i >= len(rec) {
		return ""
	}
	return rec[i]
}

// detectSeparator picks ',', ';' or tab: whichever occurs most, outside quotes, in the first non-blank line.
func detectSeparator(data []byte) rune {
	line := firstLine(data)
	counts := map[rune]int{}
	quoted := false
	for _, r := range string(line) {
		if r == '"' {
			quoted = !quoted
		} else if !quoted {
			counts[r]++
		}
	}
	best := ','
	for _, r := range []rune{';', '\t'} {
		if counts[r] > counts[best] {
			best = r
		}
	}
	return best
}

// firstLine returns the first line with anything but white space in it.
func firstLine(data []byte) []byte {
	for len(data) > 0 {
		line, rest, _ := bytes.Cut(data, []byte{'\n'})
		if len(bytes.TrimSpace(line)) > 0 {
			return line
		}
		data = rest
	}
	return nil
}
