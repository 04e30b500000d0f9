package handlers

import "github.com/convene/convene/models"

// trendCharts are the series page's charts.
type trendCharts struct {
	Attendance columnChart
	Repeat     lineChart
	Rating     lineChart
}

// trendRow is one meetup of the trend as the table prints it.
type trendRow struct {
	models.TrendPoint
	Date, Share, Rating string
}

// newTrendCharts draws attendance (repeat attendees and new faces stacked), the repeat share
// and the average rating per meetup.
func newTrendCharts(tr Translator, t models.Trend) trendCharts {
	labels := make([]string, len(t.Points))
	parts := make([][]int, len(t.Points))
	shares := make([]*float64, len(t.Points))
	ratings := make([]*float64, len(t.Points))
	for i, pt := range t.Points {
		labels[i] = shortDate(pt)
		parts[i] = []int{pt.Repeat, pt.New}
		shares[i], ratings[i] = pt.RepeatShare, pt.Rating
	}
	legend := []legendItem{{tr.T("series.repeat"), colorAccent}, {tr.T("series.new"), colorLight}}
	pct := func(v float64) string { return formatPercent(tr, v) + "%" }
	score := func(v float64) string { return formatScore(tr.Lang, &v) }
	return trendCharts{
		Attendance: newColumnChart("attendance-chart", tr.T("series.chart.attendance"), labels, parts, legend),
		Repeat:     newLineChart("repeat-chart", tr.T("series.chart.repeat"), labels, shares, 0, 100, 25, pct),
		Rating:     newLineChart("rating-trend-chart", tr.T("series.chart.rating"), labels, ratings, 1, 5, 1, score),
	}
}

// trendRows formats the trend for the table under the charts.
func trendRows(tr Translator, t models.Trend) []trendRow {
	out := make([]trendRow, len(t.Points))
	for i, pt := range t.Points {
		out[i] = trendRow{TrendPoint: pt, Date: longDate(pt), Rating: formatScore(tr.Lang, pt.Rating), Share: "—"}
		if pt.RepeatShare != nil {
			out[i].Share = formatPercent(tr, *pt.RepeatShare) + "%"
		}
	}
	return out
}

// shortDate is a meetup's day in its own zone as "02.01" (day.month), for chart labels.
func shortDate(pt models.TrendPoint) string {
	if pt.StartsAt == nil {
		return "—"
	}
	return pt.StartsAt.In(zoneOrUTC(pt.Timezone)).Format("02.01")
}

// longDate is a meetup's day in its own zone as "2006-01-02".
func longDate(pt models.TrendPoint) string {
	if pt.StartsAt == nil {
		return "—"
	}
	return pt.StartsAt.In(zoneOrUTC(pt.Timezone)).Format("2006-01-02")
}
