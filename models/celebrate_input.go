package models

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the celebration's input.
const (
	maxRetrospective = 4000
	maxRecapLinks    = 10
)

// CelebrateInput is what the organiser writes when celebrating a meetup: what worked, what to
// change, and recap links (slides, recording).
type CelebrateInput struct {
	Worked     string
	Change     string
	RecapLinks []string
}

// normalize cleans the texts, drops empty links and checks every field; errors are keyed by
// field ("worked", "change", "recap_links", "recap_links.N").
func (in *CelebrateInput) normalize() error {
	in.Worked, in.Change = paragraphs(in.Worked), paragraphs(in.Change)
	fe := FieldErrors{}
	for name, v := range map[string]string{"worked": in.Worked, "change": in.Change} {
		if utf8.RuneCountInString(v) > maxRetrospective {
			fe[name] = "too_long"
		}
	}
	links := []string{}
	for i, l := range in.RecapLinks {
		if why := checkProfileURL(&l); why != "" {
			fe["recap_links."+strconv.Itoa(i)] = why
		} else if l != "" {
			links = append(links, l)
		}
	}
	if len(links) > maxRecapLinks {
		fe["recap_links"] = "too_many"
	}
	in.RecapLinks = links
	return Invalid(fe)
}

// paragraphs trims a multi-line text, makes line ends \n and drops other control characters.
func paragraphs(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r != '\n' && r != '\t' && unicode.IsControl(r) {
			return -1
		}
		return r
	}, s))
}
