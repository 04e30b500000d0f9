package mailer

import (
	"maps"
	"strings"
	"testing"
)

// TestNoMailSpeaksOfLinksItHasNot: a mail that says its links are personal has a link, in every
// kind and language (a cancellation has none, and says only why it came).
func TestNoMailSpeaksOfLinksItHasNot(t *testing.T) {
	r := newTestRenderer(t)
	all := sampleData()
	maps.Copy(all, speakerSamples())
	for kind, d := range all {
		for _, lang := range []string{"en", "ru"} {
			m, err := r.Render(kind, lang, d)
			if err != nil {
				t.Fatal(kind, err)
			}
			speaks := strings.Contains(m.Text, "personal") || strings.Contains(m.Text, "личн")
			if speaks && !strings.Contains(m.Text, testBaseURL+"/") {
				t.Errorf("%s (%s) speaks of personal links but has none:\n%s", kind, lang, m.Text)
			}
		}
	}
}
