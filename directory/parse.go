package directory

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"

	"github.com/convene/convene/models"
)

// BadHeader refuses a file whose header line cannot be read.
const BadHeader = "bad_header"

// Row is one good person of the file and the line where its record starts.
type Row struct {
	Line   int
	Person models.Person
}

// Result is what a file holds: the good rows, the skipped ones and the warnings.
type Result struct {
	Rows     []Row
	Errors   []Problem
	Warnings []Problem
}

// People returns the good rows' people, in file order.
func (r *Result) People() []models.Person {
	out := make([]models.Person, len(r.Rows))
	for i, row := range r.Rows {
		out[i] = row.Person
	}
	return out
}

// Parse reads a whole directory file. A file that cannot be read at all is a *FileError and
// nothing of it may be imported; otherwise every bad row is reported in Errors with its line and
// left out, and the good rows are kept. Only the first of two rows with the same address
// (in any case) is kept; the later one is reported.
func Parse(data []byte) (*Result, error) {
	data, err := checkEncoding(data)
	if err != nil {
		return nil, err
	}
	sep := detectSeparator(data)
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comma, cr.FieldsPerRecord, cr.ReuseRecord = sep, -1, true
	h, err := headerOf(cr)
	if err != nil {
		return nil, err
	}
	p := newRowReader(h, sep)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return p.res, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p.res.Errors = append(p.res.Errors, Problem{Line: pe.StartLine, Code: BadQuotes})
			continue
		}
		if err != nil {
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		p.row(rec, line)
	}
}

// headerOf reads the header record and maps its columns.
func headerOf(cr *csv.Reader) (*header, error) {
	rec, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, &FileError{Code: Empty}
	}
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return nil, &FileError{Code: BadHeader, Line: pe.StartLine}
	}
	if err != nil {
		return nil, err
	}
	line, _ := cr.FieldPos(0)
	return readHeader(rec, line)
}
