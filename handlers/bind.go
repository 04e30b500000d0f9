package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"
	"unicode"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// bindJSON decodes a JSON body strictly; a malformed body, a wrong type or text that is not
// UTF-8 names the field.
func bindJSON(c echo.Context, dst any) error {
	ct, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if ct != echo.MIMEApplicationJSON {
		return echo.NewHTTPError(http.StatusUnsupportedMediaType)
	}
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return jsonError(err)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err = dec.Decode(dst); err == nil {
		err = endOfBody(dec)
	}
	if err != nil {
		return jsonError(err)
	}
	if field := unreadableField(body); field != "" {
		return models.Invalid(models.FieldErrors{field: "invalid_utf8"})
	}
	return nil
}

// errTrailingData means the body holds more than one JSON value.
var errTrailingData = errors.New("data after the JSON value")

// endOfBody makes sure nothing but white space follows the decoded value.
func endOfBody(dec *json.Decoder) error {
	_, err := dec.Token()
	switch {
	case err == io.EOF:
		return nil
	case err == nil:
		return errTrailingData
	}
	return err
}

// jsonError turns a decoding error into what the client is told. The body limit shows up as
// http.MaxBytesError, or as Echo's 413 when the body-limit middleware counted a chunked body.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	var mbe *http.MaxBytesError
	var he *echo.HTTPError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &mbe), errors.As(err, &he) && he.Code == http.StatusRequestEntityTooLarge:
		return echo.ErrStatusRequestEntityTooLarge
	case errors.As(err, &te) && te.Field != "":
		return models.Invalid(models.FieldErrors{jsonField(te.Field): typeProblem(te)})
	case errors.Is(err, io.EOF):
		return models.Invalid(models.FieldErrors{"body": "empty_body"})
	}
	return models.Invalid(models.FieldErrors{"body": "invalid_json"})
}

// typeProblem names why a JSON value did not fit its field: a whole number too large for an
// integer field is out of range, a fraction there is not a whole number, anything else the wrong type.
func typeProblem(te *json.UnmarshalTypeError) string {
	num, isNumber := strings.CutPrefix(te.Value, "number ")
	switch {
	case !isNumber || te.Type == nil || !integerKind(te.Type.Kind()):
		return "wrong_type"
	case strings.ContainsAny(num, ".eE"):
		return "not_a_number"
	}
	return "out_of_range"
}

// integerKind reports whether k is a signed or unsigned integer.
func integerKind(k reflect.Kind) bool {
	return (k >= reflect.Int && k <= reflect.Int64) || (k >= reflect.Uint && k <= reflect.Uint64)
}

// jsonField drops the Go names of embedded structs from a decoding error's field path
// ("MeetupPatch.title" is the JSON field "title").
func jsonField(path string) string {
	parts := strings.Split(path, ".")
	for len(parts) > 1 && parts[0] != "" && unicode.IsUpper(rune(parts[0][0])) {
		parts = parts[1:]
	}
	return strings.Join(parts, ".")
}

// pageParams reads ?limit= and ?cursor=; a limit above models.MaxLimit gives that many.
func pageParams(c echo.Context) (models.Page, error) {
	p := models.Page{Cursor: c.QueryParam("cursor")}
	if s := c.QueryParam("limit"); s != "" {
		n, err := formInt(s)
		switch {
		case err != nil:
			return p, models.Invalid(models.FieldErrors{"limit": "not_a_number"})
		case n < 1:
			return p, models.Invalid(models.FieldErrors{"limit": models.AtLeast(1)})
		}
		p.Limit = n
	}
	return p, nil
}
