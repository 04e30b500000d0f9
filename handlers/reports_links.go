package handlers

import "github.com/convene/convene/models"

// reportLink is one report of a meetup the reports page links to.
type reportLink struct {
	URL   string
	Label string // message id
}

// reportLinks lists the reports a meetup has so far: its survey results when it had a survey,
// its speakers compared when it has candidates, its attendees and report once scheduled.
func reportLinks(m models.Meetup, surveyed, withCandidates bool) []reportLink {
	base := "/meetups/" + m.ID
	var out []reportLink
	if surveyed {
		out = append(out, reportLink{URL: base + "/survey", Label: "reports.survey"})
	}
	if withCandidates {
		out = append(out, reportLink{URL: base + "/speakers/compare", Label: "reports.speakers"})
	}
	if m.StartsAt != nil {
		out = append(out, reportLink{URL: base + "/attendees", Label: "reports.attendees"},
			reportLink{URL: base + "/report", Label: "report.pipeline.report"})
	}
	return out
}
