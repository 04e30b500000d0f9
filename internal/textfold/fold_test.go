package textfold

import "testing"

// TestFold: case and accents go, letters without a mark become their Latin neighbours, and
// text typed decomposed folds as text typed precomposed.
func TestFold(t *testing.T) {
	cases := map[string]string{
		"Müller":          "muller",
		"García":          "garcia",
		"GARCÍA":          "garcia",
		"Straße":          "strasse",
		"STRASSE":         "strasse",
		"Søren Łukasz":    "soren lukasz",
		"Mu\u0308ller":    "muller",
		"Ærø":             "aero",
		"Фёдор Йоффе":     "федор иоффе",
		"ann@Example.com": "ann@example.com",
	}
	for in, want := range cases {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestContains finds either way round: accents typed or not, in the text or not.
func TestContains(t *testing.T) {
	for _, c := range []struct {
		text, query string
		want        bool
	}{
		{"Anna Müller", "muller", true},
		{"Anna Muller", "müller", true},
		{"José García", "garcia", true},
		{"José García", "", true},
		{"José García", "garcias", false},
	} {
		if got := Contains(c.text, c.query); got != c.want {
			t.Errorf("Contains(%q, %q) = %v", c.text, c.query, got)
		}
	}
}
