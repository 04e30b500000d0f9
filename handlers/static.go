package handlers

import (
	"io/fs"
	"net/http"

	"github.com/convene/convene/templates"
	"github.com/labstack/echo/v4"
)

// Static serves the embedded stylesheet and scripts.
func (h *Handlers) Static(c echo.Context) error {
	sub, err := fs.Sub(templates.FS, "static")
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=3600")
	name := c.Param("*")
	if _, err := fs.Stat(sub, name); err != nil || name == "" {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	return echo.StaticFileHandler(name, sub)(c)
}
