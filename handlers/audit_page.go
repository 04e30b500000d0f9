package handlers

import (
	"net/http"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// auditRow is one audit entry as the page shows it: its detail as readable lines.
type auditRow struct {
	models.AuditEntry
	Details []string
}

// auditTable is what the shared "audit.table" template needs.
type auditTable struct {
	P    *Page
	ID   string
	Rows []auditRow
}

// AuditTable describes the audit entries table (shared by /audit and /reports) with its element id.
func (p *Page) AuditTable(id string, rows []auditRow) auditTable {
	return auditTable{P: p, ID: id, Rows: rows}
}

// auditRows makes entries readable for the page, in the reader's language.
func auditRows(tr Translator, items []models.AuditEntry) []auditRow {
	rows := make([]auditRow, len(items))
	for i, e := range items {
		rows[i] = auditRow{AuditEntry: e, Details: readableDetail(tr, e.Detail, detailNames(e))}
	}
	return rows
}

// auditFilter reads ?action= (a prefix such as "attendance.") and ?meetup_id=.
func auditFilter(c echo.Context) models.AuditFilter {
	return models.AuditFilter{Action: strings.TrimSpace(c.QueryParam("action")), MeetupID: strings.TrimSpace(c.QueryParam("meetup_id"))}
}

// AuditPage lists organiser actions, newest first, paged and filtered (GET /audit).
func (h *Handlers) AuditPage(c echo.Context) error {
	u := currentUser(c)
	f := auditFilter(c)
	p := h.newPage(c, "audit.title", "audit")
	status := http.StatusOK
	items, next, err := h.Store.AuditLog(c.Request().Context(), u.TeamID, f, models.Page{Cursor: c.QueryParam("cursor")})
	if fe := fieldErrors(err); fe != nil {
		p.Errors, status, err = fe, http.StatusUnprocessableEntity, nil
	}
	if err != nil {
		return err
	}
	p.Form = f
	p.Data = map[string]any{"Rows": auditRows(p.Translator, items), "Next": withCursor(c, "/audit", next)}
	return h.render(c, status, "audit", p)
}

// APIAudit lists the audit log (GET /api/v1/audit?action=&meetup_id=&limit=&cursor=).
func (h *Handlers) APIAudit(c echo.Context) error {
	pg, err := pageParams(c)
	if err != nil {
		return err
	}
	items, next, err := h.Store.AuditLog(c.Request().Context(), currentUser(c).TeamID, auditFilter(c), pg)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listResponse[models.AuditEntry]{Items: items, NextCursor: next})
}

// detailNames are the names of the ids an entry's detail holds, by field.
func detailNames(e models.AuditEntry) map[string]string {
	return map[string]string{"candidate_id": e.CandidateName, "person_id": e.PersonName}
}
