package handlers

import (
	"encoding/csv"
	"net/http"
	"strconv"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// feedbackHeader is the feedback export's header row.
var feedbackHeader = [...]string{"name", "email", "rating", "nps", "impact", "useful", "improve", "next_topics", "answered_at"}

// FeedbackCSV exports a meetup's feedback answers (GET /api/v1/meetups/{id}/feedback.csv and
// /meetups/{id}/feedback.csv), every cell defused like the attendees export; audited.
func (h *Handlers) FeedbackCSV(c echo.Context) error {
	m, err := h.teamMeetup(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	list, err := h.Store.FeedbackExport(ctx, m.TeamID, m.ID)
	if err != nil {
		return err
	}
	u := currentUser(c)
	if err := models.Audit(ctx, h.Store.DB, u.TeamID, u.ID, "feedback.export", "meetup:"+m.ID, map[string]any{"rows": len(list)}); err != nil {
		return err
	}
	rows := make([][]string, len(list))
	for i, f := range list {
		rows[i] = []string{f.Name, f.Email, strconv.Itoa(f.Rating), optInt(f.NPS), optInt(f.Impact),
			f.Useful, f.Improve, f.NextTopics, f.AnsweredAt.UTC().Format(time.RFC3339)}
	}
	return writeSafeCSV(c, "feedback-"+m.ID+".csv", feedbackHeader[:], rows)
}

// writeSafeCSV answers with a CSV attachment, every cell passed through safeCell.
func writeSafeCSV(c echo.Context, filename string, header []string, rows [][]string) error {
	hd := c.Response().Header()
	hd.Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	hd.Set(echo.HeaderContentDisposition, `attachment; filename="`+filename+`"`)
	c.Response().WriteHeader(http.StatusOK)
	w := csv.NewWriter(c.Response())
	_ = w.Write(header)
	for _, row := range rows {
		for i, cell := range row {
			row[i] = safeCell(cell)
		}
		_ = w.Write(row)
	}
	w.Flush()
	return w.Error()
}

// optInt formats an optional number, "" when absent.
func optInt(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}
