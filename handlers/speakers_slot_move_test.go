package handlers_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// slotMoveEnv is a meetup in Europe/Berlin whose candidate slots are wall times of days ahead,
// each 90 minutes long; mail is captured by the real SMTP server of the app.
type slotMoveEnv struct {
	app *testutil.App
	a   *spkAPI
	m   string
	d0  time.Time // the first day, midnight in Berlin
}

// newSlotMoveEnv builds the meetup, its first day two weeks ahead.
func newSlotMoveEnv(t *testing.T) *slotMoveEnv {
	t.Helper()
	app := testutil.NewApp(t)
	e := &slotMoveEnv{app: app, a: newSpkAPI(t, app, app.User.Email)}
	e.m = e.a.meetup("Team talk", "Go", "Europe/Berlin")
	y, mo, d := time.Now().AddDate(0, 0, 14).In(mustZone(t, "Europe/Berlin")).Date()
	e.d0 = time.Date(y, mo, d, 0, 0, 0, 0, mustZone(t, "Europe/Berlin"))
	return e
}

// wall is the wall time hm of the day days after the first, as the forms take it.
func (e *slotMoveEnv) wall(days int, hm string) string {
	return e.d0.AddDate(0, 0, days).Format("2006-01-02") + "T" + hm
}

// label is how the pages name a 90-minute slot from hm on the day days after the first, up to the zone.
func (e *slotMoveEnv) label(t *testing.T, days int, hm string) string {
	t.Helper()
	s, err := time.ParseInLocation("2006-01-02T15:04", e.wall(days, hm), e.d0.Location())
	if err != nil {
		t.Fatal(err)
	}
	return s.Format("2006-01-02 (Mon) 15:04") + "–" + s.Add(90*time.Minute).Format("15:04")
}

// slot adds a 90-minute slot at the wall time hm of the day days after the first.
func (e *slotMoveEnv) slot(t *testing.T, days int, hm string) string {
	t.Helper()
	s, err := time.ParseInLocation("2006-01-02T15:04", e.wall(days, hm), e.d0.Location())
	if err != nil {
		t.Fatal(err)
	}
	out := e.a.must(201, "POST", "/api/v1/meetups/"+e.m+"/slots", map[string]any{
		"starts_at": e.wall(days, hm), "ends_at": s.Add(90 * time.Minute).In(e.d0.Location()).Format("2006-01-02T15:04")})
	return out["id"].(string)
}

// slotTimes reads the API's slot listing: each slot's start and end in UTC, by id.
func (e *slotMoveEnv) slotTimes(t *testing.T) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, it := range spkItems(e.a.must(200, "GET", "/api/v1/meetups/"+e.m+"/slots", nil)) {
		out[it["id"].(string)] = utcOf(t, it["starts_at"]) + "/" + utcOf(t, it["ends_at"])
	}
	return out
}

// span is a slot's times as slotTimes gives them: hm on the day days after the first, 90 minutes.
func (e *slotMoveEnv) span(t *testing.T, days int, hm string) string {
	t.Helper()
	s, err := time.ParseInLocation("2006-01-02T15:04", e.wall(days, hm), e.d0.Location())
	if err != nil {
		t.Fatal(err)
	}
	return s.UTC().Format(time.RFC3339) + "/" + s.Add(90*time.Minute).UTC().Format(time.RFC3339)
}

// utcOf reads a JSON time and prints it in UTC.
func utcOf(t *testing.T, v any) string {
	t.Helper()
	s, _ := v.(string)
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("time %v: %v", v, err)
	}
	return at.UTC().Format(time.RFC3339)
}

// card returns a candidate's card of the compare page.
func (e *slotMoveEnv) card(t *testing.T, c *testutil.Client, cand string) string {
	t.Helper()
	res := c.Get(t, "/meetups/"+e.m+"/speakers/compare")
	if res.Status != 200 {
		t.Fatalf("compare page: %d", res.Status)
	}
	i := strings.Index(res.Body, `id="card-`+cand+`"`)
	if i < 0 {
		t.Fatalf("no card of %s on the compare page", cand)
	}
	rest := res.Body[i:]
	return rest[:strings.Index(rest, "</article>")]
}

// reschedule saves the schedule form with a new start and end.
func (e *slotMoveEnv) reschedule(t *testing.T, c *testutil.Client, start, end string) {
	t.Helper()
	form := url.Values{"starts_at": {start}, "ends_at": {end}, "location": {"Room 1"}, "capacity": {"20"}, "action": {"save"}}
	if res := formPost(t, c, "/meetups/"+e.m+"/schedule", c.Get(t, "/meetups/"+e.m+"/schedule").Body, form); res.Status != 303 {
		t.Fatalf("rescheduling to %s: %d %s", start, res.Status, res.Body)
	}
}

// TestRescheduleMovesOnlyTheLineup is QA's walk-through: slots on day 0 12:00, day 3 13:00 and
// far ahead at 02:30; Bob can do days 0 and 3, Carol day 3 only. Bob gets day 0 and confirms, the
// meetup is scheduled then, and the organiser moves it to day 3 13:00. Bob's slot moves there and
// takes over the slot already at that time (Carol's answer about it goes with it); the far slot
// stays as it was; Carol can still do day 3 13:00 and nothing else; Bob's /c/ page and his update
// mail have the new time; he said day 3 suits him, so nothing warns that his talk moved.
func TestRescheduleMovesOnlyTheLineup(t *testing.T) {
	e := newSlotMoveEnv(t)
	s1, s2, s3 := e.slot(t, 0, "12:00"), e.slot(t, 3, "13:00"), e.slot(t, 320, "02:30")
	bob := spkAnswered(t, e.app, e.a, e.m, "Bob", "Channels", s1, s2)
	carol := spkAnswered(t, e.app, e.a, e.m, "Carol", "Generics", s2)
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/lineup", map[string]any{"speakers": []any{spkPick(bob, s1)}})
	if res := e.app.Client().PostForm(t, spkLinkPath(t, e.app, e.m, bob, models.PurposeConfirm), url.Values{"confirm": {"yes"}}); res.Status != 303 {
		t.Fatalf("Bob confirming: %d %s", res.Status, res.Body)
	}
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/schedule", map[string]any{"starts_at": e.wall(0, "12:00"),
		"ends_at": e.wall(0, "13:30"), "location": "Room 1", "capacity": 20})
	mail := startMailDelivery(t, e.app)
	c, _ := organiser(t, e.app)
	schedulePage := c.Get(t, "/meetups/"+e.m+"/schedule").Body
	mustContain(t, "the schedule page", spkSection(t, schedulePage, `id="lineup-moves"`),
		"The lineup has 1 talk: a new start moves it by as much", "The other candidate slots")
	e.reschedule(t, c, e.wall(3, "13:00"), e.wall(3, "14:30"))

	got := e.slotTimes(t)
	if len(got) != 2 || got[s1] != e.span(t, 3, "13:00") || got[s3] != e.span(t, 320, "02:30") {
		t.Errorf("slots after the reschedule: %v\nwant %s at %s and %s at %s (merged with %s)",
			got, s1, e.span(t, 3, "13:00"), s3, e.span(t, 320, "02:30"), s2)
	}
	carolCard := e.card(t, c, carol)
	mustContain(t, "Carol's card", carolCard, e.label(t, 3, "13:00"))
	for _, wrong := range []string{e.label(t, 6, "14:00"), e.label(t, 0, "12:00"), "moved-answers"} {
		if strings.Contains(carolCard, wrong) {
			t.Errorf("Carol's card shows %q:\n%s", wrong, carolCard)
		}
	}
	bobCard := e.card(t, c, bob)
	mustContain(t, "Bob's card", bobCard, e.label(t, 3, "13:00"))
	if strings.Contains(bobCard, e.label(t, 6, "14:00")) || strings.Contains(bobCard, "moved-answers") {
		t.Errorf("Bob's card (he said he can do day 3 13:00):\n%s", bobCard)
	}
	for name, id := range map[string]string{"Bob": bob, "Carol": carol} {
		cand := e.a.must(200, "GET", "/api/v1/meetups/"+e.m+"/candidates/"+id, nil)
		if sl, _ := cand["slots"].([]any); len(sl) != 1 || sl[0] != s1 {
			t.Errorf("%s's slots in the API: %v", name, cand["slots"])
		}
		if mv, _ := cand["slots_before_move"].([]any); mv == nil || len(mv) != 0 {
			t.Errorf("%s's slots_before_move: %v", name, cand["slots_before_move"])
		}
	}

	up := waitMail(t, mail, "bob@example.com", "Changed: your talk at “Team talk”")
	mustContain(t, "Bob's update", up.Text, "13:00–14:30", "was: ", "12:00–13:30")
	if res := e.app.Client().Get(t, spkLinkPath(t, e.app, e.m, bob, models.PurposeConfirm)); !strings.Contains(res.Body, "13:00–14:30") {
		t.Errorf("Bob's /c/ page after the reschedule:\n%s", res.Body)
	}
	if strings.Contains(c.Get(t, "/meetups/"+e.m).Body, `id="slots-outside"`) {
		t.Errorf("Bob's moved talk fits the meetup, yet the meetup page warns")
	}
	if strings.Contains(c.Get(t, "/meetups/"+e.m+"/speakers").Body, `id="slots-moved"`) {
		t.Errorf("Bob said day 3 suits him, yet the speakers page warns his talk moved")
	}
}

// before reads a candidate's answers given for an earlier time of a slot, from the API: slot id
// and the UTC times they were given for.
func (e *slotMoveEnv) before(t *testing.T, cand string) (slots []any, moved map[string]string) {
	t.Helper()
	out := e.a.must(200, "GET", "/api/v1/meetups/"+e.m+"/candidates/"+cand, nil)
	moved = map[string]string{}
	list, ok := out["slots_before_move"].([]any)
	if !ok {
		t.Fatalf("no slots_before_move: %v", out)
	}
	for _, raw := range list {
		it := raw.(map[string]any)
		moved[it["slot_id"].(string)] = utcOf(t, it["starts_at"]) + "/" + utcOf(t, it["ends_at"])
	}
	slots, _ = out["slots"].([]any)
	return slots, moved
}

// TestRescheduleAnswersKeepTheirTime: slots on days 0, 1 and 2 at 12:00; Bob (given day 0,
// confirmed) said day 0, Carol days 0 and 2, Dan day 1; Eve was offered day 1 and declined.
// A new room alone changes no answer.
// Moving the meetup to day 1 takes Bob's slot onto Dan's day: Dan's answer is now about Bob's
// slot, Bob's and Carol's answers about day 0 are kept as said for day 0 (the API and both
// pages show them apart, not as "slots they can do"), Eve's old offer of day 1 is cleared with
// the slot (as a deleted slot's is); the speakers page and the API warn that Bob's confirmed talk moved to a time
// he has not said suits him (slot_moved). Moving on to day 2 does the same with Carol's day-2 answer, which wins over her
// day-0 one; moving back to day 0 makes Bob's and Carol's day-0 answers current again.
func TestRescheduleAnswersKeepTheirTime(t *testing.T) {
	e := newSlotMoveEnv(t)
	s1, s2, s3 := e.slot(t, 0, "12:00"), e.slot(t, 1, "12:00"), e.slot(t, 2, "12:00")
	bob := spkAnswered(t, e.app, e.a, e.m, "Bob", "Channels", s1)
	carol := spkAnswered(t, e.app, e.a, e.m, "Carol", "Generics", s1, s3)
	dan := spkAnswered(t, e.app, e.a, e.m, "Dan", "Fuzzing", s2)
	eve := spkAnswered(t, e.app, e.a, e.m, "Eve", "Tracing", s2)
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/lineup", map[string]any{"speakers": []any{spkPick(bob, s1), spkPick(eve, s2)}})
	for cand, answer := range map[string]string{bob: "yes", eve: "no"} {
		if res := e.app.Client().PostForm(t, spkLinkPath(t, e.app, e.m, cand, models.PurposeConfirm), url.Values{"confirm": {answer}}); res.Status != 303 {
			t.Fatalf("answering %s: %d %s", answer, res.Status, res.Body)
		}
	}
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/schedule", map[string]any{"starts_at": e.wall(0, "12:00"),
		"ends_at": e.wall(0, "13:30"), "location": "Room 1", "capacity": 20})
	patch := func(days int) {
		t.Helper()
		e.a.must(200, "PATCH", "/api/v1/meetups/"+e.m, map[string]any{"starts_at": e.wall(days, "12:00"), "ends_at": e.wall(days, "13:30")})
	}
	want := func(step, name, cand string, slots []string, moved map[string]string) {
		t.Helper()
		got, mv := e.before(t, cand)
		if len(got) != len(slots) || len(mv) != len(moved) {
			t.Errorf("%s, %s: slots %v, before the move %v; want %v and %v", step, name, got, mv, slots, moved)
			return
		}
		for i := range slots {
			if got[i] != slots[i] {
				t.Errorf("%s, %s: slots %v, want %v", step, name, got, slots)
			}
		}
		for id, span := range moved {
			if mv[id] != span {
				t.Errorf("%s, %s: before the move %v, want %v", step, name, mv, moved)
			}
		}
	}

	e.a.must(200, "PATCH", "/api/v1/meetups/"+e.m, map[string]any{"location": "Room 2"})
	want("a new room", "Bob", bob, []string{s1}, nil)
	want("a new room", "Carol", carol, []string{s1, s3}, nil)
	if ws := spkWarnings(t, "a new room", e.a.must(200, "GET", "/api/v1/meetups/"+e.m+"/candidates", nil)); len(ws) != 0 {
		t.Errorf("a new room alone warns: %v", ws)
	}

	patch(1)
	if got := e.slotTimes(t); len(got) != 2 || got[s1] != e.span(t, 1, "12:00") || got[s3] != e.span(t, 2, "12:00") {
		t.Fatalf("slots after moving to day 1: %v", got)
	}
	want("day 1", "Bob", bob, nil, map[string]string{s1: e.span(t, 0, "12:00")})
	want("day 1", "Carol", carol, []string{s3}, map[string]string{s1: e.span(t, 0, "12:00")})
	want("day 1", "Dan", dan, []string{s1}, nil)
	if l := e.a.must(200, "GET", "/api/v1/meetups/"+e.m+"/candidates/"+eve, nil)["lineup_slot_id"]; l != nil {
		t.Errorf("Eve's old offer points at %v, want it cleared with the slot", l)
	}
	c, _ := organiser(t, e.app)
	card := e.card(t, c, bob)
	mustContain(t, "Bob's card", card, "moved-answers", "Said they could do at the slot&#39;s earlier time",
		e.label(t, 0, "12:00"), "(the slot is now "+e.label(t, 1, "12:00"))
	if i := strings.Index(card, "moved-answers"); strings.Contains(card[:i], e.label(t, 1, "12:00")) {
		t.Errorf("Bob's card lists day 1 among the slots he can do:\n%s", card)
	}
	page := c.Get(t, "/meetups/"+e.m+"/speakers").Body
	row := spkSection(t, page, `id="cand-`+bob+`"`)
	mustContain(t, "Bob's row", row[:strings.Index(row, "</tr>")], "moved-answers", e.label(t, 0, "12:00"))
	mustContain(t, "the moved-talk warning", spkSection(t, page, `id="slots-moved"`),
		"Bob: confirmed for "+e.label(t, 0, "12:00"), "now "+e.label(t, 1, "12:00"), "They were mailed the new time")
	ws := spkWarnings(t, "the candidates", e.a.must(200, "GET", "/api/v1/meetups/"+e.m+"/candidates", nil))
	w := spkWarned(t, "the candidates", ws, "slot_moved", s1, bob)
	if span := utcOf(t, w["confirmed_starts_at"]) + "/" + utcOf(t, w["confirmed_ends_at"]); span != e.span(t, 0, "12:00") ||
		utcOf(t, w["starts_at"]) != strings.Split(e.span(t, 1, "12:00"), "/")[0] || !strings.Contains(w["message"].(string), "Bob confirmed the talk for") {
		t.Errorf("the slot_moved warning: %v", w)
	}

	patch(2)
	want("day 2", "Carol", carol, []string{s1}, nil)
	want("day 2", "Dan", dan, nil, map[string]string{s1: e.span(t, 1, "12:00")})
	want("day 2", "Bob", bob, nil, map[string]string{s1: e.span(t, 0, "12:00")})
	if got := e.slotTimes(t); len(got) != 1 || got[s1] != e.span(t, 2, "12:00") {
		t.Fatalf("slots after moving to day 2: %v", got)
	}

	patch(0)
	want("back to day 0", "Bob", bob, []string{s1}, nil)
	want("back to day 0", "Carol", carol, nil, map[string]string{s1: e.span(t, 2, "12:00")})
	want("back to day 0", "Dan", dan, nil, map[string]string{s1: e.span(t, 1, "12:00")})
	if card := e.card(t, c, bob); strings.Contains(card, "moved-answers") || !strings.Contains(card, e.label(t, 0, "12:00")) {
		t.Errorf("Bob's card once the slot is back at the time he said:\n%s", card)
	}
	if strings.Contains(c.Get(t, "/meetups/"+e.m+"/speakers").Body, `id="slots-moved"`) {
		t.Errorf("the moved-talk warning stays once Bob's talk is back at the time he confirmed")
	}
}

// TestScheduleNoteOnTheLineup: the schedule page of a scheduled meetup says, in the organiser's
// language, that a new start moves the lineup's talks; before the lineup it says nothing of it.
func TestScheduleNoteOnTheLineup(t *testing.T) {
	e := newSlotMoveEnv(t)
	s1, s2 := e.slot(t, 0, "12:00"), e.slot(t, 0, "13:30")
	bob := spkAnswered(t, e.app, e.a, e.m, "Bob", "Channels", s1)
	ann := spkAnswered(t, e.app, e.a, e.m, "Ann", "Generics", s2)
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/schedule", map[string]any{"starts_at": e.wall(0, "12:00"),
		"ends_at": e.wall(0, "15:00"), "location": "Room 1", "capacity": 20})
	c, _ := organiser(t, e.app)
	path := "/meetups/" + e.m + "/schedule"
	if page := c.Get(t, path).Body; strings.Contains(page, `id="lineup-moves"`) {
		t.Errorf("the note shows before there is a lineup")
	}
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/lineup", map[string]any{"speakers": []any{spkPick(bob, s1), spkPick(ann, s2)}})
	page := c.Get(t, path).Body
	mustContain(t, "the note", spkSection(t, page, `id="lineup-moves"`), "The lineup has 2 talks: a new start moves them by as much")
	if res := formPost(t, c, "/lang", page, url.Values{"lang": {"ru"}, "next": {path}}); res.Status != 303 {
		t.Fatalf("switching to Russian: %d", res.Status)
	}
	mustContain(t, "the Russian note", spkSection(t, c.Get(t, path).Body, `id="lineup-moves"`),
		"В программе 2 доклада: новое начало сдвинет их на столько же")
}

// TestReplyPageAfterTheSlotMoved: Bob is asked for day 0 (not confirmed yet, so answers stay
// open); Carol said day 0 suits her. The meetup moves to day 1 with Bob's slot. Carol's /o/ page
// says the time she chose has moved and leaves the moved slot unticked; sending it as it is asks
// her to choose a slot (422, nothing changed); ticking it answers for the new time.
func TestReplyPageAfterTheSlotMoved(t *testing.T) {
	e := newSlotMoveEnv(t)
	s1 := e.slot(t, 0, "12:00")
	bob := spkAnswered(t, e.app, e.a, e.m, "Bob", "Channels", s1)
	carol := spkAnswered(t, e.app, e.a, e.m, "Carol", "Generics", s1)
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/lineup", map[string]any{"speakers": []any{spkPick(bob, s1)}})
	e.a.must(200, "POST", "/api/v1/meetups/"+e.m+"/schedule", map[string]any{"starts_at": e.wall(0, "12:00"),
		"ends_at": e.wall(0, "13:30"), "location": "Room 1", "capacity": 20})
	e.a.must(200, "PATCH", "/api/v1/meetups/"+e.m, map[string]any{"starts_at": e.wall(1, "12:00"), "ends_at": e.wall(1, "13:30")})

	path := spkLinkPath(t, e.app, e.m, carol, models.PurposeOutreach)
	page := e.app.Client().Get(t, path).Body
	mustContain(t, "Carol's reply page", spkSection(t, page, `id="reply-moved"`), "The meetup has moved since you answered",
		e.label(t, 0, "12:00"), "(the slot is now "+e.label(t, 1, "12:00"), "Tick the slots that suit you now")
	if strings.Contains(page, `value="`+s1+`" checked`) {
		t.Errorf("the moved slot is ticked for Carol, who said only its old time")
	}
	res := e.app.Client().PostForm(t, path, url.Values{"interest": {"yes"}, "talk_title": {"Generics"}})
	if res.Status != 422 || !strings.Contains(res.Body, `id="e-slot"`) {
		t.Fatalf("an answer with no slot: %d\n%s", res.Status, res.Body)
	}
	if _, moved := e.before(t, carol); len(moved) != 1 {
		t.Errorf("the refused answer changed Carol's answers: %v", moved)
	}
	res = e.app.Client().PostForm(t, path, url.Values{"interest": {"yes"}, "slot": {s1}, "talk_title": {"Generics"}})
	if res.Status != 303 {
		t.Fatalf("Carol ticks the slot at its new time: %d %s", res.Status, res.Body)
	}
	if slots, moved := e.before(t, carol); len(slots) != 1 || slots[0] != s1 || len(moved) != 0 {
		t.Errorf("Carol's answer after ticking the slot: slots %v, before the move %v", slots, moved)
	}
	if strings.Contains(e.app.Client().Get(t, path).Body, `id="reply-moved"`) {
		t.Errorf("the note stays once Carol answered for the new time")
	}
}
