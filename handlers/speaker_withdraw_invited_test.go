package handlers_test

import (
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/convene/convene/models"
)

// TestWithdrawnSpeakerInTheAudienceStaysInvited: Ada, a confirmed speaker who is also in the
// meetup's audience (the whole directory), said yes to her invitation as a speaker; then she
// withdraws from the lineup on her /c/ page. She stays invited, as an attendee: the API's list
// says "attendee" with her yes, the attendees page no longer marks her as a speaker, the door
// counts her among the expected (2 with Amy) and no longer among the speakers ("0 of 1 speaker":
// Oleg), as the report does; her seat is kept. She gets one mail, in English, saying she is off
// the programme and her invitation as a participant stands, with her RSVP link and the meetup's
// REQUEST (python3-icalendar reads its UID, current SEQUENCE, her as ATTENDEE with her yes and
// RSVP=TRUE, ORGANIZER at the From address): her invitation as a speaker put no event of the
// meetup in her calendar, and her talk's event is cancelled by her withdrawal's own mail, the
// CANCEL of her talk's UID; the organiser's alert says so. A second click and a second
// send of the invitations mail her nothing more. Before, her RSVP stayed a speaker's, the door
// and the report kept counting her as one, and nobody told her about her invitation; then, the
// mail came without a calendar, leaving her none of the meetup.
func TestWithdrawnSpeakerInTheAudienceStaysInvited(t *testing.T) {
	t.Parallel()
	e := newWithdrawEnv(t, 20)
	e.yes(t, "ada@example.com", "amy@example.com")
	if page := e.door(t, "0 of 2 speakers", 2); !strings.Contains(page, `<span id="count-invited">0 of 1 expected checked in</span>`) {
		t.Fatalf("before: %s", doorCountsOf(page))
	}
	leaveLineup(t, e.app, e.m, e.ada)

	list := e.attendees(t)
	if a, o := list["ada@example.com"], list["oleg@example.com"]; a.Role != "attendee" || a.RSVP != "yes" || o.Role != "speaker" {
		t.Errorf("the attendee list: Ada %+v, Oleg %+v", a, o)
	}
	if page := e.org.Get(t, "/meetups/"+e.m+"/attendees").Body; strings.Count(page, `class="attendee-speaker"`) != 1 {
		t.Errorf("the attendees page should mark only Oleg as a speaker:\n%s", page)
	}
	if page := e.door(t, "0 of 1 speaker", 1); !strings.Contains(page, `<span id="count-invited">0 of 2 expected checked in</span>`) {
		t.Errorf("after: %s", doorCountsOf(page))
	}
	if f := e.report(t).Funnel; f.Speakers != 1 || f.Yes != 2 {
		t.Errorf("the report's funnel: %+v, want 1 speaker and 2 yes", f)
	}
	e.seatsExact(t)
	ada := waitMail(t, e.mail, "ada@example.com", "You are still invited to “Lunch & learn: Go”")
	checkStillInvitedEvent(t, e, ada, "ada@example.com", "ACCEPTED")
	spkCheckCancel(t, waitMail(t, e.mail, "ada@example.com", "Withdrawn: your talk at “Lunch & learn: Go”"),
		e.ada, "ada@example.com", e.utc(t, "12:30"))
	mustContain(t, "Ada's mail", ada.Text, "you are no longer on the programme of “Lunch & learn: Go”",
		"your invitation as a participant stands", "your answer stays as it is", e.rsvpPath(t, "ada@example.com"), "Oleg")
	if strings.Contains(ada.Text, "Channels") {
		t.Errorf("Ada's mail still lists her talk in the lineup:\n%s", ada.Text)
	}
	alert := e.sentTo(t, models.NoticeWithdrawn, e.app.User.Email)
	if len(alert) != 1 || !strings.Contains(alert[0].Text, "Ada is in the meetup's audience, so their invitation stands") {
		t.Errorf("the organiser's alert: %+v", alert)
	}
	leaveLineup(t, e.app, e.m, e.ada)
	e.resend(t)
	for kind, want := range map[string]int{models.NoticeStillInvited: 1, models.NoticeUninvited: 0, "invite": 1} {
		if n := len(e.sentTo(t, kind, "ada@example.com")); n != want {
			t.Errorf("Ada has %d %s mails, want %d", n, kind, want)
		}
	}
}

// TestWithdrawnGuestSpeakerIsUninvited: the room has 2 seats. Oleg, a confirmed speaker from
// outside the directory (a guest, in no audience), said yes and holds a seat, as does Amy; Bob and
// Cid wait, in that order. Oleg withdraws. His invitation is withdrawn: he gets one mail, in
// Russian, without a calendar — his invitation as a speaker carried no event of the meetup, and
// the CANCEL of his talk's event (its UID, a higher SEQUENCE) comes with his withdrawal's own
// mail, so nothing of the meetup stays in his calendar. His seat goes to Bob, told once; Cid is first in line now.
// He is off the attendee list, the door and the report ("0 of 1 speaker"); his RSVP link and his
// invite file are 404 (an answer through it brings nothing back) and his calendar feed no longer
// has the meetup. A second click and a second send change nothing. Before, he kept his seat and
// his speaker's RSVP, and his calendar kept the event; then, a CANCEL came of an event he did not
// have (TestWithdrawnGuestSpeakerHoldingTheMeetupEvent: one who has it gets it).
func TestWithdrawnGuestSpeakerIsUninvited(t *testing.T) {
	t.Parallel()
	e := newWithdrawEnv(t, 2)
	e.yes(t, "oleg@example.com", "amy@example.com", "bob@example.com", "cid@example.com")
	olegRSVP := e.rsvpPath(t, "oleg@example.com")
	feed := subscribeRE.FindStringSubmatch(e.app.Client().Get(t, olegRSVP).Body)
	if feed == nil || len(fetchICS(t, e.app.Client(), feed[1], "PUBLISH").Events) != 1 {
		t.Fatalf("Oleg's calendar feed before: %v", feed)
	}
	if invite := e.sentTo(t, "invite", "oleg@example.com"); len(invite) != 1 || invite[0].ICS != "" {
		t.Fatalf("Oleg's invitations (as a speaker, without the meetup's event): %+v", invite)
	}
	leaveLineup(t, e.app, e.m, e.oleg)

	list := e.attendees(t)
	if _, ok := list["oleg@example.com"]; ok || list["bob@example.com"].RSVP != "yes" || list["cid@example.com"].Position == nil ||
		*list["cid@example.com"].Position != 1 || len(list) != 4 {
		t.Errorf("the attendee list: %+v", list)
	}
	if page := e.door(t, "0 of 1 speaker", 1); strings.Contains(page, "oleg@example.com") {
		t.Errorf("the door still lists Oleg")
	}
	if f := e.report(t).Funnel; f.Speakers != 1 || f.Yes != 2 {
		t.Errorf("the report's funnel: %+v, want 1 speaker and 2 yes (Amy, Bob)", f)
	}
	e.seatsExact(t)
	guestGone(t, e, olegRSVP, feed[1])
	oleg := waitMail(t, e.mail, "oleg@example.com", "Приглашение отозвано: «Lunch & learn: Go»")
	if oleg.ICS != "" || strings.Contains(strings.Join(oleg.Shape, ","), "calendar") {
		t.Errorf("Oleg's mail carries a calendar, though his has no event of the meetup: %v\n%s", oleg.Shape, oleg.ICS)
	}
	mustContain(t, "Oleg's mail", oleg.Text, "вас больше нет в программе встречи «Lunch & learn: Go»",
		"Событие вашего доклада удаляется из календаря нашим другим письмом")
	spkCheckCancel(t, waitMail(t, e.mail, "oleg@example.com", "Отменено: ваш доклад на встрече «Lunch & learn: Go»"), e.oleg, "oleg@example.com", e.utc(t, "13:15"))
	waitMail(t, e.mail, "bob@example.com", "A seat for you")
	leaveLineup(t, e.app, e.m, e.oleg)
	e.resend(t)
	counts := map[string]int{"invite oleg": 1, models.NoticeUninvited + " oleg": 1, models.NoticeStillInvited + " oleg": 0,
		models.EventPromoted + " bob": 1, models.EventPromoted + " cid": 0}
	for k, want := range counts {
		kind, who, _ := strings.Cut(k, " ")
		if n := len(e.sentTo(t, kind, who+"@example.com")); n != want {
			t.Errorf("%s has %d %s mails, want %d", who, n, kind, want)
		}
	}
	alert := e.sentTo(t, models.NoticeWithdrawn, e.app.User.Email)
	if len(alert) != 1 || !strings.Contains(alert[0].Text, "Oleg is not in the meetup's audience, so their invitation is withdrawn") {
		t.Errorf("the organiser's alert: %+v", alert)
	}
}

// checkStillInvitedEvent checks that a mail to email, a withdrawn speaker who stays invited,
// carries the meetup's REQUEST as python3-icalendar reads it: the meetup's UID and its SEQUENCE as
// stored, not cancelled, only them as ATTENDEE with their answer (partstat) and RSVP=TRUE, and the
// ORGANIZER of the audience's invitations (the From address).
func checkStillInvitedEvent(t *testing.T, e *withdrawEnv, m capturedMail, email, partstat string) {
	t.Helper()
	if shape := strings.Join(m.Shape, ","); m.ICSMethod != "REQUEST" || !strings.Contains(shape, "text/calendar") || !strings.Contains(shape, "application/ics") {
		t.Fatalf("%s's mail: method= %q, parts %s", email, m.ICSMethod, shape)
	}
	var want struct {
		UID string `db:"ical_uid"`
		Seq int    `db:"ical_sequence"`
	}
	if err := e.app.Store.DB.Get(&want, `SELECT ical_uid, ical_sequence FROM meetups WHERE id = $1`, e.m); err != nil {
		t.Fatal(err)
	}
	cal := pyRead(t, []byte(m.ICS))
	if cal.Method != "REQUEST" || len(cal.Events) != 1 {
		t.Fatalf("%s's calendar: METHOD %q with %d events\n%s", email, cal.Method, len(cal.Events), m.ICS)
	}
	ev := cal.Events[0]
	if ev.UID != want.UID || ev.Sequence != want.Seq || ev.Status == "CANCELLED" || ev.Start != e.utc(t, "12:30") ||
		len(ev.Attendees) != 1 || !strings.EqualFold(ev.Attendees[0].Value, "mailto:"+email) ||
		ev.Attendees[0].Partstat != partstat || ev.Attendees[0].Rsvp != "TRUE" ||
		ev.Organizer == nil || ev.Organizer.Value != "mailto:convene@localhost" {
		t.Errorf("%s's event %+v, want the meetup's %+v\n%s", email, ev, want, m.ICS)
	}
}

// checkInviteCancelled checks that a mail to email carries the cancellation of the invitation
// inv, as python3-icalendar reads it.
func checkInviteCancelled(t *testing.T, m capturedMail, inv pyCal, email string) {
	t.Helper()
	if shape := strings.Join(m.Shape, ","); m.ICSMethod != "CANCEL" || !strings.Contains(shape, "text/calendar") || !strings.Contains(shape, "application/ics") {
		t.Fatalf("%s's mail: method= %q, parts %s", email, m.ICSMethod, shape)
	}
	cal := pyRead(t, []byte(m.ICS))
	if cal.Method != "CANCEL" || len(cal.Events) != 1 || len(inv.Events) != 1 {
		t.Fatalf("%s's calendar: METHOD %q with %d events\n%s", email, cal.Method, len(cal.Events), m.ICS)
	}
	ev, was := cal.Events[0], inv.Events[0]
	if ev.UID != was.UID || ev.Sequence <= was.Sequence || ev.Status != "CANCELLED" || ev.Start != was.Start ||
		len(ev.Attendees) != 1 || !strings.EqualFold(ev.Attendees[0].Value, "mailto:"+email) ||
		ev.Organizer == nil || was.Organizer == nil || ev.Organizer.Value != was.Organizer.Value {
		t.Errorf("%s's cancellation %+v of the invitation %+v\n%s", email, ev, was, m.ICS)
	}
}

// guestGone checks an uninvited guest's RSVP link and invite file are gone, an answer through the
// link brings back no RSVP, and their calendar feed no longer has the meetup.
func guestGone(t *testing.T, e *withdrawEnv, rsvp, feed string) {
	t.Helper()
	c := e.app.Client()
	for _, path := range []string{rsvp, rsvp + "/invite.ics"} {
		if res := c.Get(t, path); res.Status != 404 {
			t.Errorf("GET %s after the withdrawal: %d", path, res.Status)
		}
	}
	if res := c.PostForm(t, rsvp, url.Values{"answer": {"yes"}, "mode": {"in_person"}}); res.Status != 404 {
		t.Errorf("an answer through the withdrawn link: %d", res.Status)
	}
	if _, ok := e.attendees(t)["oleg@example.com"]; ok {
		t.Errorf("the answer brought Oleg back")
	}
	if cal := fetchICS(t, c, feed, "PUBLISH"); len(cal.Events) != 0 {
		t.Errorf("the calendar feed still has %d events", len(cal.Events))
	}
}

// TestSpeakerWithdrawalsRaceMailOnce: on a full room (2 seats, Oleg and Ada in them, Bob and Cid
// waiting), Ada and Oleg each click to withdraw twice, the four clicks at once. Every click is
// answered with the page (303), and each withdrawal happens once: Ada gets one "still invited"
// mail, Oleg one cancellation, the organiser one alert about each; Oleg's seat goes to Bob alone,
// told once; the seats stay exact.
func TestSpeakerWithdrawalsRaceMailOnce(t *testing.T) {
	t.Parallel()
	e := newWithdrawEnv(t, 2)
	e.yes(t, "oleg@example.com", "ada@example.com", "bob@example.com", "cid@example.com")
	paths := []string{spkLinkPath(t, e.app, e.m, e.ada, models.PurposeConfirm), spkLinkPath(t, e.app, e.m, e.oleg, models.PurposeConfirm)}
	status := make([]int, 4)
	var wg sync.WaitGroup
	for i := range status {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status[i] = e.app.Client().PostForm(t, paths[i%2], url.Values{"confirm": {"no"}}).Status
		}()
	}
	wg.Wait()
	for i, s := range status {
		if s != 303 {
			t.Errorf("click %d: %d", i, s)
		}
	}
	waitMail(t, e.mail, "bob@example.com", "A seat for you")
	counts := map[string]int{models.NoticeStillInvited + " ada": 1, models.NoticeUninvited + " oleg": 1,
		models.EventPromoted + " bob": 1, models.EventPromoted + " cid": 0, models.NoticeWithdrawn + " " + e.app.User.Email: 2}
	for k, want := range counts {
		kind, who, _ := strings.Cut(k, " ")
		if !strings.Contains(who, "@") {
			who += "@example.com"
		}
		if n := len(e.sentTo(t, kind, who)); n != want {
			t.Errorf("%s has %d %s mails, want %d", who, n, kind, want)
		}
	}
	list := e.attendees(t)
	if _, ok := list["oleg@example.com"]; ok || list["ada@example.com"].Role != "attendee" || list["bob@example.com"].RSVP != "yes" {
		t.Errorf("the attendee list: %+v", list)
	}
	e.seatsExact(t)
}
