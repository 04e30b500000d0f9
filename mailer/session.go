package mailer

import (
	"context"
	"errors"
	"time"

	"github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// NewClient makes a go-mail client for cfg whose every send must finish within timeout. It sends
// no NOOP before and no RSET after each message: a dead session is found by the next command
// and redialled, and the session is reset after any error instead.
func NewClient(cfg SMTPConfig, timeout time.Duration) (*mail.Client, error) {
	opts := []mail.Option{mail.WithPort(cfg.Port), mail.WithTimeout(timeout), mail.WithTLSPolicy(cfg.TLSPolicy),
		mail.WithoutNoop(), mail.WithoutRset()}
	if cfg.ImplicitTLS {
		opts = append(opts, mail.WithSSL())
	}
	if cfg.TLSConfig != nil {
		opts = append(opts, mail.WithTLSConfig(cfg.TLSConfig))
	}
	if cfg.Username != "" {
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover),
			mail.WithUsername(cfg.Username), mail.WithPassword(cfg.Password))
	}
	return mail.NewClient(cfg.Host, opts...)
}

// quitTimeout bounds the goodbye to a server.
const quitTimeout = 2 * time.Second

// session is one worker's SMTP connection: dialled on first use, reused across messages,
// reset or redialled after any error.
type session struct {
	client *mail.Client
	conn   *smtp.Client
}

// dialError is a failure to reach the server at all (refused, unreachable, timed out, TLS or
// AUTH refused): the next message would fail the same way, so the worker pauses.
type dialError struct{ err error }

func (e dialError) Error() string { return "cannot reach the SMTP server: " + e.err.Error() }
func (e dialError) Unwrap() error { return e.err }

// send delivers msg, dialling first when needed; cancelling ctx aborts it at once.
func (s *session) send(ctx context.Context, msg *mail.Msg) error {
	reused := s.conn != nil
	err := s.attempt(ctx, msg)
	if err != nil && reused && staleSession(err) {
		s.drop() // the server closed the idle session before we said anything: redial once
		err = s.attempt(ctx, msg)
	}
	if err != nil {
		s.recover(err)
	}
	return err
}

// attempt dials if needed and sends once.
func (s *session) attempt(ctx context.Context, msg *mail.Msg) error {
	if s.conn == nil {
		c, err := s.client.DialToSMTPClientWithContext(ctx)
		if err != nil {
			return dialError{err}
		}
		s.conn = c
	}
	conn := s.conn
	stop := context.AfterFunc(ctx, func() { _ = conn.Text.Close() })
	defer stop()
	return s.client.SendWithSMTPClient(conn, msg)
}

// recover resets the session after an error: RSET when the server answered a command and the
// session is sound, else the connection is closed and the next message dials again.
func (s *session) recover(err error) {
	var se *mail.SendError
	if s.conn != nil && errors.As(err, &se) && se.ErrorCode() != 0 && answeredCommand(se.Reason) {
		if s.conn.Reset() == nil {
			return
		}
	}
	s.drop()
}

// answeredCommand tells the failures after which the server waits for the next command.
func answeredCommand(r mail.SendErrReason) bool {
	return r == mail.ErrSMTPMailFrom || r == mail.ErrSMTPRcptTo || r == mail.ErrSMTPData || r == mail.ErrSMTPDataClose
}

// staleSession tells a reused session the server had closed: the first command found no peer.
func staleSession(err error) bool {
	var se *mail.SendError
	return errors.As(err, &se) && se.ErrorCode() == 0 && (se.Reason == mail.ErrSMTPMailFrom || se.Reason == mail.ErrConnCheck)
}

// drop closes the connection without a goodbye.
func (s *session) drop() {
	if s.conn != nil {
		_ = s.conn.Text.Close()
		s.conn = nil
	}
}

// close says QUIT (waiting at most quitTimeout for the answer) and closes the connection.
func (s *session) close() {
	if s.conn != nil {
		_ = s.conn.UpdateDeadline(quitTimeout)
		_ = s.client.CloseWithSMTPClient(s.conn)
		s.drop()
	}
}
