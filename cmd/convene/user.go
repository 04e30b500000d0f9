package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/mail"
	"os"
	"strings"

	"github.com/convene/convene/models"
	"golang.org/x/term"
)

// user runs `convene user create`.
func (e *cli) user(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return usageError("user: only `user create` exists")
	}
	fs := flag.NewFlagSet("user create", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	email := fs.String("email", "", "the user's email (login)")
	role := fs.String("role", "", "admin or organiser")
	team := fs.String("team", "", "team name (created if new; default: the first team)")
	name := fs.String("name", "", "display name")
	lang := fs.String("lang", "en", "interface language: en or ru")
	if err := fs.Parse(args[1:]); err != nil {
		return usageError(err.Error())
	}
	if err := checkUserFlags(*email, *role, *lang); err != nil {
		return err
	}
	pw, err := e.readPassword()
	if err != nil {
		return err
	}
	store, _, err := e.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	t, err := resolveTeam(ctx, store, *team)
	if err != nil {
		return err
	}
	u, err := store.CreateUser(ctx, models.NewUser{TeamID: t.ID, Email: *email, Name: *name, Role: *role, Lang: *lang, Password: pw})
	if errors.Is(err, models.ErrConflict) {
		return fmt.Errorf("a user with email %s already exists", *email)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "created %s %s in team %q\n", u.Role, u.Email, t.Name)
	return nil
}

// checkUserFlags validates the flags of `user create`.
func checkUserFlags(email, role, lang string) error {
	if _, err := mail.ParseAddress(email); err != nil || !strings.Contains(email, "@") || strings.ContainsAny(email, "<> ") {
		return usageError("user create: --email must be a plain address such as ana@example.com")
	}
	if role != models.RoleAdmin && role != models.RoleOrganiser {
		return usageError("user create: --role must be admin or organiser")
	}
	if lang != "en" && lang != "ru" {
		return usageError("user create: --lang must be en or ru")
	}
	return nil
}

// resolveTeam finds or creates the named team, or takes the first one.
func resolveTeam(ctx context.Context, store *models.Store, name string) (models.Team, error) {
	if name != "" {
		return store.EnsureTeam(ctx, name)
	}
	t, err := store.FirstTeam(ctx)
	if errors.Is(err, models.ErrNotFound) {
		return store.EnsureTeam(ctx, "Default")
	}
	return t, err
}

// readPassword reads the password from stdin: hidden at a terminal, the first line otherwise.
func (e *cli) readPassword() (string, error) {
	var pw string
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, "Password: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", err
		}
		pw = string(b)
	} else {
		line, err := bufio.NewReader(e.stdin).ReadString('\n')
		if err != nil && err != io.EOF {
			return "", err
		}
		pw = strings.TrimRight(line, "\r\n")
	}
	if len(pw) < 10 {
		return "", usageError("user create: the password (read from stdin) must have at least 10 characters")
	}
	return pw, nil
}
