// Package textfold folds text for searching by name: case and accents do not count, so
// "muller" finds "Müller" and "garcia" finds "García".
package textfold

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// letters are the letters that no accent mark makes, written as their nearest Latin letters.
var letters = map[rune]string{
	'ß': "ss", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'æ': "ae", 'œ': "oe", 'ı': "i", 'ħ': "h",
}

// Fold is s in lower case without accents: each letter decomposed (NFD) and its combining
// marks dropped, and ß, ø, ł and the like written as ss, o, l.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch rep, ok := letters[r]; {
		case ok:
			b.WriteString(rep)
		case r < utf8.RuneSelf || !unicode.Is(unicode.Mn, r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Contains reports whether text holds query, both folded; an empty query is in every text.
func Contains(text, query string) bool {
	return strings.Contains(Fold(text), Fold(query))
}
