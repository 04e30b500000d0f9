package main

import (
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/labstack/gommon/bytes" // the size syntax of Echo's body limit
)

// Config is the service's configuration, read from the environment (and serve's flags).
type Config struct {
	DatabaseURL    string
	Addr           string
	BaseURL        string
	Secret         string
	SMTPURL        string
	MailFrom       string
	Workers        int
	MailRate       float64
	BodyLimit      string
	TrustedProxies []string
	DBMaxConns     int
	LogLevel       string
}

// envConfig reads every setting from the environment, with defaults.
func envConfig() (Config, []string) {
	var problems []string
	c := Config{
		DatabaseURL: os.Getenv("DATABASE_URL"),
		Addr:        envOr("CONVENE_ADDR", "127.0.0.1:8080"),
		BaseURL:     os.Getenv("CONVENE_BASE_URL"),
		Secret:      os.Getenv("CONVENE_SECRET"),
		SMTPURL:     os.Getenv("SMTP_URL"),
		MailFrom:    envOr("CONVENE_MAIL_FROM", "Convene <convene@localhost>"),
		BodyLimit:   envOr("CONVENE_BODY_LIMIT", "2M"),
		LogLevel:    envOr("CONVENE_LOG_LEVEL", "info"),
	}
	c.Workers = envInt("CONVENE_WORKERS", 4, &problems)
	c.DBMaxConns = envInt("CONVENE_DB_MAX_CONNS", 12, &problems)
	c.MailRate = envFloat("CONVENE_MAIL_RATE", 0, &problems)
	if v := os.Getenv("CONVENE_TRUSTED_PROXIES"); v != "" {
		c.TrustedProxies = strings.Split(v, ",")
	}
	return c, problems
}

// check returns one clear line per problem with the configuration.
func (c *Config) check() []string {
	var p []string
	p = append(p, checkDatabaseURL(c.DatabaseURL)...)
	if _, port, err := net.SplitHostPort(c.Addr); err != nil || port == "" {
		p = append(p, fmt.Sprintf("CONVENE_ADDR is not host:port: %q", c.Addr))
	}
	if c.BaseURL == "" {
		c.BaseURL = "http://" + c.Addr
	}
	if u, err := url.Parse(c.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p = append(p, fmt.Sprintf("CONVENE_BASE_URL is not an http(s) URL: %q", c.BaseURL))
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	if c.SMTPURL != "" {
		if u, err := url.Parse(c.SMTPURL); err != nil || (u.Scheme != "smtp" && u.Scheme != "smtps") || u.Hostname() == "" {
			p = append(p, "SMTP_URL is not an smtp:// or smtps:// URL with a host")
		}
	}
	if _, err := mail.ParseAddress(c.MailFrom); err != nil {
		p = append(p, fmt.Sprintf("CONVENE_MAIL_FROM is not a mail address: %v", err))
	}
	if c.Workers < 1 || c.Workers > 64 {
		p = append(p, fmt.Sprintf("CONVENE_WORKERS must be between 1 and 64, not %d", c.Workers))
	}
	if c.MailRate < 0 {
		p = append(p, "CONVENE_MAIL_RATE must be 0 (unlimited) or more")
	}
	if n, err := bytes.Parse(c.BodyLimit); err != nil || n <= 0 {
		p = append(p, fmt.Sprintf("CONVENE_BODY_LIMIT is not a size such as 2M: %q", c.BodyLimit))
	}
	if c.Secret != "" && len(c.Secret) < 32 {
		p = append(p, "CONVENE_SECRET must be at least 32 characters (or unset to generate one)")
	}
	return p
}

// checkDatabaseURL explains what is wrong with DATABASE_URL, if anything.
func checkDatabaseURL(s string) []string {
	if s == "" {
		return []string{"DATABASE_URL is not set: give a PostgreSQL URL such as postgres://user@127.0.0.1:5432/convene?sslmode=disable"}
	}
	u, err := url.Parse(s)
	if err != nil {
		return []string{fmt.Sprintf("DATABASE_URL is not a valid URL: %v", redactURLError(err))}
	}
	if u.Scheme != "postgres" && u.Scheme != "postgresql" {
		return []string{fmt.Sprintf("DATABASE_URL is not a valid URL: scheme %q is not postgres://", u.Scheme)}
	}
	if u.Host == "" && u.Query().Get("host") == "" {
		return []string{"DATABASE_URL is not a valid URL: no host"}
	}
	return nil
}

// redactURLError drops the URL (which may hold a password) from a parse error.
func redactURLError(err error) string {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err.Error()
	}
	return err.Error()
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func envInt(key string, def int, problems *[]string) int {
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		*problems = append(*problems, fmt.Sprintf("%s is not a whole number: %q", key, v))
		return def
	}
	return n
}

func envFloat(key string, def float64, problems *[]string) float64 {
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil {
		*problems = append(*problems, fmt.Sprintf("%s is not a number: %q", key, v))
		return def
	}
	return f
}
