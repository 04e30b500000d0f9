package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// ReportPage shows a meetup's report with charts; ?print=1 gives a printable view without the
// navigation and buttons (the stylesheet also hides them when printing).
func (h *Handlers) ReportPage(c echo.Context) error {
	u, ctx := currentUser(c), c.Request().Context()
	m, err := h.Store.GetMeetup(ctx, u.TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	r, err := h.Store.MeetupReport(ctx, u.TeamID, m.ID)
	if err != nil {
		return err
	}
	p := h.newPage(c, "report.title", "reports")
	p.Title = p.T("report.heading", "Title", m.Title)
	printable := c.QueryParam("print") == "1"
	if printable {
		p.User, p.CSRF = nil, ""
	}
	p.Data = map[string]any{"Meetup": m, "Report": r, "Charts": newReportCharts(p.Translator, r), "Print": printable,
		"Average": formatScore(p.Lang, r.Rating.Average), "NPS": formatNPS(r.NPS), "Impact": formatScore(p.Lang, r.Impact)}
	return h.render(c, http.StatusOK, "report", p)
}
