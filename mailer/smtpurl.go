package mailer

import (
	"crypto/tls"
	"fmt"
	"net/url"
	"strconv"

	"github.com/wneessen/go-mail"
)

// SMTPConfig says where and how to deliver: read from SMTP_URL.
type SMTPConfig struct {
	Host        string
	Port        int
	ImplicitTLS bool           // smtps://: TLS from the first byte
	TLSPolicy   mail.TLSPolicy // for smtp://: STARTTLS when offered unless ?tls=required or ?tls=none
	Username    string
	Password    string
	TLSConfig   *tls.Config // nil: verify the server's certificate against the system roots
}

// ParseSMTPURL reads smtp://[user:pass@]host[:port][?tls=required|none] (port 25, STARTTLS when
// the server offers it) or smtps://[user:pass@]host[:port] (port 465, implicit TLS).
func ParseSMTPURL(raw string) (SMTPConfig, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return SMTPConfig{}, fmt.Errorf("SMTP_URL: %w", redactURL(err))
	}
	c := SMTPConfig{Host: u.Hostname(), Port: 25, TLSPolicy: mail.TLSOpportunistic}
	switch u.Scheme {
	case "smtp":
	case "smtps":
		c.Port, c.ImplicitTLS, c.TLSPolicy = 465, true, mail.NoTLS
	default:
		return c, fmt.Errorf("SMTP_URL: scheme %q is not smtp:// or smtps://", u.Scheme)
	}
	if c.Host == "" {
		return c, fmt.Errorf("SMTP_URL: no host")
	}
	if p := u.Port(); p != "" {
		if c.Port, err = strconv.Atoi(p); err != nil || c.Port < 1 || c.Port > 65535 {
			return c, fmt.Errorf("SMTP_URL: bad port %q", p)
		}
	}
	if u.User != nil {
		c.Username = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	return c, c.tlsOption(u.Query().Get("tls"))
}

// tlsOption applies ?tls= to an smtp:// URL.
func (c *SMTPConfig) tlsOption(v string) error {
	switch {
	case v == "" || v == "opportunistic":
	case c.ImplicitTLS:
		return fmt.Errorf("SMTP_URL: ?tls= applies to smtp:// only")
	case v == "required":
		c.TLSPolicy = mail.TLSMandatory
	case v == "none":
		c.TLSPolicy = mail.NoTLS
	default:
		return fmt.Errorf("SMTP_URL: ?tls=%s is not required, opportunistic or none", v)
	}
	return nil
}

// redactURL drops the URL, which may hold a password, from a parse error.
func redactURL(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
