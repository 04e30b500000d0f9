package models_test

import (
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/internal/textfold"
)

// TestSearchFoldIsTextfold: the database's search_fold (migration 00012) folds every code point
// a text can hold, and a few whole names, exactly as textfold.Fold does.
func TestSearchFoldIsTextfold(t *testing.T) {
	s := testutil.DB(t)
	var ctype string
	if err := s.DB.Get(&ctype, `SELECT datctype FROM pg_database WHERE datname = current_database()`); err != nil {
		t.Fatal(err)
	}
	rows, err := s.DB.Query(`SELECT r, search_fold(chr(r)) FROM generate_series(1, 1114111) r
		WHERE r NOT BETWEEN 55296 AND 57343`) // UTF-16 surrogates are no characters
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	bad := 0
	for rows.Next() {
		var r rune
		var got string
		if err := rows.Scan(&r, &got); err != nil {
			t.Fatal(err)
		}
		if want := textfold.Fold(string(r)); got != want && bad < 20 {
			bad++
			t.Errorf("U+%04X %q: search_fold %q, textfold %q (LC_CTYPE %s)", r, string(r), got, want, ctype)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Zoë Ærø", "JOSÉ García", "Ёлка ЁЛКА", "Mu\u0308ller STRAẞE", "Łukasz Øster", "İstanbul ΣΑΣ", "\u0301é"} {
		var got string
		if err := s.DB.Get(&got, `SELECT search_fold($1)`, name); err != nil {
			t.Fatal(err)
		}
		if want := textfold.Fold(name); got != want {
			t.Errorf("%q: search_fold %q, textfold %q", name, got, want)
		}
	}
}
