package handlers

import (
	"unicode/utf8"

	"github.com/convene/convene/models"
)

// Bar chart geometry, in SVG user units.
const (
	voteChartWidth = 640
	voteBarMax     = 470
	voteRow        = 50
	voteBarH       = 20
	voteLabelMax   = 70
)

// voteChart is a server-rendered horizontal bar chart of votes per topic: every bar has its topic
// and its numbers as text beside it, and nothing is fetched from anywhere.
type voteChart struct {
	Width  int
	Height int
	Bars   []voteBar
}

// voteBar is one topic's row: its label, bar and numbers.
type voteBar struct {
	Label  string
	Votes  int
	Share  int
	LabelY int
	BarY   int
	BarW   int
	TextX  int
	TextY  int
}

// newVoteChart lays out the ranked topics; shares are of the respondents.
func newVoteChart(r models.SurveyResults) voteChart {
	most := 0
	for _, t := range r.Topics {
		most = max(most, t.Votes)
	}
	ch := voteChart{Width: voteChartWidth, Height: len(r.Topics)*voteRow + 4}
	for i, t := range r.Topics {
		top := i * voteRow
		b := voteBar{Label: truncate(t.Topic, voteLabelMax), Votes: t.Votes, Share: sharePercent(t.Votes, r.Responses),
			LabelY: top + 16, BarY: top + 22}
		if most > 0 && t.Votes > 0 {
			b.BarW = max(2, t.Votes*voteBarMax/most)
		}
		b.TextX, b.TextY = b.BarW+8, b.BarY+voteBarH-5
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
