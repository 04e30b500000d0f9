package handlers

import (
	"net/http"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// previewResponse is the live size of an audience being edited.
type previewResponse struct {
	Size   int               `json:"size"`
	Errors map[string]string `json:"errors,omitempty"`
}

// AudiencePreview answers the size of the audience the form describes, for the form's live count.
func (h *Handlers) AudiencePreview(c echo.Context) error {
	a := audienceFormFrom(c.QueryParams()).audience()
	a.Name = "preview"
	resp := previewResponse{}
	if fe := fieldErrors(a.Normalize()); fe != nil {
		tr := h.Views.NewTranslator(h.requestLang(c, currentUser(c)))
		resp.Errors = map[string]string{}
		for f, key := range fe {
			resp.Errors[f] = tr.T("error." + key)
		}
	}
	n, err := h.Store.CountMembers(c.Request().Context(), currentUser(c).TeamID, a)
	if err != nil {
		return err
	}
	resp.Size = n
	if resp.Errors["include"] == "" {
		if err := h.unknownIncluded(c, a, &resp); err != nil {
			return err
		}
	}
	return c.JSON(http.StatusOK, resp)
}

// unknownIncluded warns, in the preview's messages, of included addresses that are nobody's in
// the directory: they add nobody, as only the directory's people can be invited.
func (h *Handlers) unknownIncluded(c echo.Context, a models.Audience, resp *previewResponse) error {
	unknown, err := h.Store.UnknownAddresses(c.Request().Context(), currentUser(c).TeamID, a.IncludeEmails)
	if err != nil || len(unknown) == 0 {
		return err
	}
	if resp.Errors == nil {
		resp.Errors = map[string]string{}
	}
	tr := h.Views.NewTranslator(h.requestLang(c, currentUser(c)))
	resp.Errors["include_unknown"] = tr.T("audience.include_unknown", "List", strings.Join(unknown, ", "))
	return nil
}

// AudiencePage shows an audience: its rule, its profile as charts and its members.
func (h *Handlers) AudiencePage(c echo.Context) error {
	v, err := h.audienceView(c, c.Param("id"), true)
	if err != nil {
		return err
	}
	members, next, err := h.Store.ListMembers(c.Request().Context(), currentUser(c).TeamID, v.Audience,
		models.Page{Cursor: c.QueryParam("cursor")})
	if err != nil {
		return err
	}
	p := h.newPage(c, "audiences.title", "people")
	p.Title = v.Name
	p.Data = map[string]any{"Here": "audiences", "Audience": v, "Charts": profileCharts(p.Translator, "aud", *v.Profile),
		"Members": members, "Next": withCursor(c, "/audiences/"+v.ID, next)}
	return h.render(c, http.StatusOK, "audience", p)
}
