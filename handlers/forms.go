package handlers

import (
	"errors"
	"net/url"
	"slices"
	"strings"

	"github.com/convene/convene/internal/textfold"
	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// option is one choice of a select or a group of checkboxes.
type option struct {
	Value   string
	Label   string
	Checked bool
}

// options offers values as choices, ticking the chosen ones; chosen values not on offer are added.
// A chosen value matches an offered one whatever its case and accents, as the directory's filters
// match (models.DirectoryValues offers such values once): "sao paulo" ticks "São Paulo".
func options(values, chosen []string) []option {
	out := make([]option, 0, len(values)+len(chosen))
	for _, v := range values {
		out = append(out, option{Value: v, Label: v, Checked: slices.ContainsFunc(chosen, sameFold(v))})
	}
	for _, v := range chosen {
		if v != "" && !slices.ContainsFunc(values, sameFold(v)) { // "" is no choice: the list's own "any"
			out = append(out, option{Value: v, Label: v, Checked: true})
		}
	}
	return out
}

// sameFold matches the texts equal to v whatever their case, accents and surrounding white space.
func sameFold(v string) func(string) bool {
	f := textfold.Fold(strings.TrimSpace(v))
	return func(w string) bool { return textfold.Fold(strings.TrimSpace(w)) == f }
}

// fieldErrors returns the field errors of a validation error, or nil for any other error.
func fieldErrors(err error) models.FieldErrors {
	var ve *models.ValidationError
	if errors.As(err, &ve) {
		return ve.Fields
	}
	return nil
}

// splitList splits free text on commas, semicolons and line breaks (and, for addresses, spaces).
func splitList(s string, spaces bool) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ';' || r == '\n' || r == '\r' || (spaces && (r == ' ' || r == '\t'))
	})
}

// readable shows refused input back as valid UTF-8, each run of unreadable bytes and each NUL
// (which no query can carry) as U+FFFD.
func readable(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}

// bindForm reads a POSTed form into dst by its form tags.
func bindForm(c echo.Context, dst any) error {
	if err := (&echo.DefaultBinder{}).BindBody(c, dst); err != nil {
		return echo.NewHTTPError(400)
	}
	return nil
}

// withCursor is the current URL's query with another cursor, or "" when there is no next page.
func withCursor(c echo.Context, path, cursor string) string {
	if cursor == "" {
		return ""
	}
	q := url.Values{}
	for k, v := range c.QueryParams() {
		q[k] = v
	}
	q.Set("cursor", cursor)
	return path + "?" + q.Encode()
}
