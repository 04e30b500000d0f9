package models

import (
	"strings"

	"github.com/convene/convene/internal/textfold"
	"unicode"
	"unicode/utf8"
)

// stopWords are left out of topic matching (English and Russian).
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "the": true, "of": true, "in": true, "on": true, "for": true, "to": true,
	"with": true, "without": true, "how": true, "what": true, "why": true, "we": true, "our": true, "your": true,
	"is": true, "are": true, "at": true, "by": true, "from": true, "into": true, "vs": true, "or": true, "it": true,
	"и": true, "в": true, "во": true, "на": true, "с": true, "со": true, "по": true, "для": true, "как": true,
	"что": true, "без": true, "из": true, "от": true, "к": true, "о": true, "об": true, "или": true, "не": true,
}

// wordAliases map common short names to one spelling, so "golang" matches "Go".
var wordAliases = map[string]string{
	"golang": "go", "postgresql": "postgres", "pg": "postgres", "k8s": "kubernetes", "js": "javascript",
	"ts": "typescript", "постгрес": "postgres",
}

// matchWords splits text into words folded as the searches fold them (textfold.Fold: lower
// case, no accents, so "Análise" matches "analise"), without stop words, aliases applied.
func matchWords(texts ...string) []string {
	var out []string
	for _, t := range texts {
		for _, w := range strings.FieldsFunc(textfold.Fold(t), isWordBreak) {
			if a, ok := wordAliases[w]; ok {
				w = a
			}
			if !stopWords[w] && (utf8.RuneCountInString(w) >= 2 || w == "c" || w == "r") {
				out = append(out, w)
			}
		}
	}
	return out
}

// isWordBreak splits on anything but letters, digits, '+' and '#' (C++, C#).
func isWordBreak(r rune) bool {
	return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '+' && r != '#'
}

// sameWord matches equal words and inflections: a shared prefix of at least 4 letters that
// leaves at most 3 letters over ("index"/"indexes", "данные"/"данных"), but not "java"/"javascript".
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n >= 4 && n >= max(len(ra), len(rb))-3
}

// tagMatches reports whether every word of a tag matches one of the words.
func tagMatches(tag string, words []string) bool {
	tw := matchWords(tag)
	if len(tw) == 0 {
		return false
	}
	for _, t := range tw {
		found := false
		for _, w := range words {
			found = found || sameWord(t, w)
		}
		if !found {
			return false
		}
	}
	return true
}

// matchingTags returns the tags that match the words, in the tags' order.
func matchingTags(tags []string, words []string) []string {
	var out []string
	for _, t := range tags {
		if tagMatches(t, words) {
			out = append(out, t)
		}
	}
	return out
}

// likeStems are short prefixes of the (folded) words for a coarse SQL pre-filter of the folded
// interests (LIKE '%stem%').
func likeStems(words []string) []string {
	out := []string{}
	for _, w := range words {
		r := []rune(w)
		s := string(r[:min(len(r), 4)])
		s = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(s)
		out = append(out, s)
	}
	return out
}
