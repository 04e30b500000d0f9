package handlers

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// auditRow is one audit entry as the page shows it.
type auditRow struct {
	models.AuditEntry
	Details string
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

// auditRows makes entries readable for the page.
func auditRows(items []models.AuditEntry) []auditRow {
	rows := make([]auditRow, len(items))
	for i, e := range items {
		rows[i] = auditRow{AuditEntry: e, Details: readableDetail(e.Detail)}
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
	p.Data = map[string]any{"Rows": auditRows(items), "Next": withCursor(c, "/audit", next)}
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

// readableDetail turns an entry's JSON detail into "key: value" pairs; a long list shows its length.
func readableDetail(detail string) string {
	var m map[string]any
	if json.Unmarshal([]byte(detail), &m) != nil || len(m) == 0 {
		return ""
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + detailValue(m[k])
	}
	return strings.Join(parts, "; ")
}

// detailValue shows one detail value: a moment as a date and time (UTC, as the page's dates), lists
// of up to three items in full, longer ones and lists of ids by their length.
func detailValue(v any) string {
	if s, ok := v.(string); ok {
		if t, err := time.Parse(time.RFC3339, s); err == nil { // a moment, as the lists show dates
			return t.UTC().Format("2006-01-02 15:04 UTC")
		}
	}
	list, ok := v.([]any)
	if !ok {
		return fmt.Sprint(v)
	}
	if len(list) == 0 {
		return "—"
	}
	if id, _ := list[0].(string); len(list) > 3 || models.IsUUID(id) {
		return fmt.Sprintf("%d", len(list))
	}
	s := make([]string, len(list))
	for i, x := range list {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}
