package handlers

import (
	"net/http"
	"time"

	"github.com/convene/convene/models"
	"github.com/labstack/echo/v4"
)

// outboxItem is one message in the outbox API.
type outboxItem struct {
	ID        string     `json:"id"`
	MeetupID  *string    `json:"meetup_id"`
	Kind      string     `json:"kind"`
	To        string     `json:"to"`
	Subject   string     `json:"subject"`
	Status    string     `json:"status"`
	Attempts  int        `json:"attempts"`
	LastError string     `json:"last_error"`
	SentAt    *time.Time `json:"sent_at"`
	CreatedAt time.Time  `json:"created_at"`
}

// newOutboxItem shapes a row for the API.
func newOutboxItem(r models.OutboxRow) outboxItem {
	return outboxItem{ID: r.ID, MeetupID: r.MeetupID, Kind: r.Kind, To: r.ToEmail, Subject: r.Subject, Status: r.Status,
		Attempts: r.Attempts, LastError: r.LastError, SentAt: r.SentAt, CreatedAt: r.CreatedAt}
}

// APIListOutbox lists the team's mail, newest first: ?status=, ?meetup_id=, ?limit=, ?cursor=.
func (h *Handlers) APIListOutbox(c echo.Context) error {
	pg, err := pageParams(c)
	if err != nil {
		return err
	}
	rows, next, err := h.Store.ListOutbox(c.Request().Context(), currentUser(c).TeamID, outboxFilter(c), pg)
	if err != nil {
		return err
	}
	items := make([]outboxItem, len(rows))
	for i, r := range rows {
		items[i] = newOutboxItem(r)
	}
	return c.JSON(http.StatusOK, listResponse[outboxItem]{Items: items, NextCursor: next})
}

// APIRetryOutbox queues a failed (or held) message again.
func (h *Handlers) APIRetryOutbox(c echo.Context) error {
	u := currentUser(c)
	r, err := h.Store.RetryOutbox(c.Request().Context(), u.TeamID, u.ID, c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, newOutboxItem(r))
}
