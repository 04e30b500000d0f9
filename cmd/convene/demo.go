package main

import (
	"context"
	"fmt"

	"github.com/convene/convene/demo"
)

// demo runs `convene demo`: loads the demo company and prints how to log in.
func (e *cli) demo(ctx context.Context, _ []string) error {
	store, cfg, err := e.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	h, err := buildHandlers(store, cfg, newLogger(cfg.LogLevel, e.stderr))
	if err != nil {
		return err
	}
	creds, err := demo.Load(ctx, store, h)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Demo company %q is loaded (%d people).\n", demo.TeamName, creds.People)
	fmt.Fprintf(e.stdout, "Log in at %s/login\n  email:    %s\n  password: %s\n", cfg.BaseURL, creds.Email, creds.Password)
	return nil
}
