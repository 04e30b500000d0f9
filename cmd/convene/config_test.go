package main

import (
	"strings"
	"testing"
)

// unreachableDB is a well-formed DATABASE_URL with a password and nothing listening.
const unreachableDB = "postgres://ana:Sup3rS3cretPw@127.0.0.1:1/convene?sslmode=disable"

// problemLines returns the indented problem lines under "configuration:".
func problemLines(stderr string) []string {
	var out []string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.HasPrefix(l, "  ") {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

// TestBadConfigurationIsOneLinePerProblem proves each bad setting is reported in one clear line,
// with a non-zero exit and no secret in the output.
func TestBadConfigurationIsOneLinePerProblem(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"malformed database URL", map[string]string{"DATABASE_URL": "://bad"}, "DATABASE_URL is not a valid URL: "},
		{"database URL missing", map[string]string{}, "DATABASE_URL is not set"},
		{"bad port, password kept out", map[string]string{"DATABASE_URL": "postgres://ana:Sup3rS3cretPw@db:port/convene"}, "DATABASE_URL is not a valid URL: "},
		{"not postgres, password kept out", map[string]string{"DATABASE_URL": "mysql://ana:Sup3rS3cretPw@db/convene"}, "DATABASE_URL is not a valid URL: "},
		{"bad escape, password kept out", map[string]string{"DATABASE_URL": "postgres://ana:Sup3rS3cretPw%zz@db/convene"}, "DATABASE_URL is not a valid URL: "},
		{"workers not a number", map[string]string{"DATABASE_URL": unreachableDB, "CONVENE_WORKERS": "abc"}, `CONVENE_WORKERS is not a whole number: "abc"`},
		{"workers out of range", map[string]string{"DATABASE_URL": unreachableDB, "CONVENE_WORKERS": "0"}, "CONVENE_WORKERS must be between 1 and 64"},
		{"base URL not http", map[string]string{"DATABASE_URL": unreachableDB, "CONVENE_BASE_URL": "ftp://meetups.example.com"}, "CONVENE_BASE_URL is not an http(s) URL"},
		{"base URL without host", map[string]string{"DATABASE_URL": unreachableDB, "CONVENE_BASE_URL": "https://"}, "CONVENE_BASE_URL is not an http(s) URL"},
		{"SMTP URL not smtp", map[string]string{"DATABASE_URL": unreachableDB, "SMTP_URL": "http://mail.example.com"}, "SMTP_URL is not an smtp:// or smtps:// URL with a host"},
		{"SMTP URL without host, password kept out", map[string]string{"DATABASE_URL": unreachableDB, "SMTP_URL": "smtp://mailer:Sup3rS3cretPw@:587"}, "SMTP_URL is not an smtp:// or smtps:// URL with a host"},
		{"mail from not an address", map[string]string{"DATABASE_URL": unreachableDB, "CONVENE_MAIL_FROM": "Convene"}, "CONVENE_MAIL_FROM is not a mail address: "},
		{"short secret", map[string]string{"DATABASE_URL": unreachableDB, "CONVENE_SECRET": "short"}, "CONVENE_SECRET must be at least 32 characters"},
		{"body limit not a size", map[string]string{"DATABASE_URL": unreachableDB, "CONVENE_BODY_LIMIT": "lots"}, `CONVENE_BODY_LIMIT is not a size such as 2M: "lots"`},
		{"body limit zero", map[string]string{"DATABASE_URL": unreachableDB, "CONVENE_BODY_LIMIT": "0"}, `CONVENE_BODY_LIMIT is not a size such as 2M: "0"`},
		{"address without port", map[string]string{"DATABASE_URL": unreachableDB, "CONVENE_ADDR": "localhost"}, `CONVENE_ADDR is not host:port: "localhost"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cleanEnv(t)
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			r := convene(t, "", "serve")
			lines := problemLines(r.stderr)
			if r.code == 0 || len(lines) != 1 || !strings.HasPrefix(lines[0], c.want) {
				t.Fatalf("exit %d, problems %q; want one line starting %q (stderr %q)", r.code, lines, c.want, r.stderr)
			}
			if strings.Contains(r.stderr+r.stdout, "Sup3rS3cretPw") {
				t.Fatalf("the password is printed: %q", r.stderr)
			}
		})
	}
}

// TestEveryProblemIsReportedAtOnce proves several bad settings give one line each, in one run.
func TestEveryProblemIsReportedAtOnce(t *testing.T) {
	cleanEnv(t)
	t.Setenv("DATABASE_URL", "://bad")
	t.Setenv("CONVENE_WORKERS", "abc")
	t.Setenv("CONVENE_BASE_URL", "ftp://x")
	t.Setenv("SMTP_URL", "http://mail")
	t.Setenv("CONVENE_MAIL_FROM", "nobody")
	r := convene(t, "", "migrate", "status")
	lines := problemLines(r.stderr)
	want := []string{"DATABASE_URL", "CONVENE_WORKERS", "CONVENE_BASE_URL", "SMTP_URL", "CONVENE_MAIL_FROM"}
	if r.code == 0 || len(lines) != len(want) {
		t.Fatalf("exit %d, %d problem lines %q; want %d", r.code, len(lines), lines, len(want))
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, "  "+w+" ") {
			t.Errorf("no line for %s in %q", w, r.stderr)
		}
	}
}

// TestServeFlagsAreChecked proves a bad value given as a flag of serve is reported like the variable.
func TestServeFlagsAreChecked(t *testing.T) {
	cleanEnv(t)
	r := convene(t, "", "serve", "--database-url", unreachableDB, "--workers", "many")
	if lines := problemLines(r.stderr); r.code == 0 || len(lines) != 1 || !strings.HasPrefix(lines[0], `CONVENE_WORKERS is not a whole number: "many"`) {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if r := convene(t, "", "serve", "--no-such-flag"); r.code != 2 {
		t.Fatalf("unknown flag: exit %d, want 2 (stderr %q)", r.code, r.stderr)
	}
}

// TestUnreachableDatabaseIsOneClearLine proves a database that does not answer gives a clear error
// without the password of the URL.
func TestUnreachableDatabaseIsOneClearLine(t *testing.T) {
	cleanEnv(t)
	t.Setenv("DATABASE_URL", unreachableDB)
	r := convene(t, "", "migrate", "status")
	if r.code != 1 || !strings.Contains(r.stderr, "connect to database") {
		t.Fatalf("exit %d, stderr %q; want 1 and 'connect to database'", r.code, r.stderr)
	}
	if strings.Contains(r.stderr, "Sup3rS3cretPw") {
		t.Fatalf("the password is printed: %q", r.stderr)
	}
}

// TestBadBodyLimitWithAWorkingDatabase proves a bad CONVENE_BODY_LIMIT stops serve with a message
// even when everything else works (Echo's body-limit middleware would panic on it).
func TestBadBodyLimitWithAWorkingDatabase(t *testing.T) {
	useDB(t)
	t.Setenv("CONVENE_BODY_LIMIT", "2 lots")
	r := convene(t, "", "serve")
	if r.code == 0 || !strings.Contains(r.stderr, "CONVENE_BODY_LIMIT is not a size") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
}
