package handlers_test

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// pyCal is what python3-icalendar (Debian's, an independent parser) read in a calendar.
type pyCal struct {
	Method string `json:"method"`
	Errors []any  `json:"errors"`
	Events []struct {
		UID       string `json:"uid"`
		Sequence  int    `json:"sequence"`
		Status    string `json:"status"`
		Start     string `json:"start"`
		End       string `json:"end"`
		Organizer *struct {
			Value string `json:"value"`
		} `json:"organizer"`
		Attendees []struct {
			Value, Partstat, Rsvp string
		} `json:"attendees"`
		Errors []any `json:"errors"`
	} `json:"events"`
}

// pyRead parses a calendar with mailer/testdata/icalcheck.py under /usr/bin/python3.
func pyRead(t *testing.T, b []byte) pyCal {
	t.Helper()
	if exec.Command("/usr/bin/python3", "-c", "import icalendar").Run() != nil {
		testutil.Unavailable(t, "python3-icalendar not found: apt-get install -y python3-icalendar")
	}
	cmd := exec.Command("/usr/bin/python3", "../mailer/testdata/icalcheck.py")
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	var c pyCal
	if err != nil || json.Unmarshal(out, &c) != nil || len(c.Errors) > 0 {
		t.Fatalf("python3-icalendar: %v %s\n%s", err, out, b)
	}
	for _, ev := range c.Events {
		if len(ev.Errors) > 0 {
			t.Fatalf("python3-icalendar event errors %v\n%s", ev.Errors, b)
		}
	}
	return c
}

// fetchICS gets a calendar file and checks its type names the method.
func fetchICS(t *testing.T, c *testutil.Client, path, method string) pyCal {
	t.Helper()
	res := c.Get(t, path)
	if res.Status != 200 || res.Header.Get("Content-Type") != "text/calendar; charset=utf-8; method="+method {
		t.Fatalf("%s: %d %s", path, res.Status, res.Header.Get("Content-Type"))
	}
	cal := pyRead(t, []byte(res.Body))
	if cal.Method != method {
		t.Fatalf("%s: METHOD %s in a method=%s file", path, cal.Method, method)
	}
	return cal
}
