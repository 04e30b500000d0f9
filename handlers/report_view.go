package handlers

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/convene/convene/models"
)

// reportCharts are the report page's charts.
type reportCharts struct {
	Funnel  hbarChart
	Ratings hbarChart
	NPS     hbarChart
}

// newReportCharts draws the funnel with its rates (the walk-ins, the invitees who came without a
// yes and the speakers checked in as bars of their own), the rating distribution and the NPS groups.
func newReportCharts(tr Translator, r models.Report) reportCharts {
	f, rates := r.Funnel, r.FunnelRates
	funnel := []hbarItem{
		{Label: tr.T("report.funnel.invited"), N: f.Invited},
		{Label: tr.T("report.funnel.yes"), N: f.Yes, Note: rateNote(tr, rates.Yes)},
		{Label: tr.T("report.funnel.attended"), N: f.Attended, Note: rateNote(tr, rates.Attended)},
		{Label: tr.T("report.funnel.feedback"), N: f.Feedback, Note: rateNote(tr, rates.Feedback)},
		{Label: tr.T("report.funnel.walk_ins"), N: f.WalkIns, Color: colorLight},
	}
	if f.AttendedOthers > 0 { // came though they had not said yes: attended, but not in its rate
		funnel = append(funnel, hbarItem{Label: tr.T("report.funnel.others"), N: f.AttendedOthers, Color: colorLight})
	}
	if f.Speakers > 0 { // in no step: checked in of the meetup's speakers, as the door counts them
		funnel = append(funnel, hbarItem{Label: tr.T("report.funnel.speakers", "Count", f.Speakers), N: f.SpeakersCheckedIn, Color: colorLight})
	}
	var ratings []hbarItem
	for v := 5; v >= 1; v-- {
		n := r.Rating.Distribution[strconv.Itoa(v)]
		ratings = append(ratings, hbarItem{Label: strconv.Itoa(v) + " " + strings.Repeat("★", v), N: n,
			Note: percentNote(tr, models.Percent(n, r.Rating.Count))})
	}
	d := r.NPSDetail
	nps := []hbarItem{
		{Label: tr.T("report.nps.promoters"), N: d.Promoters, Color: colorGood, Note: percentNote(tr, models.Percent(d.Promoters, d.Answers))},
		{Label: tr.T("report.nps.passives"), N: d.Passives, Color: colorMid, Note: percentNote(tr, models.Percent(d.Passives, d.Answers))},
		{Label: tr.T("report.nps.detractors"), N: d.Detractors, Color: colorBad, Note: percentNote(tr, models.Percent(d.Detractors, d.Answers))},
	}
	return reportCharts{
		Funnel:  newHBarChart("funnel-chart", tr.T("report.funnel.title"), funnel),
		Ratings: newHBarChart("rating-chart", tr.T("report.rating.title"), ratings),
		NPS:     newHBarChart("nps-chart", tr.T("report.nps.title"), nps),
	}
}

// rateNote is "84% of the step before", or "" when there was no step before.
func rateNote(tr Translator, p *float64) string {
	if p == nil {
		return ""
	}
	return tr.T("report.funnel.rate", "Rate", formatPercent(tr, *p))
}

// percentNote is "40%", or "" without a total.
func percentNote(tr Translator, p *float64) string {
	if p == nil {
		return ""
	}
	return formatPercent(tr, *p) + "%"
}

// formatPercent prints a percentage without a needless ".0", with the language's decimal mark.
func formatPercent(tr Translator, p float64) string {
	return decimalMark(tr.Lang, strconv.FormatFloat(p, 'f', -1, 64))
}

// formatScore prints an average with at most two decimals ("4.25", "4,3" in Russian), or "—".
func formatScore(lang string, v *float64) string {
	if v == nil {
		return "—"
	}
	return decimalMark(lang, strconv.FormatFloat(*v, 'f', -1, 64))
}

// formatNPS prints an NPS with its sign ("+40", "-10", "0"), or "—" without answers.
func formatNPS(v *int) string {
	if v == nil {
		return "—"
	}
	if *v > 0 {
		return fmt.Sprintf("+%d", *v)
	}
	return strconv.Itoa(*v)
}

// decimalMark uses a comma as the decimal mark in Russian.
func decimalMark(lang, s string) string {
	if lang == "ru" {
		return strings.Replace(s, ".", ",", 1)
	}
	return s
}

// celebrationLinks are step 6's links on the meetup page: the report once the meetup has a time,
// and the celebration form until it is celebrated.
func celebrationLinks(m models.Meetup) []pipelineLink {
	if m.StartsAt == nil || m.Stage == models.StageCancelled {
		return nil
	}
	out := []pipelineLink{{ID: "step-report-link", URL: "/meetups/" + m.ID + "/report", Label: "report.pipeline.report"}}
	if m.Stage != models.StageDone {
		out = append(out, pipelineLink{ID: "step-celebrate-link", URL: "/meetups/" + m.ID + "/celebrate", Label: "report.pipeline.celebrate"})
	}
	return out
}
