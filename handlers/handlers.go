// Package handlers serves Convene's HTTP routes: the organiser UI, the public link pages and the JSON API.
package handlers

import (
	"log/slog"
	"sync"

	"github.com/alexedwards/scs/v2"
	"github.com/convene/convene/models"
)

// Config is what the handlers need to know about the deployment.
type Config struct {
	BaseURL        string
	SecureCookies  bool
	BodyLimit      string
	TrustedProxies []string
	Version        string
	Secret         string
	MailFrom       string // the From of mail Convene sends (CONVENE_MAIL_FROM)
}

// Handlers holds every dependency of the HTTP layer; each route is one of its methods.
type Handlers struct {
	Store    *models.Store
	Links    *models.Linker
	Log      *slog.Logger
	Sessions *scs.SessionManager
	Views    *Views
	Metrics  *Metrics
	Cfg      Config
	// Background counts work started by requests that must finish before shutdown.
	Background *sync.WaitGroup
}
