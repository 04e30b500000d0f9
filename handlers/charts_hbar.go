package handlers

import (
	"fmt"
	"unicode/utf8"
)

// Chart colours: one accent, a lighter companion, and the three NPS groups.
const (
	colorAccent = "#1f5fbf"
	colorLight  = "#9dbbe8"
	colorGood   = "#1f8a4c"
	colorMid    = "#b7bcc6"
	colorBad    = "#c0392b"
)

// hbarChart is a horizontal bar chart whose every bar has its label and printed value beside it
// (the "rep.hbars" template); unlike barChart the value may carry a note such as a rate.
type hbarChart struct {
	ID     string
	Title  string
	Width  int
	Height int
	LabelW int
	Bars   []hbar
}

// hbar is one row of an hbarChart.
type hbar struct {
	Label string
	Value string
	Color string
	Y     int
	TextY int
	W     int
	NumX  int
}

// hbarItem is one value to draw: its label, number, an optional note after the number and colour.
type hbarItem struct {
	Label string
	N     int
	Note  string
	Color string
}

// hbarCharW is the widest a character of a printed value is drawn (13 px text), for the width.
const hbarCharW = 8

// newHBarChart scales the items to the largest and prints "N" or "N · note" beside each bar; the
// chart is widened to hold the longest printed value (a note such as "66.7% of the yes").
func newHBarChart(id, title string, items []hbarItem) hbarChart {
	ch := hbarChart{ID: id, Title: title, Width: chartWidth + 80, LabelW: chartLabelW}
	top := 1
	for _, it := range items {
		top = max(top, it.N)
	}
	span := chartWidth - chartLabelW - chartNumW
	for i, it := range items {
		w := 0
		if it.N > 0 {
			w = max(2, it.N*span/top)
		}
		v := fmt.Sprint(it.N)
		if it.Note != "" {
			v += " · " + it.Note
		}
		y := i*chartRowH + 4
		ch.Bars = append(ch.Bars, hbar{Label: clip(it.Label, 19), Value: v, Color: or(it.Color, colorAccent),
			Y: y, TextY: y + chartBarH - 4, W: w, NumX: chartLabelW + w + 6})
		ch.Width = max(ch.Width, chartLabelW+w+6+utf8.RuneCountInString(v)*hbarCharW+8)
	}
	ch.Height = max(chartRowH, len(items)*chartRowH+4)
	return ch
}

// or is a unless it is empty, else b.
func or(a, b string) string {
	if a == "" {
		return b
	}
	return a
}
