package directory

import (
	"slices"
	"strconv"
	"strings"

	"github.com/convene/convene/models"
	"golang.org/x/text/language"
)

// rowReader turns records into people, remembering addresses already seen.
type rowReader struct {
	h     *header
	sep   rune
	zones models.Zones
	seen  map[string]int // lower-case address → line of its first row
	res   *Result
}

// newRowReader starts a result with the header's warnings.
func newRowReader(h *header, sep rune) *rowReader {
	return &rowReader{h: h, sep: sep, zones: models.Zones{}, seen: map[string]int{},
		res: &Result{Warnings: slices.Clone(h.issues)}}
}

// row checks one record and keeps it, or reports why not.
func (r *rowReader) row(rec []string, line int) {
	if allBlank(rec) {
		return
	}
	if len(rec) > r.h.width && !allBlank(rec[r.h.width:]) {
		r.fail(line, TooManyFields, strconv.Itoa(len(rec)))
		return
	}
	rawEmail, rawLang := strings.TrimSpace(r.h.get(rec, "email")), r.h.get(rec, "language")
	p := models.Person{Email: rawEmail, Name: r.h.get(rec, "name"), Department: r.h.get(rec, "department"),
		Location: r.h.get(rec, "location"), Timezone: r.h.get(rec, "timezone"),
		Interests: r.splitInterests(r.h.get(rec, "interests"))}
	lang, known := normalizeLanguage(rawLang)
	p.Language = lang
	if fe := models.NormalizePerson(&p, r.zones); len(fe) > 0 {
		code, value := rowProblem(fe, p, rawEmail)
		r.fail(line, code, value)
		return
	}
	key := strings.ToLower(p.Email)
	if first, dup := r.seen[key]; dup {
		r.fail(line, DuplicateEmail, strconv.Itoa(first))
		return
	}
	r.seen[key] = line
	r.res.Rows = append(r.res.Rows, Row{Line: line, Person: p})
	if !known {
		r.res.Warnings = append(r.res.Warnings, Problem{Line: line, Code: UnknownLanguage, Value: strings.TrimSpace(rawLang)})
	}
}

// fail reports a skipped row.
func (r *rowReader) fail(line int, code, value string) {
	r.res.Errors = append(r.res.Errors, Problem{Line: line, Code: code, Value: value})
}

// rowProblem picks the one problem to report for a refused row.
func rowProblem(fe models.FieldErrors, p models.Person, rawEmail string) (string, string) {
	switch {
	case fe["email"] == "required":
		return MissingEmail, ""
	case fe["email"] == "invalid_email":
		return InvalidEmail, rawEmail
	case fe["timezone"] != "":
		return UnknownTimezone, p.Timezone
	}
	for _, f := range []string{"email", "name", "department", "location", "interests"} {
		if fe[f] != "" {
			return TooLong, f
		}
	}
	return TooLong, "row"
}

// splitInterests splits on ';' (and on ',' in a ';'-separated file, where ';' would need quoting) and line breaks.
func (r *rowReader) splitInterests(s string) []string {
	return strings.FieldsFunc(s, func(c rune) bool {
		return c == ';' || c == '\n' || (r.sep != ',' && c == ',')
	})
}

// normalizeLanguage reads a language given as a code ("ru", "ru-RU", "rus") or a name;
// an empty one is English, and so is an unknown one, which the caller reports as a warning.
func normalizeLanguage(raw string) (string, bool) {
	s := strings.ToLower(strings.TrimSpace(raw))
	if s == "" {
		return "en", true
	}
	if slices.Contains(models.PersonLanguages, s) {
		return s, true
	}
	if code, ok := languageNames[s]; ok {
		return code, true
	}
	if tag, err := language.Parse(strings.ReplaceAll(s, "_", "-")); err == nil {
		base, _ := tag.Base()
		if slices.Contains(models.PersonLanguages, base.String()) {
			return base.String(), true
		}
	}
	return "en", false
}

// languageNames are the languages' names as directories spell them.
var languageNames = map[string]string{"english": "en", "russian": "ru", "английский": "en", "русский": "ru"}

// allBlank reports whether every field is empty or white space.
func allBlank(rec []string) bool {
	return !slices.ContainsFunc(rec, func(s string) bool { return strings.TrimSpace(s) != "" })
}
