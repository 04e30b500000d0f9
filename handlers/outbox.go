package handlers

import (
	"net/http"
	"net/url"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/google/uuid"
	"github.com/labstack/echo/v4"
)

// outboxRoutes adds the outbox pages to the logged-in UI group.
func (h *Handlers) outboxRoutes(ui *echo.Group) {
	ui.GET("/outbox", h.OutboxPage)
	ui.POST("/outbox/test", h.SendTestMail)
	ui.GET("/outbox/:id", h.OutboxMessagePage)
	ui.POST("/outbox/:id/retry", h.RetryOutboxMessage)
}

// outboxAPIRoutes adds the outbox API to the /api/v1 group.
func (h *Handlers) outboxAPIRoutes(api *echo.Group) {
	api.GET("/outbox", h.APIListOutbox)
	api.POST("/outbox/:id/retry", h.APIRetryOutbox)
}

// outboxFilter reads ?status= and ?meetup_id=.
func outboxFilter(c echo.Context) models.OutboxFilter {
	return models.OutboxFilter{Status: c.QueryParam("status"), MeetupID: c.QueryParam("meetup_id")}
}

// OutboxPage lists the team's mail with its status, newest first, filtered by status and meetup.
func (h *Handlers) OutboxPage(c echo.Context) error {
	u := currentUser(c)
	ctx := c.Request().Context()
	f := outboxFilter(c)
	rows, next, err := h.Store.ListOutbox(ctx, u.TeamID, f, models.Page{Cursor: c.QueryParam("cursor")})
	if err != nil {
		return err
	}
	meetups, _, err := h.Store.ListMeetups(ctx, u.TeamID, models.Page{Limit: models.MaxLimit})
	if err != nil {
		return err
	}
	p := h.newPage(c, "outbox.title", "outbox")
	p.Data = map[string]any{"Rows": outboxViews(rows, meetups), "Filter": f, "Statuses": models.OutboxStatuses,
		"Meetups": meetups, "Next": nextOutboxURL(f, next), "Nonce": uuid.NewString(), "Back": c.Request().URL.RequestURI()}
	return h.render(c, http.StatusOK, "outbox", p)
}

// outboxView is a listed message with the title of its meetup.
type outboxView struct {
	models.OutboxRow
	Meetup string
}

// outboxViews pairs each row with its meetup's title.
func outboxViews(rows []models.OutboxRow, meetups []models.Meetup) []outboxView {
	titles := make(map[string]string, len(meetups))
	for _, m := range meetups {
		titles[m.ID] = m.Title
	}
	out := make([]outboxView, len(rows))
	for i, r := range rows {
		out[i].OutboxRow = r
		if r.MeetupID != nil {
			out[i].Meetup = titles[*r.MeetupID]
		}
	}
	return out
}

// nextOutboxURL is the link to the next page, keeping the filters; "" when there is none.
func nextOutboxURL(f models.OutboxFilter, cursor string) string {
	if cursor == "" {
		return ""
	}
	q := url.Values{"cursor": {cursor}}
	if f.Status != "" {
		q.Set("status", f.Status)
	}
	if f.MeetupID != "" {
		q.Set("meetup_id", f.MeetupID)
	}
	return "/outbox?" + q.Encode()
}

// viewerCSP lets the mail's own inline styles apply inside the sandboxed frame; remote images,
// scripts and everything else stay blocked.
const viewerCSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; " +
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// OutboxMessagePage shows one message as the recipient sees it: the HTML in a sandboxed frame,
// the text part and the invitation's summary.
func (h *Handlers) OutboxMessagePage(c echo.Context) error {
	r, err := h.Store.GetOutbox(c.Request().Context(), currentUser(c).TeamID, c.Param("id"))
	if err != nil {
		return err
	}
	p := h.newPage(c, "outbox.message.title", "outbox")
	data := map[string]any{"Row": r}
	if r.ICS != "" {
		data["Invite"] = mailer.SummarizeInvite(r.ICS)
	}
	p.Data = data
	c.Response().Header().Set("Content-Security-Policy", viewerCSP)
	return h.render(c, http.StatusOK, "outbox_message", p)
}

// RetryOutboxMessage queues a failed or held message again and goes back to where the organiser was.
func (h *Handlers) RetryOutboxMessage(c echo.Context) error {
	u := currentUser(c)
	if _, err := h.Store.RetryOutbox(c.Request().Context(), u.TeamID, u.ID, c.Param("id")); err != nil {
		return err
	}
	h.flash(c, "outbox.flash.retried")
	return redirect(c, backToOutbox(c.FormValue("back")))
}

// backToOutbox keeps a return path only when it is an outbox page of this site.
func backToOutbox(back string) string {
	if u, err := url.Parse(back); err == nil && u.Host == "" && u.Scheme == "" && u.Path == "/outbox" {
		return u.RequestURI()
	}
	return "/outbox"
}
