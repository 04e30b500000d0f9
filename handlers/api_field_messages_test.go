package handlers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestAPIBadCursorSaysSo: a cursor that is not one the API gave is a 422 whose cursor field
// says what a cursor must be, on every list, not the generic "Some fields are not valid.".
func TestAPIBadCursorSaysSo(t *testing.T) {
	api := newAPI(t, testutil.NewApp(t))
	for _, path := range []string{"/api/v1/meetups", "/api/v1/people", "/api/v1/outbox", "/api/v1/speakers"} {
		b := apiError(t, path, api.call(t, "GET", path+"?cursor=garbage", "", nil), 422, "invalid")
		if msg := b.Error.Fields["cursor"]; !strings.HasPrefix(msg, "This cursor is not valid: pass the next_cursor of an earlier page") {
			t.Errorf("%s: fields %v, want the cursor's own message", path, b.Error.Fields)
		}
	}
}

// TestScheduleFoldMustBeEarlierOrLater: a fold that is neither earlier nor later is named as
// such beside the start's ambiguity (which still offers its choices), and alone with a time
// that is not ambiguous; nothing is scheduled.
func TestScheduleFoldMustBeEarlierOrLater(t *testing.T) {
	e := newRSVPEnv(t, 0, 5)
	m := e.createMeetup(t, "Berlin talk", "talk")
	const want = `Send "earlier" or "later": which of the two times is meant when the clocks go back.`
	for body, starts := range map[string]string{
		dstDays(`{"starts_at":"{overlap}T02:30","fold":"sideways","location":"R","capacity":20}`): "happens twice",
		dstDays(`{"starts_at":"{nov1}T12:00","fold":"sideways","location":"R","capacity":20}`):    "",
	} {
		var er dstAPIErr
		_ = json.Unmarshal([]byte(e.schedule(t, m.ID, body, 422).Body), &er)
		if er.Error.Fields["fold"] != want || (starts != "" && !strings.Contains(er.Error.Fields["starts_at"], starts)) ||
			(starts == "" && er.Error.Fields["starts_at"] != "") {
			t.Errorf("%s: fields %v, want fold: %q", body, er.Error.Fields, want)
		}
	}
	var stage string
	if err := e.app.Store.DB.Get(&stage, `SELECT stage FROM meetups WHERE id = $1`, m.ID); err != nil || stage == "scheduled" {
		t.Fatalf("stage %q (%v) after refused schedules", stage, err)
	}
}
