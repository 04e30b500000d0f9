package handlers

import (
	"cmp"
	"context"
	"log/slog"
	"strings"
	"sync"

	"github.com/convene/convene/mailer"
	"github.com/convene/convene/models"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// New wires templates, sessions and metrics into a ready Handlers.
func New(store *models.Store, log *slog.Logger, cfg Config) (*Handlers, error) {
	views, err := NewViews()
	if err != nil {
		return nil, err
	}
	if cfg.BodyLimit == "" {
		cfg.BodyLimit = "2M"
	}
	if cfg.Secret == "" {
		if cfg.Secret, err = store.EnsureSecret(context.Background()); err != nil {
			return nil, err
		}
	}
	cfg.SecureCookies = cfg.SecureCookies || strings.HasPrefix(cfg.BaseURL, "https://")
	mail, err := mailer.NewRenderer(cmp.Or(cfg.BaseURL, "http://localhost"))
	if err != nil {
		return nil, err
	}
	return &Handlers{
		Store:      store,
		Links:      models.NewLinker(cfg.Secret),
		Log:        log,
		Sessions:   NewSessions(store.DB.DB, cfg.SecureCookies),
		Views:      views,
		Mail:       mail,
		Metrics:    NewMetrics(collectors.NewDBStatsCollector(store.DB.DB, "convene"), mailer.NewOutboxCollector(store)),
		Background: &sync.WaitGroup{},
		Cfg:        cfg,
	}, nil
}
