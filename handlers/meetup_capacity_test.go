package handlers_test

import (
	"fmt"
	"testing"
)

// TestMeetupPageShowsRemoteCapacity: with remote places set, the meetup page gives both the
// seats in the room and the remote places, in English and in Russian; without, the seats alone.
func TestMeetupPageShowsRemoteCapacity(t *testing.T) {
	e := newRSVPEnv(t, 0, 5)
	c, _ := e.schedulePage(t, e.meetup.ID)
	wantPage(t, c.Get(t, "/meetups/"+e.meetup.ID), 200, `id="meetup-capacity">5</dd>`)
	e.schedule(t, e.meetup.ID, fmt.Sprintf(`{"starts_at":%q,"capacity":2,"remote_capacity":3}`, e.start), 200)
	wantPage(t, c.Get(t, "/meetups/"+e.meetup.ID), 200, `id="meetup-capacity">2 in person · 3 remote</dd>`)
	if err := e.app.Store.SetUserLang(t.Context(), e.app.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	wantPage(t, c.Get(t, "/meetups/"+e.meetup.ID), 200, `id="meetup-capacity">2 очно · 3 удалённо</dd>`)
}
