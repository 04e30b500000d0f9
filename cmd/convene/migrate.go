package main

import (
	"context"
	"fmt"
)

// migrate runs `convene migrate [up|down|status]`.
func (e *cli) migrate(ctx context.Context, args []string) error {
	action := "up"
	if len(args) > 0 {
		action = args[0]
	}
	store, _, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	switch action {
	case "up":
		if err := store.MigrateUp(ctx); err != nil {
			return err
		}
	case "down":
		if err := store.MigrateDown(ctx); err != nil {
			return err
		}
	case "status":
	default:
		return usageError(fmt.Sprintf("migrate: unknown action %q (up, down or status)", action))
	}
	return store.MigrateStatus(ctx, e.stdout)
}
