package handlers

import (
	"errors"
	"net/http"

	"github.com/convene/convene/directory"
	"github.com/labstack/echo/v4"
)

// ImportPage shows the directory upload form.
func (h *Handlers) ImportPage(c echo.Context) error {
	p := h.newPage(c, "import.title", "people")
	p.Data = map[string]any{"Here": "import"}
	return h.render(c, http.StatusOK, "people_import", p)
}

// ImportUpload imports an uploaded CSV and shows the summary and every skipped row.
func (h *Handlers) ImportUpload(c echo.Context) error {
	p := h.newPage(c, "import.title", "people")
	p.Data = map[string]any{"Here": "import"}
	data, err := uploadedFile(c)
	if fe := fieldErrors(err); fe != nil {
		p.Errors = fe
		return h.render(c, http.StatusUnprocessableEntity, "people_import", p)
	}
	if err != nil {
		return err
	}
	res, err := h.importCSV(c, data, "ui", p.Translator)
	var fileErr *directory.FileError
	if errors.As(err, &fileErr) {
		p.Data = map[string]any{"Here": "import", "FileError": fileErrorMessage(p.Translator, fileErr)}
		return h.render(c, http.StatusUnprocessableEntity, "people_import", p)
	}
	if err != nil {
		return err
	}
	p.Data = map[string]any{"Here": "import", "Result": res, "Skipped": len(res.Errors)}
	return h.render(c, http.StatusOK, "people_import", p)
}
