package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestWithdrawalReopensASharedSlot: Xena, Walt and Yuri (Russian) are asked for one slot; Xena
// confirms first, Walt and Yuri are told it is taken. Then Xena withdraws. Walt and Yuri, still
// asked for it, each get a mail in their language saying the slot is free again, with their /c/
// link; their pages no longer say "taken" but that it is free again, with the buttons. The
// organiser's withdrawal alert names who is asked again instead of "offer it to another
// candidate"; the speakers page and the API warn (slot_reopened). Walt confirms: Yuri is told the
// slot is taken again, and the warning is gone.
func TestWithdrawalReopensASharedSlot(t *testing.T) {
	app, a, m, s1, x, w := newSpkSharedSlot(t)
	mail := startMailDelivery(t, app)
	y := spkAnswered(t, app, a, m, "Yuri", "Generics", s1)
	a.exec(`UPDATE speakers SET language = 'ru' WHERE email = 'yuri@example.com'`)
	a.must(200, "POST", "/api/v1/meetups/"+m+"/lineup", map[string]any{"speakers": []any{spkPick(x, s1), spkPick(w, s1), spkPick(y, s1)}})
	xena := spkLinkPath(t, app, m, x, models.PurposeConfirm)
	if res := app.Client().PostForm(t, xena, url.Values{"confirm": {"yes"}}); res.Status != 303 {
		t.Fatalf("Xena confirms: %d", res.Status)
	}
	waitMail(t, mail, "walt@example.com", "went to another speaker")
	if res := app.Client().PostForm(t, xena, url.Values{"confirm": {"no"}}); res.Status != 303 {
		t.Fatalf("Xena withdraws: %d %s", res.Status, res.Body)
	}

	walt := waitMail(t, mail, "walt@example.com", "The slot at “Backend lunch” is free again")
	mustContain(t, "Walt's mail", walt.Text, "can no longer make it", "whoever confirms first holds it")
	if p := spkMailPath(t, walt.Text, "/c/"); p != spkLinkPath(t, app, m, w, models.PurposeConfirm) || walt.ICS != "" || walt.ReplyTo != app.User.Email {
		t.Errorf("Walt's mail: link %s, ICS %q, Reply-To %q", p, walt.ICS, walt.ReplyTo)
	}
	yuri := waitMail(t, mail, "yuri@example.com", "Слот на встрече «Backend lunch» снова свободен")
	mustContain(t, "Yuri's mail", yuri.Text, "/c/")
	alert := waitMail(t, mail, app.User.Email, "Xena withdrew")
	mustContain(t, "the organiser's alert", alert.Text, "Walt, Yuri", "asked again")
	if strings.Contains(alert.Text, "offer it to another candidate") {
		t.Errorf("the alert asks to offer a slot already offered again:\n%s", alert.Text)
	}

	for _, p := range []struct{ id, free string }{{w, "This slot is free again"}, {y, "Этот слот снова свободен"}} {
		body := app.Client().Get(t, spkLinkPath(t, app, m, p.id, models.PurposeConfirm)).Body
		mustContain(t, "a re-asked speaker's /c/ page", body, p.free, `id="confirm-yes"`)
		if strings.Contains(body, "just taken") || strings.Contains(body, "только что занял") {
			t.Errorf("the /c/ page still says taken:\n%s", body)
		}
	}
	c, _ := organiser(t, app)
	mustContain(t, "the speakers page", spkSection(t, c.Get(t, "/meetups/"+m+"/speakers").Body, `id="slots-reopened"`),
		"Xena", "Walt, Yuri", "free again")
	ws := spkWarnings(t, "the candidates", a.must(200, "GET", "/api/v1/meetups/"+m+"/candidates", nil))
	if got := spkWarned(t, "the candidates", ws, "slot_reopened", s1, w, y); !strings.Contains(got["message"].(string), "Xena") {
		t.Errorf("the slot_reopened warning: %v", got)
	}

	if res := app.Client().PostForm(t, spkLinkPath(t, app, m, w, models.PurposeConfirm), url.Values{"confirm": {"yes"}}); res.Status != 303 {
		t.Fatalf("Walt confirms: %d %s", res.Status, res.Body)
	}
	if n := len(spkOutboxAll(t, a, m, models.NoticeSlotTaken, "yuri@example.com")); n != 2 {
		t.Errorf("Yuri was told %d times that the slot is taken, want 2", n)
	}
	for _, wn := range spkWarnings(t, "after Walt confirmed", a.must(200, "GET", "/api/v1/meetups/"+m+"/candidates", nil)) {
		t.Errorf("a warning once Walt holds the slot: %v", wn)
	}
	if strings.Contains(c.Get(t, "/meetups/"+m+"/speakers").Body, `id="slots-reopened"`) {
		t.Errorf("the speakers page still warns once Walt holds the slot")
	}
}

// spkOutboxAll returns every outbox row of a meetup of one kind to one address.
func spkOutboxAll(t *testing.T, a *spkAPI, meetupID, kind, to string) []string {
	t.Helper()
	var subjects []string
	if err := a.store.DB.Select(&subjects, `SELECT subject FROM outbox WHERE meetup_id = $1 AND kind = $2 AND to_email = $3`,
		meetupID, kind, to); err != nil {
		t.Fatal(err)
	}
	return subjects
}
