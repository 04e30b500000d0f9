package models

import "time"

// timeText writes an optional time for a text array; "" stands for NULL.
func timeText(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}
