package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestSharedSlotLoser: on the lineup form the organiser gives one slot to Xena, Walt and Yuri (who
// reads Russian). The form takes it, as the design allows, but warns that whoever confirms first
// holds the slot. Xena confirms: Walt and Yuri each get a short mail in their language saying the
// slot went to another speaker; their /c/ pages say only that, with what to do next, and offer no
// button; the organiser's candidate table and comparison say "slot taken by another speaker" (and
// in Russian «слот занял другой спикер»), and the lineup is complete.
func TestSharedSlotLoser(t *testing.T) {
	app, a, m, s1, x, w := newSpkSharedSlot(t)
	mail := startMailDelivery(t, app)
	y := spkAnswered(t, app, a, m, "Yuri", "Generics", s1)
	if _, err := a.dbExec(`UPDATE speakers SET language = 'ru' WHERE email = 'yuri@example.com'`); err != nil {
		t.Fatal(err)
	}

	c, _ := organiser(t, app)
	compare := "/meetups/" + m + "/speakers/compare"
	res := formPost(t, c, "/meetups/"+m+"/speakers/lineup", c.Get(t, compare).Body,
		url.Values{"slot_" + x: {s1}, "slot_" + w: {s1}, "slot_" + y: {s1}})
	if res.Status != 303 {
		t.Fatalf("the lineup form: %d %s", res.Status, res.Body)
	}
	page := c.Get(t, compare).Body
	mustContain(t, "the comparison after sending", page, "Some slots are offered to several speakers")
	mustContain(t, "the shared-slot warning", spkSection(t, page, `id="lineup-shared"`),
		"whoever confirms first holds the slot", "Xena, Walt, Yuri")

	if res := app.Client().PostForm(t, spkLinkPath(t, app, m, x, models.PurposeConfirm), url.Values{"confirm": {"yes"}}); res.Status != 303 {
		t.Fatalf("Xena confirms: %d %s", res.Status, res.Body)
	}
	walt := waitMail(t, mail, "walt@example.com", "The slot at “Backend lunch” went to another speaker")
	mustContain(t, "Walt's mail", walt.Text, "went to another speaker who confirmed it first", "You don't need to do anything")
	yuri := waitMail(t, mail, "yuri@example.com", "Слот на встрече «Backend lunch» занял другой спикер")
	if walt.ICS != "" || yuri.ICS != "" || walt.ReplyTo != app.User.Email {
		t.Errorf("the loser's mail: ICS %q %q, Reply-To %q", walt.ICS, yuri.ICS, walt.ReplyTo)
	}

	for _, p := range []struct{ id, taken, next, ask string }{
		{w, "This slot was just taken by another speaker", "There is nothing to do here", "Please confirm this slot"},
		{y, "Этот слот только что занял другой спикер", "Здесь ничего делать не нужно", "Подтвердите, пожалуйста"},
	} {
		body := app.Client().Get(t, spkLinkPath(t, app, m, p.id, models.PurposeConfirm)).Body
		mustContain(t, "the loser's /c/ page", body, p.taken, p.next)
		if strings.Contains(body, p.ask) || strings.Contains(body, "<form") {
			t.Errorf("the loser's /c/ page still asks to confirm:\n%s", body)
		}
	}

	for _, path := range []string{"/meetups/" + m + "/speakers", compare} {
		body := c.Get(t, path).Body
		if n := strings.Count(body, "slot taken by another speaker"); n != 2 || strings.Contains(body, "asked to confirm") {
			t.Errorf("%s shows %d losers as taken:\n%s", path, n, body)
		}
	}
	pick := c.Get(t, compare).Body
	pick = pick[strings.Index(pick, `name="slot_`+w+`"`):]
	if pick = pick[:strings.Index(pick, "</select>")]; strings.Contains(pick, "selected") {
		t.Errorf("the lineup form still gives Walt the slot Xena holds: %s", pick)
	}
	if sp := a.must(200, "GET", "/api/v1/meetups/"+m+"/lineup", nil); sp["ready"] != true {
		t.Errorf("the lineup with its only slot held: %v", sp)
	}
	formPost(t, c, "/lang", c.Get(t, "/").Body, url.Values{"lang": {"ru"}, "next": {"/"}})
	mustContain(t, "the Russian candidate table", c.Get(t, "/meetups/"+m+"/speakers").Body, "слот занял другой спикер")
}
