package handlers

import (
	"fmt"

	"github.com/convene/convene/models"
)

// Bar chart geometry, in SVG user units.
const (
	chartWidth  = 400
	chartLabelW = 150
	chartNumW   = 44
	chartBarH   = 18
	chartRowH   = 26
	chartMaxBar = 12
)

// barChart is a horizontal bar chart drawn as server-side SVG by the "barchart" template.
type barChart struct {
	ID     string
	Title  string
	Width  int
	Height int
	LabelW int
	Bars   []bar
	More   int // values left out of the chart
}

// bar is one row of a chart: its label, number and geometry.
type bar struct {
	Label string
	Count int
	Y     int
	TextY int
	W     int
	NumX  int
}

// newBarChart draws counts (largest first) as bars scaled to the largest; noneLabel names an empty key.
func newBarChart(id, title, noneLabel string, counts []models.Count) barChart {
	ch := barChart{ID: id, Title: title, Width: chartWidth, LabelW: chartLabelW}
	if len(counts) > chartMaxBar {
		ch.More, counts = len(counts)-chartMaxBar, counts[:chartMaxBar]
	}
	top := 1
	for _, c := range counts {
		top = max(top, c.Count)
	}
	span := chartWidth - chartLabelW - chartNumW
	for i, c := range counts {
		label := c.Key
		if label == "" {
			label = noneLabel
		}
		w := max(2, c.Count*span/top)
		ch.Bars = append(ch.Bars, bar{Label: clip(label, 19), Count: c.Count, Y: i*chartRowH + 4,
			TextY: i*chartRowH + 4 + chartBarH - 4, W: w, NumX: chartLabelW + w + 6})
	}
	ch.Height = max(chartRowH, len(counts)*chartRowH+4)
	return ch
}

// clip shortens a label to n characters with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// profileCharts draws an audience profile's four charts.
func profileCharts(tr Translator, prefix string, pr models.Profile) []barChart {
	none := tr.T("profile.none")
	return []barChart{
		newBarChart(fmt.Sprintf("%s-dept", prefix), tr.T("profile.departments"), none, pr.Departments),
		newBarChart(fmt.Sprintf("%s-loc", prefix), tr.T("profile.locations"), none, pr.Locations),
		newBarChart(fmt.Sprintf("%s-tz", prefix), tr.T("profile.timezones"), none, pr.Timezones),
		newBarChart(fmt.Sprintf("%s-int", prefix), tr.T("profile.interests"), none, pr.TopInterests),
	}
}
