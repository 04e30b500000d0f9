package handlers

import (
	"testing"

	"github.com/convene/convene/models"
)

// TestDoorCounterRussianPlurals: the Russian counter takes the form each number asks for, for the
// expected (after «из»), the other invitees who came and the walk-ins (one, few, many).
func TestDoorCounterRussianPlurals(t *testing.T) {
	views, err := NewViews()
	if err != nil {
		t.Fatal(err)
	}
	ru := views.NewTranslator("ru")
	cases := []struct {
		c                     models.DoorCounts
		invited, others, walk string
	}{
		{models.DoorCounts{ExpectedIn: 1, Expected: 21, OthersIn: 21, WalkIns: 1}, "Пришли: 1 из 21 ожидаемого", "ещё 21 приглашённый", "1 гость без приглашения"},
		{models.DoorCounts{ExpectedIn: 3, Expected: 14, OthersIn: 2, WalkIns: 2}, "Пришли: 3 из 14 ожидаемых", "ещё 2 приглашённых", "2 гостя без приглашения"},
		{models.DoorCounts{ExpectedIn: 0, Expected: 3, OthersIn: 5, WalkIns: 5}, "Пришли: 0 из 3 ожидаемых", "ещё 5 приглашённых", "5 гостей без приглашения"},
		{models.DoorCounts{ExpectedIn: 7, Expected: 11, OthersIn: 11, WalkIns: 11}, "Пришли: 7 из 11 ожидаемых", "ещё 11 приглашённых", "11 гостей без приглашения"},
		{models.DoorCounts{ExpectedIn: 2, Expected: 2}, "Пришли: 2 из 2 ожидаемых", "", ""},
	}
	for _, tc := range cases {
		if got := newDoorCounter(ru, tc.c); got.Invited != tc.invited || got.Others != tc.others || got.WalkIns != tc.walk {
			t.Errorf("%+v: %+v, want %q, %q and %q", tc.c, got, tc.invited, tc.others, tc.walk)
		}
	}
}
