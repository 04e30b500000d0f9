package smtptest

import (
	"bufio"
	"bytes"
	"io"
	"net/textproto"
	"strings"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// session is one SMTP connection's state.
type session struct {
	s      *Server
	conn   *smtp.Conn
	authed bool
	from   string
	to     []string
}

// Mail starts a transaction, or answers 451 when told to (530 without the AUTH the server wants).
func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.s.user != "" && !ss.authed {
		return smtp.ErrAuthRequired
	}
	if ss.s.takeTempFail() {
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Try again later"}
	}
	ss.from = from
	return nil
}

// Rcpt adds a recipient, or rejects it with 550, or hangs, as told.
func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	reject, hang := ss.s.rcptFault(to)
	if hang {
		<-ss.s.release
		return &smtp.SMTPError{Code: 421, EnhancedCode: smtp.EnhancedCode{4, 4, 2}, Message: "Closing"}
	}
	if reject {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "<" + to + ">: mailbox unavailable"}
	}
	ss.to = append(ss.to, to)
	return nil
}

// Data reads the message and records it, or drops the connection before answering when told to.
func (ss *session) Data(r io.Reader) error {
	_, tls := ss.conn.TLSConnectionState()
	m := Message{From: ss.from, To: ss.to, TLS: tls, Authed: ss.authed}
	var err error
	if ss.s.keepRaw {
		if m.Raw, err = io.ReadAll(r); err == nil {
			m.MessageID = messageID(bytes.NewReader(m.Raw))
		}
	} else {
		m.MessageID = messageID(r)
		_, err = io.Copy(io.Discard, r)
	}
	if err != nil {
		return err
	}
	if ss.s.takeDrop() {
		ss.s.record(&ss.s.dropped, m)
		_ = ss.conn.Conn().Close()
		return &smtp.SMTPError{Code: 421, Message: "dropped"}
	}
	ss.s.record(&ss.s.received, m)
	return nil
}

// record appends m to list under the lock.
func (s *Server) record(list *[]Message, m Message) {
	s.mu.Lock()
	*list = append(*list, m)
	s.mu.Unlock()
}

// messageID reads the header section of r and returns its Message-ID.
func messageID(r io.Reader) string {
	h, _ := textproto.NewReader(bufio.NewReader(r)).ReadMIMEHeader()
	return strings.TrimSpace(h.Get("Message-Id"))
}

// Reset ends the transaction.
func (ss *session) Reset() { ss.from, ss.to = "", nil }

// Logout ends the session.
func (ss *session) Logout() error { return nil }

// AuthMechanisms offers PLAIN.
func (ss *session) AuthMechanisms() []string { return []string{sasl.Plain} }

// Auth checks PLAIN credentials against the server's user and password.
func (ss *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if ss.s.user == "" || user != ss.s.user || pass != ss.s.pass {
			return smtp.ErrAuthFailed
		}
		ss.authed = true
		return nil
	}), nil
}
