// Package migrations embeds Convene's numbered SQL migrations.
package migrations

import "embed"

// FS holds the migration files, applied in order by goose.
//
//go:embed *.sql
var FS embed.FS
