// Package templates embeds Convene's page and mail templates, translations and static files.
package templates

import "embed"

// FS holds pages/, mail/, i18n/ and static/.
//
//go:embed all:pages all:mail i18n static
var FS embed.FS
