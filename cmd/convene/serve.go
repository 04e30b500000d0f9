package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"time"

	"github.com/convene/convene/handlers"
	"github.com/convene/convene/internal/gctune"
	"github.com/convene/convene/models"
)

// shutdownGrace bounds how long serve waits for requests and workers to finish.
const shutdownGrace = 25 * time.Second

// serve runs the web server and the background workers until a signal arrives.
func (e *cli) serve(ctx context.Context, args []string) error {
	if err := applyServeFlags(args, e.stderr); err != nil {
		return usageError(err.Error())
	}
	store, cfg, err := e.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	log := newLogger(cfg.LogLevel, e.stdout)
	gc := gctune.Current()
	log.Info("garbage collector", "gogc", gc.Percent, "memory_limit_mib", gc.Limit>>20)
	if err := store.PrepareHot(ctx); err != nil {
		log.Warn("preparing the RSVP statements", "err", err) // they are prepared on first use instead
	}
	if cfg.Secret == "" {
		if cfg.Secret, err = store.EnsureSecret(ctx); err != nil {
			return err
		}
	}
	h, err := buildHandlers(store, cfg, log)
	if err != nil {
		return err
	}
	bg, err := startBackground(ctx, store, cfg, log, h)
	if err != nil {
		return err
	}
	err = e.listen(ctx, h, cfg, log)
	h.Background.Wait()
	bg.stop()
	return err
}

// applyServeFlags lets every setting be given as a flag; a flag wins over the environment.
func applyServeFlags(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	names := map[string]string{
		"database-url": "DATABASE_URL", "addr": "CONVENE_ADDR", "base-url": "CONVENE_BASE_URL",
		"secret": "CONVENE_SECRET", "smtp-url": "SMTP_URL", "mail-from": "CONVENE_MAIL_FROM",
		"workers": "CONVENE_WORKERS", "mail-rate": "CONVENE_MAIL_RATE",
	}
	vals := map[string]*string{}
	for flagName, env := range names {
		vals[env] = fs.String(flagName, os.Getenv(env), "overrides "+env)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	for env, v := range vals {
		if *v != "" {
			os.Setenv(env, *v)
		}
	}
	return nil
}

// newLogger logs JSON lines to w (the command's stdout).
func newLogger(level string, w io.Writer) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l}))
}

// buildHandlers wires the HTTP layer from the configuration.
func buildHandlers(store *models.Store, cfg Config, log *slog.Logger) (*handlers.Handlers, error) {
	return handlers.New(store, log, handlers.Config{BaseURL: cfg.BaseURL, BodyLimit: cfg.BodyLimit,
		TrustedProxies: cfg.TrustedProxies, Secret: cfg.Secret, MailFrom: cfg.MailFrom})
}

// listen serves HTTP until ctx ends, then shuts down gracefully.
func (e *cli) listen(ctx context.Context, h *handlers.Handlers, cfg Config, log *slog.Logger) error {
	srv := h.NewServer()
	errc := make(chan error, 1)
	go func() { errc <- srv.Start(cfg.Addr) }()
	log.Info("listening", "addr", cfg.Addr, "base_url", cfg.BaseURL)
	fmt.Fprintf(e.stderr, "Convene is running at %s (Ctrl-C stops it)\n", cfg.BaseURL)
	select {
	case err := <-errc:
		if errors.Is(err, http.ErrServerClosed) {
			return nil
		}
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	return srv.Shutdown(sctx)
}
