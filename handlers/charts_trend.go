package handlers

import (
	"fmt"
	"strings"
)

// Trend chart geometry, in SVG user units.
const (
	trendColW   = 64 // one meetup's column
	trendLeft   = 36 // room for the axis labels
	trendTop    = 22 // room for the values above the tallest column
	trendPlotH  = 160
	trendBottom = 34 // room for the date labels
)

// columnChart is a chart of stacked columns, one per meetup, its total printed above it and each
// part's number inside it ("rep.columns").
type columnChart struct {
	ID     string
	Title  string
	Width  int
	Height int
	BaseY  int
	Cols   []column
	Legend []legendItem
}

// column is one meetup's column.
type column struct {
	X, W, MidX    int
	Label         string
	LabelY        int
	Total, TotalY int
	Parts         []colPart
}

// colPart is one stacked part of a column.
type colPart struct {
	Y, H, TextY int
	N           int
	Color       string
}

// legendItem names a colour of a chart.
type legendItem struct{ Label, Color string }

// newColumnChart draws per label the stacked parts (bottom first), scaled to the largest total.
func newColumnChart(id, title string, labels []string, parts [][]int, legend []legendItem) columnChart {
	ch := columnChart{ID: id, Title: title, Legend: legend, BaseY: trendTop + trendPlotH}
	ch.Width, ch.Height = trendLeft+max(4, len(labels))*trendColW, ch.BaseY+trendBottom
	top := 1
	for _, ps := range parts {
		top = max(top, sum(ps))
	}
	for i, label := range labels {
		x := trendLeft + i*trendColW + 10
		col := column{X: x, W: trendColW - 20, MidX: x + (trendColW-20)/2, Label: label, LabelY: ch.BaseY + 18, Total: sum(parts[i])}
		y := ch.BaseY
		for j, n := range parts[i] {
			h := n * trendPlotH / top
			y -= h
			col.Parts = append(col.Parts, colPart{Y: y, H: h, TextY: y + h/2 + 5, N: n, Color: legend[j].Color})
		}
		col.TotalY = y - 6
		ch.Cols = append(ch.Cols, col)
	}
	return ch
}

// sum adds ints.
func sum(ns []int) int {
	t := 0
	for _, n := range ns {
		t += n
	}
	return t
}

// lineChart is a line through one value per meetup with each value printed by its dot
// ("rep.line"); a meetup without a value leaves a gap in the dots.
type lineChart struct {
	ID     string
	Title  string
	Width  int
	Height int
	BaseY  int
	Points string
	Dots   []lineDot
	Ticks  []lineTick
	Labels []lineDot
}

// lineDot is a value's dot and its printed value (or a date label under the axis).
type lineDot struct {
	X, Y, TextY int
	Text        string
}

// lineTick is a horizontal grid line with its axis label.
type lineTick struct {
	Y, TextY int
	Text     string
}

// newLineChart plots values between lo and hi (ticks at each step), printing each with format.
func newLineChart(id, title string, labels []string, values []*float64, lo, hi, step float64, format func(float64) string) lineChart {
	ch := lineChart{ID: id, Title: title, BaseY: trendTop + trendPlotH}
	ch.Width, ch.Height = trendLeft+max(4, len(labels))*trendColW, ch.BaseY+trendBottom
	yOf := func(v float64) int { return ch.BaseY - int((v-lo)/(hi-lo)*trendPlotH) }
	for v := lo; v <= hi+1e-9; v += step {
		ch.Ticks = append(ch.Ticks, lineTick{Y: yOf(v), TextY: yOf(v) + 4, Text: format(v)})
	}
	var pts []string
	for i, label := range labels {
		x := trendLeft + i*trendColW + trendColW/2
		ch.Labels = append(ch.Labels, lineDot{X: x, TextY: ch.BaseY + 18, Text: label})
		if values[i] == nil {
			continue
		}
		y := yOf(*values[i])
		pts = append(pts, fmt.Sprintf("%d,%d", x, y))
		ch.Dots = append(ch.Dots, lineDot{X: x, Y: y, TextY: y - 9, Text: format(*values[i])})
	}
	ch.Points = strings.Join(pts, " ")
	return ch
}
