package mailer

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFold checks that folding loses nothing, keeps lines ≤ 75 octets and cuts only between characters.
// `go test` runs the seeds; `go test -fuzz FuzzFold ./mailer/` explores further.
func FuzzFold(f *testing.F) {
	for _, seed := range []string{
		"", "a", strings.Repeat("a", 74), strings.Repeat("a", 75), strings.Repeat("a", 76),
		strings.Repeat("x", 1000), strings.Repeat("Ж", 200), strings.Repeat("a€", 100),
		strings.Repeat("🎉", 100), strings.Repeat("a", 73) + "🎉🎉", strings.Repeat(" ", 160),
		"DESCRIPTION:" + cyrillicText(300), "\xff\xfe" + strings.Repeat("Ж\x80", 60) + "\xf0\x9f",
		strings.Repeat("a", 74) + " " + strings.Repeat("b", 80),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, x string) {
		if strings.ContainsAny(x, "\r\n") {
			t.Skip("a content line holds no line break")
		}
		checkFolded(t, x, string(foldLines([]byte(x))))
	})
}

// checkFolded checks one folded content line against the original.
func checkFolded(t *testing.T, x, folded string) {
	t.Helper()
	if got := unfold(folded); got != x {
		t.Fatalf("unfold(fold(x)) != x:\n x %q\ngot %q", x, got)
	}
	starts := runeStarts(x)
	offset := 0
	for i, l := range strings.Split(folded, "\r\n") {
		if len(l) > maxLineOctets {
			t.Fatalf("line %d has %d octets", i, len(l))
		}
		if i > 0 {
			if !strings.HasPrefix(l, " ") {
				t.Fatalf("continuation line %d does not start with a space: %q", i, l)
			}
			l = l[1:]
			if !starts[offset] {
				t.Fatalf("cut at octet %d is inside a UTF-8 character", offset)
			}
		}
		if utf8.ValidString(x) && !utf8.ValidString(l) {
			t.Fatalf("line %d is not valid UTF-8: %q", i, l)
		}
		offset += len(l)
	}
}

// runeStarts marks the octet offsets of x where a character (or a stray byte) begins, and len(x).
func runeStarts(x string) map[int]bool {
	m := map[int]bool{len(x): true}
	for i := 0; i < len(x); {
		m[i] = true
		_, size := utf8.DecodeRuneInString(x[i:])
		i += size
	}
	return m
}

// TestFoldKeepsCRLF checks that a whole calendar keeps its line structure and final CRLF.
func TestFoldKeepsCRLF(t *testing.T) {
	in := "BEGIN:VCALENDAR\r\nX:" + strings.Repeat("ё", 100) + "\r\n\r\nEND:VCALENDAR\r\n"
	out := string(foldLines([]byte(in)))
	if unfold(out) != in || !strings.HasSuffix(out, "END:VCALENDAR\r\n") {
		t.Fatalf("fold changed the calendar: %q", out)
	}
}
