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

// newReportCharts draws the funnel (funnelItems), the rating distribution and the NPS groups.
func newReportCharts(tr Translator, r models.Report) reportCharts {
	funnel := funnelItems(tr, r.Funnel, r.FunnelRates)
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

// funnelItems are the funnel's bars, each rate printed beside the count it is the share of, with
// the population it is taken of ("of invited"): invited; said yes, of the invited; came after a
// yes, of those who said yes; the invitees who came without a yes (when any) and the walk-ins
// apart, without a rate; everyone who attended, and of them those counted by their answer to
// the form without a check-in (when any); answered the form, of those who came (or
// answered); and the speakers checked in when the meetup has speakers, in no step.
func funnelItems(tr Translator, f models.Funnel, rates models.FunnelRates) []hbarItem {
	items := []hbarItem{
		{Label: tr.T("report.funnel.invited"), N: f.Invited},
		{Label: tr.T("report.funnel.yes"), N: f.Yes, Note: rateNote(tr, "report.funnel.rate_invited", rates.Yes)},
		{Label: tr.T("report.funnel.attended_yes"), N: f.AttendedYes, Note: rateNote(tr, "report.funnel.rate_yes", rates.AttendedYes)},
	}
	if f.AttendedOthers > 0 {
		items = append(items, hbarItem{Label: tr.T("report.funnel.others"), N: f.AttendedOthers, Color: colorLight})
	}
	items = append(items, hbarItem{Label: tr.T("report.funnel.walk_ins"), N: f.WalkIns, Color: colorLight},
		hbarItem{Label: tr.T("report.funnel.attended_all"), N: f.Attended})
	if f.AttendedByAnswer > 0 {
		items = append(items, hbarItem{Label: tr.T("report.funnel.by_answer"), N: f.AttendedByAnswer, Color: colorLight})
	}
	items = append(items, hbarItem{Label: tr.T("report.funnel.feedback"), N: f.Feedback, Note: rateNote(tr, "report.funnel.rate_came", rates.Feedback)})
	if f.Speakers > 0 {
		items = append(items, hbarItem{Label: tr.T("report.funnel.speakers", "Count", f.Speakers), N: f.SpeakersCheckedIn, Color: colorLight})
	}
	return items
}

// rateNote is a rate with the population it is of ("84% of invited", message key), or "" when
// that population is empty.
func rateNote(tr Translator, key string, p *float64) string {
	if p == nil {
		return ""
	}
	return tr.T(key, "Rate", formatPercent(tr, *p))
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
