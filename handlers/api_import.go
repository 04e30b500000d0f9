package handlers

import (
	"errors"
	"io"
	"mime"
	"net/http"

	"github.com/convene/convene/directory"
	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// importProblem is one reported row (or header) of an import.
type importProblem struct {
	Line    int    `json:"line"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// importResponse is the answer of an import: counts, skipped rows and warnings.
type importResponse struct {
	models.ImportCounts
	Errors   []importProblem `json:"errors"`
	Warnings []importProblem `json:"warnings"`
}

// csvTypes are the content types accepted as a CSV body.
var csvTypes = map[string]bool{"text/csv": true, "application/csv": true, "text/plain": true,
	"application/vnd.ms-excel": true, "application/octet-stream": true}

// APIImportPeople imports a CSV body (or a multipart "file") into the team's directory.
func (h *Handlers) APIImportPeople(c echo.Context) error {
	ct, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	var data []byte
	var err error
	switch {
	case csvTypes[ct]:
		data, err = io.ReadAll(c.Request().Body)
	case ct == echo.MIMEMultipartForm:
		data, err = uploadedFile(c)
	default:
		return echo.NewHTTPError(http.StatusUnsupportedMediaType, "unsupported_csv")
	}
	if err != nil {
		return err
	}
	tr := h.Views.NewTranslator(h.requestLang(c, currentUser(c)))
	resp, err := h.importCSV(c, data, "api", tr)
	var fe *directory.FileError
	if errors.As(err, &fe) {
		return c.JSON(http.StatusUnprocessableEntity, map[string]apiError{"error": {Code: fe.Code,
			Message: fileErrorMessage(tr, fe), RequestID: c.Response().Header().Get(echo.HeaderXRequestID)}})
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, resp)
}

// importCSV parses a directory file and imports its good rows for the current user.
func (h *Handlers) importCSV(c echo.Context, data []byte, source string, tr Translator) (importResponse, error) {
	res, err := directory.Parse(data)
	if err != nil {
		return importResponse{}, err
	}
	u := currentUser(c)
	counts, err := h.Store.ImportPeople(c.Request().Context(), models.ImportRequest{TeamID: u.TeamID, UserID: u.ID,
		Source: source, Skipped: len(res.Errors), People: res.People()})
	if err != nil {
		return importResponse{}, err
	}
	return importResponse{ImportCounts: counts, Errors: problems(tr, res.Errors), Warnings: problems(tr, res.Warnings)}, nil
}

// uploadedFile reads the "file" part of a multipart upload; a missing file is a field error.
func uploadedFile(c echo.Context) ([]byte, error) {
	fh, err := c.FormFile("file")
	var he *echo.HTTPError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &he), errors.As(err, &mbe):
		return nil, echo.ErrStatusRequestEntityTooLarge
	case err != nil:
		return nil, models.Invalid(models.FieldErrors{"file": "required"})
	}
	f, err := fh.Open()
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// problems translates the parser's problems.
func problems(tr Translator, ps []directory.Problem) []importProblem {
	out := make([]importProblem, len(ps))
	for i, p := range ps {
		out[i] = importProblem{Line: p.Line, Code: p.Code, Message: problemMessage(tr, p)}
	}
	return out
}

// problemMessage is one problem in the reader's language; a too-long field is named by its label
// on the person's page, as the reader knows it.
func problemMessage(tr Translator, p directory.Problem) string {
	switch {
	case p.Code == directory.TooLong && p.Value == "row":
		return tr.T("import.row.too_long_row")
	case p.Code == directory.TooLong:
		return tr.T("import.row.too_long", "Value", tr.T("person.field."+p.Value))
	}
	return tr.T("import.row."+p.Code, "Value", p.Value)
}

// fileErrorMessage translates why a whole file was refused.
func fileErrorMessage(tr Translator, fe *directory.FileError) string {
	return tr.T("import.file."+fe.Code, "Line", fe.Line, "Value", fe.Value)
}
