package mailer_test

import (
	"strings"
	"testing"

	"github.com/convene/convene/mailer"
	"github.com/wneessen/go-mail"
)

func TestParseSMTPURL(t *testing.T) {
	cases := []struct {
		url  string
		want mailer.SMTPConfig
	}{
		{"smtp://relay.example.com", mailer.SMTPConfig{Host: "relay.example.com", Port: 25, TLSPolicy: mail.TLSOpportunistic}},
		{"smtp://u%40x:p%3Ass@relay:2525?tls=required", mailer.SMTPConfig{Host: "relay", Port: 2525,
			TLSPolicy: mail.TLSMandatory, Username: "u@x", Password: "p:ss"}},
		{"smtp://localhost:1025?tls=none", mailer.SMTPConfig{Host: "localhost", Port: 1025, TLSPolicy: mail.NoTLS}},
		{"smtps://user:secret@smtp.example.com", mailer.SMTPConfig{Host: "smtp.example.com", Port: 465,
			ImplicitTLS: true, TLSPolicy: mail.NoTLS, Username: "user", Password: "secret"}},
	}
	for _, c := range cases {
		got, err := mailer.ParseSMTPURL(c.url)
		if err != nil || got != c.want {
			t.Errorf("%s: %+v (%v), want %+v", c.url, got, err, c.want)
		}
	}
	for _, bad := range []string{"http://x", "smtp://", "smtp://h:99999", "smtps://h?tls=none", "smtp://h?tls=maybe",
		"smtp://user:hunter2@h:x"} {
		_, err := mailer.ParseSMTPURL(bad)
		if err == nil {
			t.Errorf("%s: accepted", bad)
		} else if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("%s: the error shows the password: %v", bad, err)
		}
	}
}
