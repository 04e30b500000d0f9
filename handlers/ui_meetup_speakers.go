package handlers

import (
	"context"
	"net/http"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// meetupSpeakersForm holds the page's forms as the organiser filled them.
type meetupSpeakersForm struct {
	Slot   models.SlotInput
	Brief  string
	Chosen map[string]bool
	Days   int
}

// suggestionRow is a suggestion with its reasons translated.
type suggestionRow struct {
	models.Suggestion
	Why []string
}

// candidateRow is a candidate with the times and slots shown in words.
type candidateRow struct {
	models.Candidate
	Response string
	Slots    []string
	Moved    []string // answers given for a slot's time before a reschedule moved it
}

// MeetupSpeakersPage is the organiser's page of steps 3–5 for one meetup: suggestions, the
// directory, candidate slots with the audience's local times, candidates and the brief.
func (h *Handlers) MeetupSpeakersPage(c echo.Context) error {
	return h.renderMeetupSpeakers(c, http.StatusOK, meetupSpeakersForm{}, nil)
}

// renderMeetupSpeakers builds and renders the page; the forms keep what was typed.
func (h *Handlers) renderMeetupSpeakers(c echo.Context, status int, f meetupSpeakersForm, fe models.FieldErrors) error {
	ctx, team := c.Request().Context(), currentUser(c).TeamID
	m, err := h.Store.GetMeetup(ctx, team, c.Param("id"))
	if err != nil {
		return err
	}
	p := h.newPage(c, "speakers.meetup.title", "meetups")
	d, err := h.meetupSpeakersData(ctx, c, p.Translator, m)
	if err != nil {
		return err
	}
	if f.Brief == "" {
		tr := p.Translator
		if l := c.QueryParam("brief_lang"); l != "" {
			tr = h.Views.NewTranslator(l)
		}
		if f.Brief, err = h.composeBrief(ctx, tr, m, d.slots); err != nil {
			return err
		}
	}
	if f.Days == 0 {
		f.Days = d.FollowUpDays
	}
	p.Title = m.Title
	p.Form, p.Errors, p.Data = f, fe, d
	return h.render(c, status, "meetup_speakers", p)
}

// meetupSpeakersData is everything the page shows.
type meetupSpeakersData struct {
	Meetup       models.Meetup
	Suggestions  []suggestionRow
	Directory    []models.Speaker
	Slots        []slotRow
	Candidates   []candidateRow
	FollowUpDays int
	Lineup       models.SpeakerLineup
	Outside      *outsideView  // talks no longer inside the meetup's time
	Reopened     []reopenedRow // slots free again after a withdrawal, still offered to those asked before
	Moved        []movedRow    // confirmed talks a reschedule moved to a time their speaker has not said suits them
	Closed       bool          // the meetup is cancelled or done: the page shows, and takes no change
	slots        []models.Slot
}

// meetupSpeakersData reads the page's data.
func (h *Handlers) meetupSpeakersData(ctx context.Context, c echo.Context, tr Translator, m models.Meetup) (meetupSpeakersData, error) {
	d := meetupSpeakersData{Meetup: m, Closed: speakerStepsClosed(m)}
	sugg, err := h.suggestions(c, 20)
	if err != nil {
		return d, err
	}
	for _, s := range sugg {
		d.Suggestions = append(d.Suggestions, suggestionRow{Suggestion: s, Why: reasonsText(tr, s.Reasons)})
	}
	if d.Directory, _, err = h.Store.ListSpeakers(ctx, m.TeamID, models.SpeakerFilter{}, models.Page{Limit: models.MaxLimit}); err != nil {
		return d, err
	}
	views, err := h.slotViews(ctx, m.TeamID, m.ID)
	if err != nil {
		return d, err
	}
	for _, v := range views {
		d.slots = append(d.slots, v.Slot)
		d.Slots = append(d.Slots, newSlotRow(tr, v, m.Timezone))
	}
	cands, err := h.Store.ListCandidates(ctx, m.TeamID, m.ID)
	if err != nil {
		return d, err
	}
	d.Candidates = candidateRows(tr, cands, d.slots, m.Timezone)
	if !d.Closed {
		d.Reopened = reopenedRows(tr, cands, d.slots, m.Timezone)
		d.Moved = movedRows(tr, cands, d.slots, m.Timezone)
	}
	d.Directory = notCandidates(d.Directory, cands)
	if d.FollowUpDays, err = h.Store.FollowUpDays(ctx, m.ID); err != nil {
		return d, err
	}
	if d.Lineup, err = h.Store.ConfirmedLineup(ctx, m.TeamID, m.ID); err != nil {
		return d, err
	}
	d.Outside, err = h.slotsOutside(ctx, tr, m)
	return d, err
}

// speakerStepsClosed reports whether the meetup is cancelled or done, so its speakers can no longer change.
func speakerStepsClosed(m models.Meetup) bool {
	return m.Stage == models.StageCancelled || m.Stage == models.StageDone
}
