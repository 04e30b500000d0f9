package handlers

import (
	"net/url"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
)

// defaultMailFrom is used when the deployment gives no CONVENE_MAIL_FROM.
const defaultMailFrom = "Convene <convene@localhost>"

// SendTestMail enqueues a "test" mail to the logged-in organiser. The form's nonce is the
// idempotency key, so a double click enqueues one mail.
func (h *Handlers) SendTestMail(c echo.Context) error {
	u := currentUser(c)
	nonce := c.FormValue("nonce")
	if !models.IsUUID(nonce) {
		return models.Invalid(models.FieldErrors{"nonce": "invalid"})
	}
	subject, text, html, err := mailer.ComposeTestMail(u.Lang, displayName(u), h.Cfg.BaseURL)
	if err != nil {
		return err
	}
	m := models.OutboxMessage{TeamID: u.TeamID, Kind: "test", Lang: u.Lang, IdempotencyKey: "test:" + u.ID + ":" + nonce,
		ToEmail: u.Email, ToName: u.Name, From: h.mailFrom(), Subject: subject, Text: text, HTML: html,
		MessageIDHost: baseHost(h.Cfg.BaseURL)}
	ctx := c.Request().Context()
	created := false
	err = h.Store.InTx(ctx, func(tx *sqlx.Tx) error {
		var id string
		var err error
		if id, created, err = models.Enqueue(ctx, tx, m); err != nil || !created {
			return err
		}
		return models.Audit(ctx, tx, u.TeamID, u.ID, "outbox.test", id, nil)
	})
	if err != nil {
		return err
	}
	if created {
		h.flash(c, "outbox.flash.test_queued")
	}
	return redirect(c, "/outbox")
}

// displayName is how a user is greeted: their name, else their address.
func displayName(u *models.User) string {
	if u.Name != "" {
		return u.Name
	}
	return u.Email
}

// mailFrom is the configured From, or the default.
func (h *Handlers) mailFrom() string {
	if h.Cfg.MailFrom != "" {
		return h.Cfg.MailFrom
	}
	return defaultMailFrom
}

// baseHost is the host name (no port) of the base URL, for Message-IDs.
func baseHost(base string) string {
	if u, err := url.Parse(base); err == nil {
		return u.Hostname()
	}
	return ""
}
