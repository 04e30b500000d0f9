package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/convene/convene/models"
)

// token runs `convene token create`: the token alone on stdout.
func (e *cli) token(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		return usageError("token: only `token create` exists")
	}
	fs := flag.NewFlagSet("token create", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	email := fs.String("email", "", "the user the token acts as")
	name := fs.String("name", "", "a label for the token")
	if err := fs.Parse(args[1:]); err != nil {
		return usageError(err.Error())
	}
	if *email == "" {
		return usageError("token create: --email is required")
	}
	store, _, err := e.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	tok, err := store.CreateAPIToken(ctx, *email, *name)
	if errors.Is(err, models.ErrNotFound) {
		return fmt.Errorf("no user with email %s", *email)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, tok)
	return nil
}
