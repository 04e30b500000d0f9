package models

import "strconv"

// A field error that names a limit is its message key, a colon and the limit ("max_chars:200"),
// so the message can say it ("At most 200 characters.").

// MaxChars is the error of a text longer than max characters.
func MaxChars(max int) string { return "max_chars:" + strconv.Itoa(max) }

// AtMost is the error of a number above max.
func AtMost(max int) string { return "at_most:" + strconv.Itoa(max) }

// AtLeast is the error of a number below min.
func AtLeast(min int) string { return "at_least:" + strconv.Itoa(min) }

// checkBetween flags a number outside [min, max], naming the bound it crossed.
func checkBetween(fe FieldErrors, field string, n, min, max int) {
	switch {
	case n < min:
		fe[field] = AtLeast(min)
	case n > max:
		fe[field] = AtMost(max)
	}
}
