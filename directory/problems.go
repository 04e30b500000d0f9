// Package directory reads the company directory from CSV files as people really export them:
// with a BOM, semicolons, CRLF, quoted line breaks, blank lines and the odd bad row.
//
// The format: a header line naming the columns email, name, department, location, timezone,
// interests and language, in any order and any case (only email is required; unknown columns are
// ignored with a warning). The separator is ',', ';' or a tab, whichever the header uses most.
// Interests are separated by ';' (also by ',' in a ';'-separated file).
//
// The rules where files are ambiguous:
//   - A file that is not UTF-8 (or is UTF-16), is empty, or has no email column is refused whole:
//     nothing of it is imported.
//   - Otherwise a bad row (no or an invalid address, an unknown time zone, more fields than the
//     header, a broken quote, an over-long field) is reported with the line where its record starts,
//     and skipped; the good rows are imported.
//   - The same address twice, in any case: the first row is imported, the later one is reported.
//   - Language: codes (ru, ru-RU, rus) and names (Russian, русский) are understood; an empty one is
//     English; an unknown one (say "de") is imported as English with a warning, since mail to that
//     person can still go out.
//   - An empty time zone is UTC.
package directory

import "fmt"

// Row problem codes: the row is skipped.
const (
	MissingEmail    = "missing_email"
	InvalidEmail    = "invalid_email"
	DuplicateEmail  = "duplicate_email"
	UnknownTimezone = "unknown_timezone"
	TooManyFields   = "too_many_fields"
	BadQuotes       = "bad_quotes"
	TooLong         = "too_long"
)

// Warning codes: the row is imported all the same.
const (
	UnknownLanguage = "unknown_language"
	UnknownColumn   = "unknown_column"
)

// File problem codes: the whole file is refused and nothing is imported.
const (
	NotUTF8       = "not_utf8"
	UTF16         = "utf16"
	Empty         = "empty"
	NoEmailColumn = "no_email_column"
)

// Problem is something wrong with one row (or, for a column warning, the header).
type Problem struct {
	Line  int    // the physical line where the record starts, from 1
	Code  string // one of the codes above
	Value string // the offending value, for the message
}

// Message says in English what is wrong; the UI translates by Code instead.
func (p Problem) Message() string {
	switch p.Code {
	case MissingEmail:
		return "no email address"
	case InvalidEmail:
		return fmt.Sprintf("%q is not a valid email address", p.Value)
	case DuplicateEmail:
		return fmt.Sprintf("the same address as line %s; only the first is imported", p.Value)
	case UnknownTimezone:
		return fmt.Sprintf("unknown time zone %q (use an IANA name such as Europe/Berlin)", p.Value)
	case TooManyFields:
		return fmt.Sprintf("%s fields, more than the header has (an unquoted separator?)", p.Value)
	case BadQuotes:
		return "a quote is misplaced or not closed"
	case TooLong:
		return fmt.Sprintf("the %s is too long", p.Value)
	case UnknownLanguage:
		return fmt.Sprintf("unknown language %q: English is used", p.Value)
	case UnknownColumn:
		return fmt.Sprintf("column %q is not known and is ignored", p.Value)
	}
	return p.Code
}

// FileError refuses a whole file.
type FileError struct {
	Code  string
	Value string // the guessed encoding, or the header found
	Line  int
}

// Error says in English why the file was refused.
func (e *FileError) Error() string {
	switch e.Code {
	case NotUTF8:
		return fmt.Sprintf("the file is not UTF-8 (line %d; it looks like %s): save it as CSV UTF-8 and try again; nothing was imported", e.Line, e.Value)
	case UTF16:
		return "the file is UTF-16: save it as CSV UTF-8 and try again; nothing was imported"
	case Empty:
		return "the file is empty: it needs a header line such as email,name,department; nothing was imported"
	case NoEmailColumn:
		return fmt.Sprintf("the header has no email column (found: %s); nothing was imported", e.Value)
	}
	return e.Code
}
