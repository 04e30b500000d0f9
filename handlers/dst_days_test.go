package handlers_test

import (
	"fmt"
	"strings"
	"time"
)

// dstDays fills a test's text with next year's Berlin clock changes, so the DST tests never
// schedule in the past (a past start is refused): {gap} is the spring-forward Sunday, {overlap}
// the fall-back one, {mar10} and {nov1} ordinary days, each as 2006-01-02; {gapDay} and
// {overlapDay} read as the pages write them ("29 Mar 2026"); {year} is the year.
func dstDays(s string) string {
	y := time.Now().Year() + 1
	gap, overlap := lastSunday(y, time.March), lastSunday(y, time.October)
	return strings.NewReplacer("{gap}", gap.Format("2006-01-02"), "{overlap}", overlap.Format("2006-01-02"),
		"{nov1}", fmt.Sprintf("%d-11-01", y), "{mar10}", fmt.Sprintf("%d-03-10", y), "{year}", fmt.Sprint(y),
		"{gapDay}", gap.Format("2 Jan 2006"), "{overlapDay}", overlap.Format("2 Jan 2006")).Replace(s)
}

// lastSunday is the last Sunday of a month, the day the EU changes its clocks in March and October.
func lastSunday(year int, month time.Month) time.Time {
	d := time.Date(year, month+1, 0, 12, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Sunday {
		d = d.AddDate(0, 0, -1)
	}
	return d
}
