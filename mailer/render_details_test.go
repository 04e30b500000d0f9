package mailer

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestDetailsServeEveryoneOfAZone: notices of one meetup to several people, in two zones and of
// two meetups, rendered on one renderer (so from its cache of details) are each the mail a
// fresh renderer gives that person: their own name and place, the time in their own zone, the
// room of their own meetup.
func TestDetailsServeEveryoneOfAZone(t *testing.T) {
	warm := newTestRenderer(t)
	other := sampleMeetup()
	other.Location = "Lviv office, room 1"
	cases := []struct {
		to   Recipient
		m    Meetup
		want []string
	}{
		{Recipient{Name: "Taras", TimeZone: "Europe/Kyiv"}, sampleMeetup(), []string{"Hi Taras", "12:30", "Kyiv office"}},
		{Recipient{Name: "Ann", TimeZone: "America/New_York"}, sampleMeetup(), []string{"Hi Ann", "05:30", "Kyiv office"}},
		{Recipient{Name: "Olha", TimeZone: "Europe/Kyiv"}, sampleMeetup(), []string{"Hi Olha", "12:30", "Kyiv office"}},
		{Recipient{Name: "Olha", TimeZone: "Europe/Kyiv"}, other, []string{"Hi Olha", "12:30", "Lviv office"}},
	}
	for i, c := range cases {
		d := WaitlistedData{To: c.to, Meetup: c.m, Position: 10 + i, RSVPURL: sampleRSVP}
		got, err := warm.Render(KindWaitlisted, "en", d)
		if err != nil {
			t.Fatal(err)
		}
		fresh, err := newTestRenderer(t).Render(KindWaitlisted, "en", d)
		if err != nil {
			t.Fatal(err)
		}
		if got != fresh {
			t.Errorf("case %d: the cached details differ from a fresh rendering", i)
		}
		for _, w := range c.want {
			if !strings.Contains(got.Text, w) || !strings.Contains(got.HTML, w) {
				t.Errorf("case %d: %q missing from the text or the HTML", i, w)
			}
		}
	}
}

// TestMeetupKeyCoversEveryField: changing any field of a meetup, now or added later, changes
// the key its details are cached under.
func TestMeetupKeyCoversEveryField(t *testing.T) {
	base := sampleMeetup()
	v := reflect.ValueOf(&base).Elem()
	for i := range v.NumField() {
		m := sampleMeetup()
		f := reflect.ValueOf(&m).Elem().Field(i)
		switch f.Interface().(type) {
		case string:
			f.SetString(f.String() + "x")
		case time.Time:
			f.Set(reflect.ValueOf(f.Interface().(time.Time).Add(time.Nanosecond)))
		case []Speaker:
			f.Set(reflect.ValueOf(append(append([]Speaker{}, base.Speakers...), Speaker{Name: "x"})))
		default:
			t.Fatalf("field %s of a type the test does not change: extend Meetup.key and this test", v.Type().Field(i).Name)
		}
		if m.key() == base.key() {
			t.Errorf("changing %s keeps the key", v.Type().Field(i).Name)
		}
	}
	a, b := sampleMeetup(), sampleMeetup()
	a.Title, a.Description = "ab", "c"
	b.Title, b.Description = "a", "bc"
	if a.key() == b.key() {
		t.Error("two different meetups share a key")
	}
}
