// Package smtptest runs a real SMTP server (emersion/go-smtp) inside a test process: it records
// what it receives and can be told to misbehave as real servers do.
package smtptest

import (
	"io"
	"log"
	"net"
	"sync"
	"testing"

	"github.com/emersion/go-smtp"
)

// Message is one message the server accepted (or read in full before dropping the connection).
type Message struct {
	From      string
	To        []string
	MessageID string
	TLS       bool   // the session was encrypted
	Authed    bool   // the client had authenticated
	Raw       []byte // nil on a sink, which keeps only the Message-ID
}

// Server is a running SMTP server on 127.0.0.1.
type Server struct {
	Addr    string
	Host    string
	Port    int
	srv     *smtp.Server
	release chan struct{}
	keepRaw bool
	user    string // when set, MAIL needs AUTH PLAIN as user/pass first
	pass    string

	mu       sync.Mutex
	received []Message
	dropped  []Message
	conns    int
	faults   faults
}

// Start runs a server that keeps every raw message; it stops when the test ends.
func Start(tb testing.TB) *Server { return start(tb, true) }

// StartSink runs a server that keeps only each message's Message-ID (for benchmarks).
func StartSink(tb testing.TB) *Server { return start(tb, false) }

func start(tb testing.TB, keepRaw bool) *Server {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("smtptest: listen: %v", err)
	}
	s := newServer(keepRaw)
	s.serve(tb, l)
	return s
}

// newServer makes a server, not yet listening.
func newServer(keepRaw bool) *Server {
	s := &Server{release: make(chan struct{}), keepRaw: keepRaw, faults: newFaults()}
	s.srv = smtp.NewServer(smtp.BackendFunc(s.newSession))
	s.srv.Domain = "smtptest.local"
	s.srv.MaxMessageBytes = 32 << 20
	s.srv.MaxRecipients = 100
	s.srv.ErrorLog = log.New(io.Discard, "", 0)
	return s
}

// serve runs the server on l until the test ends.
func (s *Server) serve(tb testing.TB, l net.Listener) {
	addr := l.Addr().(*net.TCPAddr)
	s.Addr, s.Host, s.Port = addr.String(), "127.0.0.1", addr.Port
	go func() { _ = s.srv.Serve(l) }()
	tb.Cleanup(s.Close)
}

// URL is the SMTP_URL of the server (plain smtp://, no TLS offered).
func (s *Server) URL() string { return "smtp://" + s.Addr }

// Close releases hanging sessions and stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	select {
	case <-s.release:
	default:
		close(s.release)
	}
	s.mu.Unlock()
	_ = s.srv.Close()
}

// newSession starts a session for a new connection.
func (s *Server) newSession(c *smtp.Conn) (smtp.Session, error) {
	s.mu.Lock()
	s.conns++
	s.mu.Unlock()
	return &session{s: s, conn: c}, nil
}

// Messages returns what was accepted so far, in order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.received...)
}

// Dropped returns the messages read in full whose connection was then dropped before the 250.
func (s *Server) Dropped() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.dropped...)
}

// Count is how many messages were accepted.
func (s *Server) Count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.received)
}

// Conns is how many connections were opened.
func (s *Server) Conns() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns
}

// ByMessageID counts accepted messages per Message-ID.
func (s *Server) ByMessageID() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.received))
	for _, m := range s.received {
		out[m.MessageID]++
	}
	return out
}
