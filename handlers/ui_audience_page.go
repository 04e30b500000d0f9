package handlers

import (
	"net/http"
	"slices"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// previewResponse is the live size of an audience being edited.
type previewResponse struct {
	Size   int               `json:"size"`
	Errors map[string]string `json:"errors,omitempty"`
}

// AudiencePreview answers the size of the audience the form describes, for the form's live count,
// with the problems its submit would be refused for and the included addresses that add nobody.
func (h *Handlers) AudiencePreview(c echo.Context) error {
	f := audienceFormFrom(c.QueryParams())
	a := f.audience()
	a.Name = "preview"
	tr := h.Views.NewTranslator(h.requestLang(c, currentUser(c)))
	resp := previewResponse{Errors: previewErrors(tr, f, a.Normalize())}
	n, err := h.Store.CountMembers(c.Request().Context(), currentUser(c).TeamID, a)
	if err != nil {
		return err
	}
	resp.Size = n
	if err := h.unknownIncluded(c, tr, a, &resp); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, resp)
}

// previewErrors are the messages of the rule's field errors, worded as the submit words them:
// an address list's error names the addresses that are not valid.
func previewErrors(tr Translator, f audienceForm, err error) map[string]string {
	fe := fieldErrors(err)
	if fe == nil {
		return nil
	}
	out := map[string]string{}
	lists := map[string]string{"include": f.Include, "exclude": f.Exclude}
	for field, key := range fe {
		out[field] = fieldMessage(tr, key)
		if key == "invalid_email_list" {
			out[field] = tr.T("error.invalid_email_named", "List", invalidAddresses(lists[field]))
		}
	}
	return out
}

// unknownIncluded warns, in the preview's messages, of valid included addresses that are nobody's
// in the directory: they add nobody, as only the directory's people can be invited.
func (h *Handlers) unknownIncluded(c echo.Context, tr Translator, a models.Audience, resp *previewResponse) error {
	valid := slices.DeleteFunc(slices.Clone(a.IncludeEmails), func(e string) bool { return !models.ValidEmail(e) })
	unknown, err := h.Store.UnknownAddresses(c.Request().Context(), currentUser(c).TeamID, valid)
	if err != nil || len(unknown) == 0 {
		return err
	}
	if resp.Errors == nil {
		resp.Errors = map[string]string{}
	}
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
