package models

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkLineField checks a one-line field (a title, a topic, a question) and folds its runs of
// spaces and tabs into one space. Bytes that are not UTF-8 are "invalid_utf8"; a line break or
// another control character is "line_break" (looked for before folding, which would hide it);
// then "required" and MaxChars as for any text.
func checkLineField(fe FieldErrors, field string, v *string, max int, required bool) {
	if k := oneLineProblem(*v); k != "" {
		fe[field] = k
		return
	}
	*v = strings.Join(strings.Fields(*v), " ")
	checkLength(fe, field, *v, max, required)
}

// checkTextField checks a multi-line field (comments, notes, answers): its line ends become \n
// and its ends are trimmed; tabs and line breaks are kept, bytes that are not UTF-8 are
// "invalid_utf8" and any other control character (a NUL, an escape) "control_char".
func checkTextField(fe FieldErrors, field string, v *string, max int, required bool) {
	*v = strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(*v, "\r\n", "\n"), "\r", "\n"))
	switch {
	case !utf8.ValidString(*v):
		fe[field] = "invalid_utf8"
	case hasControl(*v):
		fe[field] = "control_char"
	default:
		checkLength(fe, field, *v, max, required)
	}
}

// checkLength flags an empty required field and one longer than max characters.
func checkLength(fe FieldErrors, field, v string, max int, required bool) {
	switch {
	case v == "" && required:
		fe[field] = "required"
	case utf8.RuneCountInString(v) > max:
		fe[field] = MaxChars(max)
	}
}

// oneLineProblem names what a one-line field cannot hold: bytes that are not UTF-8
// ("invalid_utf8"), or a line break (CR, LF, U+2028, U+2029) or any control character but the
// tab ("line_break").
func oneLineProblem(s string) string {
	switch {
	case !utf8.ValidString(s):
		return "invalid_utf8"
	case strings.IndexFunc(s, breaksLine) >= 0:
		return "line_break"
	}
	return ""
}

// breaksLine reports whether r may not stand in a one-line field.
func breaksLine(r rune) bool {
	return r == '\u2028' || r == '\u2029' || (unicode.IsControl(r) && r != '\t')
}
