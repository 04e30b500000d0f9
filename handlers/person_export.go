package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// PersonExport answers with everything Convene holds about a person as a JSON file
// (GET /api/v1/people/{id}/export and /people/{id}/export); the export is audited.
func (h *Handlers) PersonExport(c echo.Context) error {
	u := currentUser(c)
	out, err := h.Store.ExportPerson(c.Request().Context(), u.TeamID, u.ID, c.Param("id"))
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="convene-person-`+out.Person.ID+`.json"`)
	return c.JSONPretty(http.StatusOK, out, "  ")
}
