package handlers

import (
	"unicode/utf8"

	"github.com/convene/convene/models"
)

// Bar chart geometry, in SVG user units.
const (
	chartWidth    = 640
	chartBarMax   = 470
	chartRow      = 50
	chartBarH     = 20
	chartLabelMax = 70
)

// barChart is a server-rendered horizontal bar chart of votes per topic: every bar has its topic
// and its numbers as text beside it, and nothing is fetched from anywhere.
type barChart struct {
	Width  int
	Height int
	Bars   []chartBar
}

// chartBar is one topic's row: its label, bar and numbers.
type chartBar struct {
	Label  string
	Votes  int
	Share  int
	LabelY int
	BarY   int
	BarW   int
	TextX  int
	TextY  int
}

// newBarChart lays out the ranked topics; shares are of the respondents.
func newBarChart(r models.SurveyResults) barChart {
	most := 0
	for _, t := range r.Topics {
		most = max(most, t.Votes)
	}
	ch := barChart{Width: chartWidth, Height: len(r.Topics)*chartRow + 4}
	for i, t := range r.Topics {
		top := i * chartRow
		b := chartBar{Label: truncate(t.Topic, chartLabelMax), Votes: t.Votes, Share: percent(t.Votes, r.Responses),
			LabelY: top + 16, BarY: top + 22}
		if most > 0 && t.Votes > 0 {
			b.BarW = max(2, t.Votes*chartBarMax/most)
		}
		b.TextX, b.TextY = b.BarW+8, b.BarY+chartBarH-5
		ch.Bars = append(ch.Bars, b)
	}
	return ch
}

// truncate shortens s to n characters with an ellipsis.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
