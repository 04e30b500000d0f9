package handlers_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// suggestedRE finds the name cell of each suggestion on the meetup's speakers page.
var suggestedRE = regexp.MustCompile(`<tr class="suggestion[^"]*">\s*<td>([^<]*?)(?: <span|</td>)`)

// TestSpeakerSuggestionsIgnoreAccentsAndCase: a topic typed without accents suggests the
// speakers whose expertise, and the staff whose interests, carry them ("Analise de dados" finds
// "análise de dados"), and a topic with accents finds interests typed without ("Café com
// código" finds "CAFE"), in the JSON API and on the meetup's speakers page.
func TestSpeakerSuggestionsIgnoreAccentsAndCase(t *testing.T) {
	app := testutil.NewApp(t)
	a := newSpkAPI(t, app, app.User.Email)
	a.speaker("Rui", "rui@example.com", "Análise de dados")
	a.speaker("Olga", "olga@example.com", "javascript")
	spkPerson(t, app, app.Team.ID, "lia@example.com", "Lia", "America/Sao_Paulo", "ANÁLISE DE DADOS")
	spkPerson(t, app, app.Team.ID, "mia@example.com", "Mia", "America/Sao_Paulo", "Segurança")
	spkPerson(t, app, app.Team.ID, "noe@example.com", "Noé", "America/Sao_Paulo", "CAFE")
	cases := []struct{ topic, want string }{
		{"Analise de dados e seguranca", "[Rui Lia Mia]"},
		{"Café com código", "[Noé]"},
	}
	c := loggedIn(t, app)
	for _, tc := range cases {
		m := a.meetup(tc.topic, tc.topic, "America/Sao_Paulo")
		var names []string
		for _, s := range spkItems(a.must(200, "GET", "/api/v1/meetups/"+m+"/speaker-suggestions", nil)) {
			names = append(names, s["name"].(string))
		}
		if fmt.Sprint(names) != tc.want {
			t.Errorf("%q: API suggests %v, want %s", tc.topic, names, tc.want)
		}
		var shown []string
		for _, row := range suggestedRE.FindAllStringSubmatch(c.Get(t, "/meetups/"+m+"/speakers").Body, -1) {
			shown = append(shown, row[1])
		}
		if fmt.Sprint(shown) != tc.want {
			t.Errorf("%q: the speakers page suggests %v, want %s", tc.topic, shown, tc.want)
		}
	}
}
