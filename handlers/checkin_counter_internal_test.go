package handlers

import (
	"testing"

	"github.com/convene/convene/models"
)

// TestDoorCounterRussianPlurals: the Russian counter takes the form each number asks for, for the
// expected (after «из») and for the walk-ins (one, few, many).
func TestDoorCounterRussianPlurals(t *testing.T) {
	views, err := NewViews()
	if err != nil {
		t.Fatal(err)
	}
	ru := views.NewTranslator("ru")
	cases := []struct {
		c             models.DoorCounts
		invited, walk string
	}{
		{models.DoorCounts{InvitedIn: 1, Expected: 21, WalkIns: 1}, "Пришли: 1 из 21 ожидаемого", "1 гость без приглашения"},
		{models.DoorCounts{InvitedIn: 3, Expected: 14, WalkIns: 2}, "Пришли: 3 из 14 ожидаемых", "2 гостя без приглашения"},
		{models.DoorCounts{InvitedIn: 0, Expected: 3, WalkIns: 5}, "Пришли: 0 из 3 ожидаемых", "5 гостей без приглашения"},
		{models.DoorCounts{InvitedIn: 7, Expected: 11, WalkIns: 11}, "Пришли: 7 из 11 ожидаемых", "11 гостей без приглашения"},
		{models.DoorCounts{InvitedIn: 2, Expected: 2}, "Пришли: 2 из 2 ожидаемых", ""},
	}
	for _, tc := range cases {
		if got := newDoorCounter(ru, tc.c); got.Invited != tc.invited || got.WalkIns != tc.walk {
			t.Errorf("%+v: %+v, want %q and %q", tc.c, got, tc.invited, tc.walk)
		}
	}
}
