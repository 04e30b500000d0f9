package models

import (
	"context"
	"fmt"
	"io"

	"github.com/convene/convene/migrations"
	"github.com/pressly/goose/v3"
)

// migrationProvider builds a goose provider over the embedded migrations.
func (s *Store) migrationProvider() (*goose.Provider, error) {
	p, err := goose.NewProvider(goose.DialectPostgres, s.DB.DB, migrations.FS)
	if err != nil {
		return nil, fmt.Errorf("load migrations: %w", err)
	}
	return p, nil
}

// MigrateUp applies every pending migration, each in its own transaction.
func (s *Store) MigrateUp(ctx context.Context) error {
	p, err := s.migrationProvider()
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate up: %w", err)
	}
	return nil
}

// MigrateDown rolls back the newest applied migration.
func (s *Store) MigrateDown(ctx context.Context) error {
	p, err := s.migrationProvider()
	if err != nil {
		return err
	}
	if _, err := p.Down(ctx); err != nil {
		return fmt.Errorf("migrate down: %w", err)
	}
	return nil
}

// MigrateDownTo rolls back migrations down to (and keeping) version v.
func (s *Store) MigrateDownTo(ctx context.Context, v int64) error {
	p, err := s.migrationProvider()
	if err != nil {
		return err
	}
	if _, err := p.DownTo(ctx, v); err != nil {
		return fmt.Errorf("migrate down: %w", err)
	}
	return nil
}

// MigrationVersions lists every migration version, oldest first.
func (s *Store) MigrationVersions() ([]int64, error) {
	p, err := s.migrationProvider()
	if err != nil {
		return nil, err
	}
	var vs []int64
	for _, src := range p.ListSources() {
		vs = append(vs, src.Version)
	}
	return vs, nil
}

// MigrateStatus writes one line per migration: version, state and file.
func (s *Store) MigrateStatus(ctx context.Context, w io.Writer) error {
	p, err := s.migrationProvider()
	if err != nil {
		return err
	}
	st, err := p.Status(ctx)
	if err != nil {
		return fmt.Errorf("migrate status: %w", err)
	}
	for _, m := range st {
		applied := "pending"
		if m.State == goose.StateApplied {
			applied = "applied " + m.AppliedAt.UTC().Format("2006-01-02 15:04:05Z")
		}
		fmt.Fprintf(w, "%05d  %-28s  %s\n", m.Source.Version, applied, m.Source.Path)
	}
	return nil
}
