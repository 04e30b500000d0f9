// Package mailer builds Convene's mail: iCalendar invites, rendered templates and their delivery.
package mailer

import (
	"bytes"
	"errors"
	"fmt"
	netmail "net/mail"
	"strings"
	"time"

	"github.com/wneessen/go-mail"
)

// ErrBadMessage means a message cannot be built (a bad address, a calendar without a method):
// sending it again will not help.
var ErrBadMessage = errors.New("mailer: message cannot be built")

// Message is one rendered mail, ready to be built into MIME and sent.
type Message struct {
	From, ToEmail, ToName, Subject, Text, HTML string
	ReplyTo                                    string // "" for none
	ICS                                        []byte
	ICSMethod                                  string
	MessageID                                  string
	Date                                       time.Time
}

// Build makes the go-mail message: text and HTML alternatives, and with ICS the layout calendar
// clients expect — multipart/mixed { multipart/alternative { text/plain, text/html,
// text/calendar; method=X }, invite.ics (application/ics) }. CR, LF and NUL never reach a header.
func (m Message) Build() (*mail.Msg, error) {
	msg := mail.NewMsg()
	from, err := netmail.ParseAddress(headerText(m.From))
	if err != nil {
		return nil, fmt.Errorf("%w: from: %w", ErrBadMessage, err)
	}
	to, err := netmail.ParseAddress(headerText(m.ToEmail))
	if err != nil {
		return nil, fmt.Errorf("%w: to: %w", ErrBadMessage, err)
	}
	to.Name = headerText(m.ToName)
	msg.FromMailAddress(from)
	msg.AddToMailAddress(to)
	if m.ReplyTo != "" {
		if err := msg.ReplyTo(headerText(m.ReplyTo)); err != nil {
			return nil, fmt.Errorf("%w: reply-to: %w", ErrBadMessage, err)
		}
	}
	msg.Subject(headerText(m.Subject))
	if id := strings.Trim(headerText(m.MessageID), "<> "); id != "" {
		msg.SetMessageIDWithValue(id)
	}
	date := m.Date
	if date.IsZero() {
		date = time.Now()
	}
	msg.SetDateWithValue(date)
	msg.SetBodyWriter(mail.TypeTextPlain, stringWriter(m.Text))
	if m.HTML != "" {
		msg.AddAlternativeWriter(mail.TypeTextHTML, stringWriter(m.HTML))
	}
	if len(m.ICS) > 0 {
		if err := addInvite(msg, m.ICS, m.ICSMethod); err != nil {
			return nil, err
		}
	}
	return msg, nil
}

// addInvite adds the calendar alternative, its method equal to the METHOD inside, and the
// invite.ics attachment.
func addInvite(msg *mail.Msg, ics []byte, method string) error {
	inside := ICSMethod(ics)
	if inside == "" {
		return fmt.Errorf("%w: the calendar has no METHOD", ErrBadMessage)
	}
	if method != "" && !strings.EqualFold(method, inside) {
		return fmt.Errorf("%w: method %q but the calendar says METHOD:%s", ErrBadMessage, method, inside)
	}
	msg.AddAlternativeWriter(mail.ContentType("text/calendar; method="+inside), bytesWriter(ics))
	msg.AttachReadSeeker("invite.ics", bytes.NewReader(ics), mail.WithFileContentType("application/ics"))
	return nil
}
