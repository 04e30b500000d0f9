package handlers

import (
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// audienceInput is the JSON of an audience.
type audienceInput struct {
	Name        string   `json:"name"`
	Departments []string `json:"departments"`
	Locations   []string `json:"locations"`
	Interests   []string `json:"interests"`
	Include     []string `json:"include"`
	Exclude     []string `json:"exclude"`
}

// audience turns the input into an audience.
func (in audienceInput) audience() models.Audience {
	return models.Audience{Name: in.Name, Departments: in.Departments, Locations: in.Locations,
		Interests: in.Interests, IncludeEmails: in.Include, ExcludeEmails: in.Exclude}
}

// audienceSize is the answer to saving an audience.
type audienceSize struct {
	ID   string `json:"id"`
	Size int    `json:"size"`
}

// audienceView is an audience with its size and profile.
type audienceView struct {
	models.Audience
	Size    int             `json:"size"`
	Profile *models.Profile `json:"profile,omitempty"`
}

// APICreateAudience saves a segment and answers its id and size.
func (h *Handlers) APICreateAudience(c echo.Context) error {
	var in audienceInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u, ctx := currentUser(c), c.Request().Context()
	id, err := h.Store.CreateAudienceBy(ctx, u.TeamID, u.ID, in.audience())
	if err != nil {
		return err
	}
	a, err := h.Store.GetAudience(ctx, u.TeamID, id)
	if err != nil {
		return err
	}
	n, err := h.Store.CountMembers(ctx, u.TeamID, a)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, audienceSize{ID: id, Size: n})
}

// APIUpdateAudience replaces a segment and answers its id and size.
func (h *Handlers) APIUpdateAudience(c echo.Context) error {
	var in audienceInput
	if err := bindJSON(c, &in); err != nil {
		return err
	}
	u, ctx := currentUser(c), c.Request().Context()
	if err := h.Store.UpdateAudience(ctx, u.TeamID, u.ID, c.Param("id"), in.audience()); err != nil {
		return err
	}
	v, err := h.audienceView(c, c.Param("id"), false)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, audienceSize{ID: v.ID, Size: v.Size})
}

// APIGetAudience returns a segment with its profile.
func (h *Handlers) APIGetAudience(c echo.Context) error {
	v, err := h.audienceView(c, c.Param("id"), true)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}

// audienceView loads an audience of the team with its size, and its profile when asked.
func (h *Handlers) audienceView(c echo.Context, id string, withProfile bool) (audienceView, error) {
	teamID, ctx := currentUser(c).TeamID, c.Request().Context()
	a, err := h.Store.GetAudience(ctx, teamID, id)
	if err != nil {
		return audienceView{}, err
	}
	if !withProfile {
		n, err := h.Store.CountMembers(ctx, teamID, a)
		return audienceView{Audience: a, Size: n}, err
	}
	pr, err := h.Store.AudienceProfile(ctx, teamID, a)
	return audienceView{Audience: a, Size: pr.Size, Profile: &pr}, err
}

// APIListAudiences lists the team's segments with their sizes.
func (h *Handlers) APIListAudiences(c echo.Context) error {
	items, err := h.audienceList(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listResponse[audienceView]{Items: items})
}

// audienceList loads every audience of the team with its size.
func (h *Handlers) audienceList(c echo.Context) ([]audienceView, error) {
	teamID, ctx := currentUser(c).TeamID, c.Request().Context()
	list, err := h.Store.ListAudiences(ctx, teamID)
	if err != nil {
		return nil, err
	}
	out := make([]audienceView, len(list))
	for i, a := range list {
		n, err := h.Store.CountMembers(ctx, teamID, a)
		if err != nil {
			return nil, err
		}
		out[i] = audienceView{Audience: a, Size: n}
	}
	return out, nil
}

// APIAudienceMembers lists one page of an audience's members by name.
func (h *Handlers) APIAudienceMembers(c echo.Context) error {
	pg, err := pageParams(c)
	if err != nil {
		return err
	}
	teamID, ctx := currentUser(c).TeamID, c.Request().Context()
	a, err := h.Store.GetAudience(ctx, teamID, c.Param("id"))
	if err != nil {
		return err
	}
	items, next, err := h.Store.ListMembers(ctx, teamID, a, pg)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, listResponse[models.Person]{Items: items, NextCursor: next})
}
