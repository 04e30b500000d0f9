package models

import (
	"net/url"
	"unicode/utf8"
)

// checkReminders allows up to five reminders, each 5 minutes to 30 days before the start.
func checkReminders(fe FieldErrors, r *[]int) {
	if r == nil {
		return
	}
	if len(*r) > 5 {
		fe["reminders"] = "too_many"
	}
	for _, n := range *r {
		if n < 5 || n > 30*24*60 {
			fe["reminders"] = "out_of_range"
		}
	}
}

// checkPlace wants a room or a link, each of sane size, the link an http(s) URL.
func checkPlace(fe FieldErrors, sc schedule) {
	if sc.Location == "" && sc.OnlineURL == "" {
		fe["location"] = "place_required"
	}
	if utf8.RuneCountInString(sc.Location) > 300 {
		fe["location"] = MaxChars(300)
	}
	if sc.OnlineURL == "" {
		return
	}
	u, err := url.Parse(sc.OnlineURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(sc.OnlineURL) > 2000 {
		fe["online_url"] = "invalid_url"
	}
}
