package handlers

import (
	"errors"
	"net/http"
	"strings"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// speakerForm is the add/edit form of the directory; expertise is one comma-separated field.
type speakerForm struct {
	Name       string `form:"name"`
	Email      string `form:"email"`
	Language   string `form:"language"`
	Source     string `form:"source"`
	ProfileURL string `form:"profile_url"`
	Expertise  string `form:"expertise"`
	Notes      string `form:"notes"`
}

// input turns the form into the model's input, keeping a staff speaker's link to their person.
func (f speakerForm) input(personID *string) models.SpeakerInput {
	return models.SpeakerInput{Name: f.Name, Email: f.Email, PersonID: personID, Language: f.Language, Source: f.Source,
		ProfileURL: f.ProfileURL, Expertise: []string{f.Expertise}, Notes: f.Notes}
}

// formOf fills the form from a speaker.
func formOf(sp models.Speaker) speakerForm {
	return speakerForm{Name: sp.Name, Email: sp.Email, Language: sp.Language, Source: sp.Source,
		ProfileURL: sp.ProfileURL, Expertise: strings.Join(sp.Expertise, ", "), Notes: sp.Notes}
}

// SpeakersPage lists the team's speakers with expertise and history, and the form to add one.
func (h *Handlers) SpeakersPage(c echo.Context) error {
	return h.renderSpeakers(c, http.StatusOK, speakerForm{Source: "contacts", Language: "en"}, nil)
}

// renderSpeakers renders the directory page with the add form as given; a search or an expertise
// filter that cannot be read comes back with 422 and the q or xp field's error.
func (h *Handlers) renderSpeakers(c echo.Context, status int, f speakerForm, fe models.FieldErrors) error {
	filter := models.SpeakerFilter{Query: c.QueryParam("q"), Expertise: c.QueryParam("expertise")}
	items, next, err := h.Store.ListSpeakers(c.Request().Context(), currentUser(c).TeamID, filter,
		models.Page{Cursor: c.QueryParam("cursor")})
	if bad := fieldErrors(err); bad != nil { // the expertise filter's error is xp: the add form has an expertise field
		fe, status, err = withField(withField(fe, "q", bad["q"]), "xp", bad["expertise"]), http.StatusUnprocessableEntity, nil
		filter.Query, filter.Expertise = readable(filter.Query), readable(filter.Expertise)
	}
	if err != nil {
		return err
	}
	p := h.newPage(c, "speakers.title", "speakers")
	p.Form, p.Errors = f, fe
	p.Data = map[string]any{"Speakers": items, "Next": withCursor(c, "/speakers", next), "Filter": filter,
		"Sources": models.SpeakerSources}
	return h.render(c, status, "speakers", p)
}

// withField is fe with one more field error (fe may be nil; an empty key adds none).
func withField(fe models.FieldErrors, field, key string) models.FieldErrors {
	out := models.FieldErrors{}
	if key != "" {
		out[field] = key
	}
	for k, v := range fe {
		out[k] = v
	}
	return out
}

// CreateSpeaker adds a speaker from the form; invalid input re-renders it with 422.
func (h *Handlers) CreateSpeaker(c echo.Context) error {
	var f speakerForm
	if err := c.Bind(&f); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	_, err := h.Store.CreateSpeaker(c.Request().Context(), currentUser(c).TeamID, f.input(nil))
	if ve := new(models.ValidationError); errors.As(err, &ve) {
		return h.renderSpeakers(c, http.StatusUnprocessableEntity, f, ve.Fields)
	}
	if err != nil {
		return err
	}
	h.flash(c, "speakers.flash.added")
	return redirect(c, "/speakers")
}

// EditSpeakerPage shows one speaker's form and history.
func (h *Handlers) EditSpeakerPage(c echo.Context) error {
	sp, err := h.Store.GetSpeaker(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	return h.renderSpeakerEdit(c, http.StatusOK, sp, formOf(sp), nil)
}

// renderSpeakerEdit renders the edit page.
func (h *Handlers) renderSpeakerEdit(c echo.Context, status int, sp models.Speaker, f speakerForm, fe models.FieldErrors) error {
	p := h.newPage(c, "speakers.edit.title", "speakers")
	p.Form, p.Errors = f, fe
	p.Data = map[string]any{"Speaker": sp, "Sources": models.SpeakerSources}
	return h.render(c, status, "speaker_edit", p)
}

// UpdateSpeaker saves the edit form; invalid input re-renders it with 422.
func (h *Handlers) UpdateSpeaker(c echo.Context) error {
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	sp, err := h.Store.GetSpeaker(ctx, team, c.Param("id"))
	if err != nil {
		return err
	}
	var f speakerForm
	if err := c.Bind(&f); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	_, err = h.Store.UpdateSpeaker(ctx, team, sp.ID, f.input(sp.PersonID))
	if ve := new(models.ValidationError); errors.As(err, &ve) {
		return h.renderSpeakerEdit(c, http.StatusUnprocessableEntity, sp, f, ve.Fields)
	}
	if err != nil {
		return err
	}
	h.flash(c, "speakers.flash.saved")
	return redirect(c, "/speakers")
}
