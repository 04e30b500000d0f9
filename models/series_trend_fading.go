package models

// Fading says whether a series is losing its audience, and by which rule.
type Fading struct {
	Fading         bool `json:"fading"`
	AttendanceDrop bool `json:"attendance_drop"`
	RepeatFalling  bool `json:"repeat_share_falling"`
	// RecentAttendance and EarlierAttendance are the totals of the last three meetups and the
	// three before (both 0 with fewer than six meetups).
	RecentAttendance  int `json:"recent_attendance"`
	EarlierAttendance int `json:"earlier_attendance"`
}

// FadingOf applies the two rules to meetups in date order: the last three drew a third fewer
// people or less than the three before them, or the repeat-attendee share fell from each of the
// last three meetups to the next.
func FadingOf(pts []TrendPoint) Fading {
	var f Fading
	if n := len(pts); n >= 6 {
		for i := n - 6; i < n; i++ {
			if i < n-3 {
				f.EarlierAttendance += pts[i].Attendance
			} else {
				f.RecentAttendance += pts[i].Attendance
			}
		}
		f.AttendanceDrop = f.EarlierAttendance > 0 && 3*f.RecentAttendance <= 2*f.EarlierAttendance
	}
	f.RepeatFalling = repeatFalling(pts)
	f.Fading = f.AttendanceDrop || f.RepeatFalling
	return f
}

// repeatFalling reports whether the repeat share fell twice in a row over the last three meetups.
func repeatFalling(pts []TrendPoint) bool {
	n := len(pts)
	if n < 3 {
		return false
	}
	for i := n - 2; i < n; i++ {
		if share(pts[i]) >= share(pts[i-1]) {
			return false
		}
	}
	return true
}

// share is a point's repeat share, 0 when nobody came.
func share(p TrendPoint) float64 {
	if p.RepeatShare == nil {
		return 0
	}
	return *p.RepeatShare
}
