package models

import "strconv"

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
// field ("worked", "change", "recap_links", "recap_links.N"). The texts are multi-line: a
// control character other than a tab or a line break is refused ("control_char"), not dropped.
func (in *CelebrateInput) normalize() error {
	fe := FieldErrors{}
	checkTextField(fe, "worked", &in.Worked, maxRetrospective, false)
	checkTextField(fe, "change", &in.Change, maxRetrospective, false)
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

// checkNotEmpty refuses a celebration with nothing for the recap, which would mail the attendees a
// "Here is the recap" followed by nothing; the error is on "worked", the form's first field.
func (in CelebrateInput) checkNotEmpty() error {
	if in.Worked == "" && in.Change == "" && len(in.RecapLinks) == 0 {
		return Invalid(FieldErrors{"worked": "recap_empty"})
	}
	return nil
}
