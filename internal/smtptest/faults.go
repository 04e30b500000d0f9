package smtptest

import (
	"strings"
)

// faults are the misbehaviours the server has been told to show.
type faults struct {
	tempFails int             // MAIL commands still to answer 451
	reject    map[string]bool // recipients answered 550
	hang      map[string]int  // recipient → how many more times RCPT hangs
	drops     int             // messages still to read in full and drop before the 250
}

func newFaults() faults { return faults{reject: map[string]bool{}, hang: map[string]int{}} }

// TempFail answers the next n MAIL commands with 451.
func (s *Server) TempFail(n int) {
	s.mu.Lock()
	s.faults.tempFails = n
	s.mu.Unlock()
}

// Reject answers RCPT for addr with 550 from now on.
func (s *Server) Reject(addr string) {
	s.mu.Lock()
	s.faults.reject[strings.ToLower(addr)] = true
	s.mu.Unlock()
}

// Hang makes RCPT for addr hang (no answer until the server closes) the next times times.
func (s *Server) Hang(addr string, times int) {
	s.mu.Lock()
	s.faults.hang[strings.ToLower(addr)] = times
	s.mu.Unlock()
}

// DropBeforeOK makes the server read the next n messages in full, then close the connection
// instead of answering 250.
func (s *Server) DropBeforeOK(n int) {
	s.mu.Lock()
	s.faults.drops = n
	s.mu.Unlock()
}

// takeTempFail reports whether this MAIL command must get a 451.
func (s *Server) takeTempFail() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.faults.tempFails > 0 {
		s.faults.tempFails--
		return true
	}
	return false
}

// rcptFault says whether RCPT for addr is rejected or must hang.
func (s *Server) rcptFault(addr string) (reject, hang bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	addr = strings.ToLower(addr)
	if s.faults.hang[addr] > 0 {
		s.faults.hang[addr]--
		return false, true
	}
	return s.faults.reject[addr], false
}

// takeDrop reports whether this message's connection must be dropped before the 250.
func (s *Server) takeDrop() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.faults.drops > 0 {
		s.faults.drops--
		return true
	}
	return false
}
