package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// AudiencesPage lists the team's audiences with their sizes.
func (h *Handlers) AudiencesPage(c echo.Context) error {
	items, err := h.audienceList(c)
	if err != nil {
		return err
	}
	p := h.newPage(c, "audiences.title", "people")
	p.Data = map[string]any{"Here": "audiences", "Audiences": items}
	return h.render(c, http.StatusOK, "audiences", p)
}

// AudienceNew shows an empty audience form.
func (h *Handlers) AudienceNew(c echo.Context) error {
	return h.renderAudienceForm(c, http.StatusOK, "", audienceForm{}, nil)
}

// AudienceEdit shows the form of a saved audience.
func (h *Handlers) AudienceEdit(c echo.Context) error {
	a, err := h.Store.GetAudience(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	return h.renderAudienceForm(c, http.StatusOK, a.ID, formOfAudience(a), nil)
}

// AudienceCreate saves a new audience and shows it; invalid input comes back with 422.
func (h *Handlers) AudienceCreate(c echo.Context) error {
	f, err := h.postedAudience(c)
	if err != nil {
		return err
	}
	u := currentUser(c)
	id, err := h.Store.CreateAudienceBy(c.Request().Context(), u.TeamID, u.ID, f.audience())
	return h.audienceSaved(c, "", id, f, err)
}

// AudienceUpdate saves an edited audience; invalid input comes back with 422.
func (h *Handlers) AudienceUpdate(c echo.Context) error {
	f, err := h.postedAudience(c)
	if err != nil {
		return err
	}
	u, id := currentUser(c), c.Param("id")
	err = h.Store.UpdateAudience(c.Request().Context(), u.TeamID, u.ID, id, f.audience())
	return h.audienceSaved(c, id, id, f, err)
}

// postedAudience reads the POSTed audience form.
func (h *Handlers) postedAudience(c echo.Context) (audienceForm, error) {
	v, err := c.FormParams()
	if err != nil {
		return audienceForm{}, echo.NewHTTPError(http.StatusBadRequest)
	}
	return audienceFormFrom(v), nil
}

// audienceSaved answers a save: the form again on field errors, else the audience page.
func (h *Handlers) audienceSaved(c echo.Context, formID, id string, f audienceForm, err error) error {
	if fe := fieldErrors(err); fe != nil {
		return h.renderAudienceForm(c, http.StatusUnprocessableEntity, formID, f, fe)
	}
	if err != nil {
		return err
	}
	h.flash(c, "audience.saved")
	return redirect(c, "/audiences/"+id)
}

// renderAudienceForm renders the create (id "") or edit form with the team's values to choose from.
func (h *Handlers) renderAudienceForm(c echo.Context, status int, id string, f audienceForm, fe models.FieldErrors) error {
	teamID, ctx := currentUser(c).TeamID, c.Request().Context()
	f = f.readable() // refused text is shown, and counted, with U+FFFD for the bytes that are not UTF-8
	values, err := h.Store.ListDirectoryValues(ctx, teamID)
	if err != nil {
		return err
	}
	size, err := h.Store.CountMembers(ctx, teamID, f.audience())
	if err != nil {
		return err
	}
	p := h.newPage(c, "audience.new", "people")
	if id != "" {
		p.Title = p.T("audience.edit")
	}
	p.Form, p.Errors = f, fe
	nameBadAddresses(p, f)
	p.Data = map[string]any{"Here": "audiences", "ID": id, "Size": size, "Departments": options(values.Departments, f.Departments),
		"Locations": options(values.Locations, f.Locations), "Interests": options(values.Interests, f.Interests)}
	return h.render(c, status, "audience_form", p)
}

// nameBadAddresses makes the error of an address list name the addresses that are not valid.
func nameBadAddresses(p *Page, f audienceForm) {
	for field, raw := range map[string]string{"include": f.Include, "exclude": f.Exclude} {
		if p.Errors[field] != "invalid_email_list" {
			continue
		}
		if p.ErrorArgs == nil {
			p.ErrorArgs = map[string][]any{}
		}
		p.Errors[field], p.ErrorArgs[field] = "invalid_email_named", []any{"List", invalidAddresses(raw)}
	}
}
