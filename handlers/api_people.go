package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// personInput is the JSON of a new person.
type personInput struct {
	Email      string   `json:"email"`
	Name       string   `json:"name"`
	Department string   `json:"department"`
	Location   string   `json:"location"`
	Timezone   string   `json:"timezone"`
	Interests  []string `json:"interests"`
	Language   string   `json:"language"`
}

// peopleFilter reads the list filters from the query string.
func peopleFilter(c echo.Context) models.PeopleFilter {
	return models.PeopleFilter{Q: c.QueryParam("q"), Department: c.QueryParam("department"),
		Location: c.QueryParam("location"), Interest: c.QueryParam("interest")}
}

// APIListPeople lists the team's people by name: ?q=, ?department=, ?location=, ?interest=, paged.
func (h *Handlers) APIListPeople(c echo.Context) error {
	pg, err := pageParams(c)
	if err != nil {
		return err
	}
	items, next, err := h.Store.ListPeople(c.Request().Context(), currentUser(c).TeamID, peopleFilter(c), pg)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listResponse[models.Person]{Items: items, NextCursor: next})
}

// APICreatePerson adds one person to the directory.
func (h *Handlers) APICreatePerson(c echo.Context) error {
	var in personInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u := currentUser(c)
	p, err := h.Store.CreatePerson(c.Request().Context(), u.TeamID, u.ID, in.person())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, p)
}

// person turns the input into a person.
func (in personInput) person() models.Person {
	return models.Person{Email: in.Email, Name: in.Name, Department: in.Department, Location: in.Location,
		Timezone: in.Timezone, Interests: in.Interests, Language: in.Language}
}

// APIGetPerson returns one person of the team.
func (h *Handlers) APIGetPerson(c echo.Context) error {
	p, err := h.Store.GetPerson(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

// APIUpdatePerson changes the fields given.
func (h *Handlers) APIUpdatePerson(c echo.Context) error {
	var pp models.PersonPatch
	if err := bindJSON(c, &pp); err != nil {
		return err
	}
	u := currentUser(c)
	p, err := h.Store.UpdatePerson(c.Request().Context(), u.TeamID, u.ID, c.Param("id"), pp)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

// APIErasePerson erases a person and their data everywhere.
func (h *Handlers) APIErasePerson(c echo.Context) error {
	u := currentUser(c)
	if err := h.Store.ErasePerson(c.Request().Context(), u.TeamID, u.ID, c.Param("id")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}
