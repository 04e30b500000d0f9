package models

import (
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"

	"github.com/lib/pq"
)

// Sentinel errors that handlers map to HTTP statuses.
var (
	// ErrNotFound means no row matched (or it belongs to another team).
	ErrNotFound = errors.New("not found")
	// ErrConflict means a unique constraint or a state rule refused the change.
	ErrConflict = errors.New("conflict")
	// ErrInvalid means a value was refused by a check in the database.
	ErrInvalid = errors.New("invalid")
	// ErrUnreadable is an ErrInvalid for text that is not UTF-8 (or holds a NUL byte), which
	// PostgreSQL refuses wherever a check of ours did not catch it first.
	ErrUnreadable = fmt.Errorf("%w: text that is not UTF-8", ErrInvalid)
	// ErrUnavailable means the database could not be reached or answer in time.
	ErrUnavailable = errors.New("database unavailable")
)

// FieldErrors maps form or JSON field names to a message key explaining the problem.
type FieldErrors map[string]string

// ValidationError carries field errors for a refused input.
type ValidationError struct {
	Fields FieldErrors
}

// Error lists the fields in error.
func (e *ValidationError) Error() string { return fmt.Sprintf("invalid input: %v", e.Fields) }

// Invalid returns a ValidationError for the given fields, or nil if there are none.
func Invalid(f FieldErrors) error {
	if len(f) == 0 {
		return nil
	}
	return &ValidationError{Fields: f}
}

// mapErr turns driver errors into the package's sentinel errors, keeping the cause.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("%w: %w", ErrNotFound, err)
	}
	if connectionLost(err) {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	var pqErr *pq.Error
	if errors.As(err, &pqErr) {
		switch pqErr.Code {
		case "23505": // unique_violation
			return fmt.Errorf("%w: %w", ErrConflict, err)
		case "23503": // foreign_key_violation
			return fmt.Errorf("%w: %w", ErrNotFound, err)
		case "22021": // a byte sequence that is not UTF-8, or a NUL
			return fmt.Errorf("%w: %w", ErrUnreadable, err)
		case "23514", "22P02", "22007", "22008", "22023", // check, text representation, datetime
			"22003", "22001": // a number out of its column's range, a string too long for it
			return fmt.Errorf("%w: %w", ErrInvalid, err)
		case "57P01", "57P02", "57P03", "08000", "08003", "08006", // shutdown, connection
			"57014", "55P03", "53300": // statement timeout, lock timeout, too many connections
			return fmt.Errorf("%w: %w", ErrUnavailable, err)
		}
	}
	return err
}

// connectionLost reports whether err means the database could not be reached or the connection broke.
func connectionLost(err error) bool {
	var netErr net.Error
	return errors.As(err, &netErr) || errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.ErrUnexpectedEOF)
}
