package bench

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	htmltemplate "html/template"
	"strings"
	texttemplate "text/template"
)

// invitee is one personalised recipient.
type invitee struct {
	I                             int
	Name, Email, Department       string
	TokenYes, TokenMaybe, TokenNo string
}

// talk is one item of the agenda.
type talk struct{ Time, Title, Speaker, Abstract, Bio string }

// newInvitee makes recipient i with fresh link tokens.
func newInvitee(i int) invitee {
	tok := func() string {
		b := make([]byte, 16)
		_, _ = rand.Read(b)
		return hex.EncodeToString(b)
	}
	deps := []string{"Platform", "Payments", "Mobile", "Data", "Support", "Sales"}
	return invitee{I: i, Name: fmt.Sprintf("Person %05d Example", i), Email: fmt.Sprintf("p%05d@corp.example", i),
		Department: deps[i%len(deps)], TokenYes: tok(), TokenMaybe: tok(), TokenNo: tok()}
}

// agenda is the shared part of the invitation, sized like a real one.
var agenda = func() []talk {
	lorem := "We walk through what we learned running this in production for two years: the failure modes nobody " +
		"warned us about, the dashboards that actually helped, and the three changes that cut our pager load in half. "
	bio := "Staff engineer who has led the migration from the monolith and now mentors the new platform team. "
	var out []talk
	for i, title := range []string{"Opening and house rules", "Generics in anger", "Postgres as a queue",
		"Calendar invites that work everywhere", "Lightning talks", "Q&A and wrap-up"} {
		out = append(out, talk{Time: fmt.Sprintf("12:%02d", i*10), Title: title, Speaker: fmt.Sprintf("Speaker %d", i+1),
			Abstract: strings.Repeat(lorem, 5), Bio: strings.Repeat(bio, 3)})
	}
	return out
}()

var inviteHTML = htmltemplate.Must(htmltemplate.New("invite").Parse(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lunch &amp; learn</title></head>
<body style="margin:0;padding:0;background:#f4f4f5;font-family:Arial,Helvetica,sans-serif">
<div style="display:none;max-height:0;overflow:hidden">You are invited to the platform lunch &amp; learn, {{.P.Name}}.</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f5"><tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="background:#ffffff;border-radius:8px;color:#18181b">
<tr><td style="padding:28px 32px 8px;font-size:22px;font-weight:bold;color:#1f5fbf">Platform lunch &amp; learn</td></tr>
<tr><td style="padding:8px 32px;font-size:16px;line-height:24px">Hello {{.P.Name}},<br>the {{.P.Department}} team and everyone else
is invited to our next lunch &amp; learn. Lunch is served; vegetarian and vegan options are available.</td></tr>
<tr><td style="padding:8px 32px"><table role="presentation" cellpadding="6" cellspacing="0" border="0" style="font-size:15px;line-height:22px">
<tr><td style="color:#71717a">When</td><td>Thursday 10 July, 12:00–13:30 (Europe/Berlin, UTC+02:00)</td></tr>
<tr><td style="color:#71717a">Where</td><td>Room Ada, 4th floor, and online</td></tr>
<tr><td style="color:#71717a">Online</td><td><a href="https://meet.corp.example/lunch-and-learn" style="color:#1f5fbf">meet.corp.example/lunch-and-learn</a></td></tr>
</table></td></tr>
<tr><td style="padding:16px 32px"><table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>
<td style="padding-right:8px"><a href="https://convene.corp.example/r/{{.P.TokenYes}}?a=yes" style="display:inline-block;background:#1c7c3a;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">Yes, I'll come</a></td>
<td style="padding-right:8px"><a href="https://convene.corp.example/r/{{.P.TokenMaybe}}?a=maybe" style="display:inline-block;background:#9a5b00;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">Maybe</a></td>
<td><a href="https://convene.corp.example/r/{{.P.TokenNo}}?a=no" style="display:inline-block;background:#b3261e;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">No</a></td>
</tr></table></td></tr>
<tr><td style="padding:8px 32px;font-size:18px;font-weight:bold">Agenda</td></tr>
{{range .Agenda}}<tr><td style="padding:6px 32px 14px;font-size:15px;line-height:22px;border-top:1px solid #e4e4e7">
<p style="margin:8px 0 4px"><span style="color:#71717a">{{.Time}}</span> <strong>{{.Title}}</strong> — {{.Speaker}}</p>
<p style="margin:0 0 6px">{{.Abstract}}</p><p style="margin:0;color:#52525b;font-size:13px">{{.Bio}}</p></td></tr>
{{end}}<tr><td style="padding:16px 32px 28px;font-size:12px;line-height:18px;color:#71717a">You get this mail because you are in
the audience "Engineering, Berlin" at Corp. Your answer can be changed until the day before. This link is personal:
please do not forward it. <a href="https://convene.corp.example/r/{{.P.TokenYes}}" style="color:#71717a">Manage your answer</a>.</td></tr>
</table></td></tr></table></body></html>`))

var inviteText = texttemplate.Must(texttemplate.New("text").Parse(`Hello {{.P.Name}},

the {{.P.Department}} team and everyone else is invited to our next lunch & learn.

When:   Thursday 10 July, 12:00–13:30 (Europe/Berlin, UTC+02:00)
Where:  Room Ada, 4th floor, and online: https://meet.corp.example/lunch-and-learn

Yes:    https://convene.corp.example/r/{{.P.TokenYes}}?a=yes
Maybe:  https://convene.corp.example/r/{{.P.TokenMaybe}}?a=maybe
No:     https://convene.corp.example/r/{{.P.TokenNo}}?a=no

Agenda
{{range .Agenda}}
{{.Time}}  {{.Title}} — {{.Speaker}}
{{.Abstract}}
{{end}}
This link is personal: please do not forward it.
`))

const inviteICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Convene//Bench//EN\r\nMETHOD:REQUEST\r\n" +
	"BEGIN:VEVENT\r\nUID:bench-meetup@convene.corp.example\r\nSEQUENCE:0\r\nDTSTAMP:20250701T090000Z\r\n" +
	"DTSTART:20250710T100000Z\r\nDTEND:20250710T113000Z\r\nSUMMARY:Platform lunch & learn\r\n" +
	"LOCATION:Room Ada\\, 4th floor\r\nORGANIZER;CN=Convene:mailto:convene@corp.example\r\n" +
	"ATTENDEE;CN=%s;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:%s\r\n" +
	"DESCRIPTION:Answer here: https://convene.corp.example/r/%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

// rendered is one personalised invitation.
type rendered struct{ Subject, Text, HTML, ICS string }

// render renders the invitation for p.
func render(p invitee) (rendered, error) {
	data := map[string]any{"P": p, "Agenda": agenda}
	var h, t strings.Builder
	h.Grow(24 << 10)
	if err := inviteHTML.Execute(&h, data); err != nil {
		return rendered{}, err
	}
	if err := inviteText.Execute(&t, data); err != nil {
		return rendered{}, err
	}
	return rendered{Subject: "Invitation: Platform lunch & learn, Thu 10 July 12:00", Text: t.String(), HTML: h.String(),
		ICS: fmt.Sprintf(inviteICS, p.Name, p.Email, p.TokenYes)}, nil
}
