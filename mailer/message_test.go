package mailer_test

import (
	"bytes"
	"errors"
	"mime"
	"net/mail"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/convene/convene/mailer"
)

// inviteICS is a small literal invitation (CRLF lines), independent of the calendar builder.
const inviteICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene//Test//EN\r\nMETHOD:REQUEST\r\n" +
	"BEGIN:VEVENT\r\nUID:meetup-1@convene.test\r\nSEQUENCE:2\r\nDTSTAMP:20250101T090000Z\r\n" +
	"DTSTART:20250110T120000Z\r\nDTEND:20250110T130000Z\r\nSUMMARY:Lunch & learn\r\n" +
	"ORGANIZER:mailto:convene@convene.test\r\nATTENDEE;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:ann@example.com\r\n" +
	"END:VEVENT\r\nEND:VCALENDAR\r\n"

func baseMessage() mailer.Message {
	return mailer.Message{From: "Convene <convene@convene.test>", ToEmail: "ann@example.com", ToName: "Ann",
		Subject: "You are invited", Text: "Hello Ann", HTML: "<p>Hello Ann</p>",
		MessageID: "<0b0e7d6a-1111-2222-3333-444455556666@convene.test>",
		Date:      time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)}
}

// render builds m and writes it out.
func render(t *testing.T, m mailer.Message) []byte {
	t.Helper()
	msg, err := m.Build()
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	var buf bytes.Buffer
	if _, err := msg.WriteTo(&buf); err != nil {
		t.Fatalf("write: %v", err)
	}
	return buf.Bytes()
}

func TestInviteHasTheCalendarLayout(t *testing.T) {
	m := baseMessage()
	m.ICS, m.ICSMethod = []byte(inviteICS), "REQUEST"
	raw := render(t, m)
	_, root := parseMessage(t, raw)
	want := "multipart/mixed{multipart/alternative{text/plain,text/html,text/calendar},application/ics}"
	if root.shape() != want {
		t.Fatalf("MIME tree %s, want %s", root.shape(), want)
	}
	cal := root.find("text/calendar")
	inside := regexp.MustCompile(`(?m)^METHOD:(\S+)\r?$`).FindStringSubmatch(string(cal.Body))
	if cal.Params["method"] != "REQUEST" || inside == nil || inside[1] != cal.Params["method"] {
		t.Fatalf("Content-Type method=%q, METHOD inside %v", cal.Params["method"], inside)
	}
	att := root.find("application/ics")
	_, dp, _ := mime.ParseMediaType(att.header("Content-Disposition"))
	if dp["filename"] != "invite.ics" || string(att.Body) != inviteICS {
		t.Fatalf("attachment %q: %q", dp["filename"], att.Body)
	}
	if n := strings.Count(strings.ToLower(string(raw)), "charset=utf-8; charset"); n != 0 {
		t.Fatalf("charset given twice")
	}
	if string(root.find("text/plain").Body) != "Hello Ann" || string(root.find("text/html").Body) != "<p>Hello Ann</p>" {
		t.Fatalf("bodies changed")
	}
}

func TestMessageWithoutInviteIsAlternative(t *testing.T) {
	_, root := parseMessage(t, render(t, baseMessage()))
	if root.shape() != "multipart/alternative{text/plain,text/html}" {
		t.Fatalf("tree %s", root.shape())
	}
	m := baseMessage()
	m.HTML = ""
	_, root = parseMessage(t, render(t, m))
	if root.shape() != "text/plain" {
		t.Fatalf("text only: tree %s", root.shape())
	}
}

func TestHeadersCarryIDDateAndEncodedNames(t *testing.T) {
	m := baseMessage()
	m.ToName, m.Subject = `Анна "Q" Иванова`, "Приглашение: обед"
	m.ReplyTo = (&mail.Address{Name: "Олег Петров", Address: "oleg@corp.test"}).String()
	raw := render(t, m)
	msg, _ := parseMessage(t, raw)
	if got := msg.Header.Get("Message-Id"); got != m.MessageID {
		t.Fatalf("Message-ID %q, want %q", got, m.MessageID)
	}
	if d, err := msg.Header.Date(); err != nil || !d.Equal(m.Date) {
		t.Fatalf("Date %v %v", d, err)
	}
	if !strings.Contains(strings.ToUpper(msg.Header.Get("Subject")), "=?UTF-8?") || !strings.Contains(strings.ToUpper(msg.Header.Get("To")), "=?UTF-8?") {
		t.Fatalf("not RFC 2047 encoded: Subject %q To %q", msg.Header.Get("Subject"), msg.Header.Get("To"))
	}
	subj, _ := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	to, err := mail.ParseAddress(msg.Header.Get("To"))
	if subj != m.Subject || err != nil || to.Name != m.ToName || to.Address != m.ToEmail {
		t.Fatalf("decoded Subject %q To %+v (%v)", subj, to, err)
	}
	if rt, err := mail.ParseAddress(msg.Header.Get("Reply-To")); err != nil || rt.Name != "Олег Петров" || rt.Address != "oleg@corp.test" {
		t.Fatalf("Reply-To %q: %+v (%v)", msg.Header.Get("Reply-To"), rt, err)
	}
}

func TestNoCRLFOrNULReachesAHeader(t *testing.T) {
	m := baseMessage()
	m.Subject = "Hi\r\nBcc: evil@attacker.test\x00"
	m.ToName = "Ann\nX-Evil: 1"
	m.MessageID = "<id@convene.test>\r\nX-Evil: 2"
	raw := render(t, m)
	head, _, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
	if bytes.Contains(head, []byte{0}) || regexp.MustCompile(`(?mi)^(bcc|x-evil):`).Match(head) {
		t.Fatalf("header injected:\n%s", head)
	}
	for _, line := range strings.Split(string(head), "\r\n") {
		if strings.ContainsAny(line, "\r\n") {
			t.Fatalf("bare CR or LF in header line %q", line)
		}
	}
	msg, _ := parseMessage(t, raw)
	if msg.Header.Get("Subject") != "Hi Bcc: evil@attacker.test" {
		t.Fatalf("subject %q", msg.Header.Get("Subject"))
	}
}

func TestReplyToWithALineBreakIsRefused(t *testing.T) {
	m := baseMessage()
	m.ReplyTo = "Org <org@convene.test>\r\nBcc: evil@attacker.test"
	if _, err := m.Build(); !errors.Is(err, mailer.ErrBadMessage) {
		t.Fatalf("Build with an injected Reply-To: %v, want ErrBadMessage", err)
	}
}

func TestInviteMethodMustMatchCalendar(t *testing.T) {
	m := baseMessage()
	m.ICS, m.ICSMethod = []byte(inviteICS), "CANCEL"
	if _, err := m.Build(); !errors.Is(err, mailer.ErrBadMessage) {
		t.Fatalf("method CANCEL on a REQUEST calendar: %v", err)
	}
	m.ICS = []byte(strings.Replace(inviteICS, "METHOD:REQUEST\r\n", "", 1))
	m.ICSMethod = ""
	if _, err := m.Build(); !errors.Is(err, mailer.ErrBadMessage) {
		t.Fatalf("calendar without METHOD: %v", err)
	}
	m.ICS = []byte(strings.Replace(inviteICS, "METHOD:REQUEST", "METHOD:CANCEL", 1))
	_, root := parseMessage(t, render(t, m))
	if got := root.find("text/calendar").Params["method"]; got != "CANCEL" {
		t.Fatalf("method from the calendar: %q", got)
	}
}
