package models

import (
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"syscall"
	"testing"

	"github.com/lib/pq"
)

// TestMapErrConnectionLossIsUnavailable proves a database that cannot be reached is reported as
// ErrUnavailable (a 503 for the user), whether the driver says so with a code or the network does.
func TestMapErrConnectionLossIsUnavailable(t *testing.T) {
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: &net.AddrError{Err: syscall.ECONNREFUSED.Error(), Addr: "127.0.0.1:5432"}}
	for _, err := range []error{
		fmt.Errorf("query: %w", refused),
		driver.ErrBadConn,
		&pq.Error{Code: "57P01", Message: "terminating connection due to administrator command"},
		&pq.Error{Code: "08006", Message: "connection failure"},
		&pq.Error{Code: "57014", Message: "canceling statement due to statement timeout"},
		&pq.Error{Code: "55P03", Message: "canceling statement due to lock timeout"},
	} {
		if got := mapErr(err); !errors.Is(got, ErrUnavailable) {
			t.Errorf("mapErr(%v) = %v, want ErrUnavailable", err, got)
		}
	}
	if got := mapErr(errors.New("syntax error")); errors.Is(got, ErrUnavailable) {
		t.Errorf("an ordinary error became ErrUnavailable: %v", got)
	}
}

// TestMapErrOutOfRangeIsInvalid proves a number too large for its column (22003) or a string too
// long for it (22001) that slipped past the checks is a refused input (422), never a 500.
func TestMapErrOutOfRangeIsInvalid(t *testing.T) {
	for _, err := range []error{
		&pq.Error{Code: "22003", Message: `value "99999999999999" is out of range for type integer`},
		&pq.Error{Code: "22001", Message: "value too long for type character varying(10)"},
	} {
		if got := mapErr(fmt.Errorf("insert: %w", err)); !errors.Is(got, ErrInvalid) {
			t.Errorf("mapErr(%v) = %v, want ErrInvalid", err, got)
		}
	}
}
