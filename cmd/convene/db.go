package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/convene/convene/models"
)

// openStore checks the configuration and connects to the database.
func (e *cli) openStore(ctx context.Context) (*models.Store, Config, error) {
	cfg, problems := envConfig()
	problems = append(problems, cfg.check()...)
	if len(problems) > 0 {
		return nil, cfg, fmt.Errorf("configuration:\n  %s", strings.Join(problems, "\n  "))
	}
	store, err := models.Open(ctx, cfg.DatabaseURL, models.PoolConfig{MaxOpen: cfg.DBMaxConns, StatementTimeout: 30 * time.Second})
	if err != nil {
		return nil, cfg, fmt.Errorf("%w (is PostgreSQL running at DATABASE_URL? `make db` starts a local one)", err)
	}
	return store, cfg, nil
}

// openMigrated connects and applies pending migrations.
func (e *cli) openMigrated(ctx context.Context) (*models.Store, Config, error) {
	store, cfg, err := e.openStore(ctx)
	if err != nil {
		return nil, cfg, err
	}
	if err := store.MigrateUp(ctx); err != nil {
		store.Close()
		return nil, cfg, err
	}
	return store, cfg, nil
}
