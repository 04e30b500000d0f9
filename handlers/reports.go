package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// ReportsPage lists the team's meetups with the reports each step has so far:
// survey results, speakers compared, attendees and the report, and the audit log.
func (h *Handlers) ReportsPage(c echo.Context) error {
	u := currentUser(c)
	ctx := c.Request().Context()
	items, next, err := h.Store.ListMeetups(ctx, u.TeamID, models.Page{Cursor: c.QueryParam("cursor")})
	if err != nil {
		return err
	}
	ids := make([]string, len(items))
	for i, m := range items {
		ids[i] = m.ID
	}
	surveyed, err := h.Store.Surveyed(ctx, u.TeamID, ids)
	if err != nil {
		return err
	}
	candidates, err := h.Store.WithCandidates(ctx, u.TeamID, ids)
	if err != nil {
		return err
	}
	links := make(map[string][]reportLink, len(items))
	for _, m := range items {
		links[m.ID] = reportLinks(m, surveyed[m.ID], candidates[m.ID])
	}
	audit, err := h.Store.ListAudit(ctx, u.TeamID, 20)
	if err != nil {
		return err
	}
	p := h.newPage(c, "reports.title", "reports")
	p.Data = map[string]any{"Meetups": items, "Next": next, "Links": links, "Audit": auditRows(p.Translator, audit)}
	return h.render(c, http.StatusOK, "reports", p)
}
