package handlers

import (
	"net/http"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// PeoplePage lists the directory with search, filters and paging; a search or filter that cannot
// be read comes back with 422 and its field's error.
func (h *Handlers) PeoplePage(c echo.Context) error {
	teamID, ctx := currentUser(c).TeamID, c.Request().Context()
	f, p, status := peopleFilter(c), h.newPage(c, "people.title", "people"), http.StatusOK
	items, next, err := h.Store.ListPeople(ctx, teamID, f, models.Page{Cursor: c.QueryParam("cursor")})
	if fe := fieldErrors(err); fe != nil {
		p.Errors, status, f, err = fe, http.StatusUnprocessableEntity, readableFilter(f), nil
	}
	if err != nil {
		return err
	}
	values, err := h.Store.ListDirectoryValues(ctx, teamID)
	if err != nil {
		return err
	}
	total, err := h.Store.CountPeople(ctx, teamID)
	if err != nil {
		return err
	}
	p.Form = f
	p.Data = map[string]any{"Here": "people", "People": items, "Next": withCursor(c, "/people", next), "Total": total,
		"Departments": options(values.Departments, []string{f.Department}),
		"Locations":   options(values.Locations, []string{f.Location}),
		"Interests":   options(values.Interests, []string{f.Interest})}
	return h.render(c, status, "people", p)
}

// readableFilter is the filter as the page shows it again: valid UTF-8, each unreadable run of
// bytes as U+FFFD.
func readableFilter(f models.PeopleFilter) models.PeopleFilter {
	return models.PeopleFilter{Q: readable(f.Q), Department: readable(f.Department),
		Location: readable(f.Location), Interest: readable(f.Interest)}
}

// personForm is the person edit form.
type personForm struct {
	Email      string `form:"email"`
	Name       string `form:"name"`
	Department string `form:"department"`
	Location   string `form:"location"`
	Timezone   string `form:"timezone"`
	Interests  string `form:"interests"`
	Language   string `form:"language"`
}

// formOfPerson fills the form from a stored person.
func formOfPerson(p models.Person) personForm {
	return personForm{Email: p.Email, Name: p.Name, Department: p.Department, Location: p.Location,
		Timezone: p.Timezone, Interests: strings.Join(p.Interests, ", "), Language: p.Language}
}

// patch sets every field of the person from the form.
func (f personForm) patch() models.PersonPatch {
	interests := splitList(f.Interests, false)
	return models.PersonPatch{Email: &f.Email, Name: &f.Name, Department: &f.Department, Location: &f.Location,
		Timezone: &f.Timezone, Interests: &interests, Language: &f.Language}
}

// PersonPage shows a person with the edit form.
func (h *Handlers) PersonPage(c echo.Context) error {
	per, err := h.Store.GetPerson(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	return h.renderPerson(c, http.StatusOK, per, formOfPerson(per), nil)
}

// renderPerson renders the person page with a form and its errors.
func (h *Handlers) renderPerson(c echo.Context, status int, per models.Person, f personForm, fe models.FieldErrors) error {
	p := h.newPage(c, "person.title", "people")
	if per.Name != "" {
		p.Title = per.Name
	}
	p.Form, p.Errors = f, fe
	rec, err := h.Store.PersonRecord(c.Request().Context(), per.TeamID, per.ID)
	if err != nil {
		return err
	}
	p.Data = map[string]any{"Here": "people", "Person": per, "Zones": commonTimezones, "Languages": models.PersonLanguages, "Record": rec}
	return h.render(c, status, "person", p)
}

// PersonUpdate saves the edit form; invalid input comes back with 422 and the input kept.
func (h *Handlers) PersonUpdate(c echo.Context) error {
	u, ctx := currentUser(c), c.Request().Context()
	per, err := h.Store.GetPerson(ctx, u.TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	var f personForm
	if err := bindForm(c, &f); err != nil {
		return err
	}
	_, err = h.Store.UpdatePerson(ctx, u.TeamID, u.ID, per.ID, f.patch())
	if fe := fieldErrors(err); fe != nil {
		return h.renderPerson(c, http.StatusUnprocessableEntity, per, f, fe)
	}
	if err != nil {
		return err
	}
	h.flash(c, "person.saved")
	return redirect(c, "/people/"+per.ID)
}

// PersonDeleteConfirm asks before erasing a person.
func (h *Handlers) PersonDeleteConfirm(c echo.Context) error {
	per, err := h.Store.GetPerson(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	p := h.newPage(c, "person.erase.title", "people")
	p.Data = map[string]any{"Here": "people", "Person": per}
	return h.render(c, http.StatusOK, "person_delete", p)
}

// PersonErase erases a person and their data everywhere.
func (h *Handlers) PersonErase(c echo.Context) error {
	u := currentUser(c)
	if err := h.Store.ErasePerson(c.Request().Context(), u.TeamID, u.ID, c.Param("id")); err != nil {
		return err
	}
	h.flash(c, "person.erased")
	return redirect(c, "/people")
}
