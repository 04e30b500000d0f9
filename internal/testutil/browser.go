package testutil

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumHint says how to get the browser the page tests need.
const chromiumHint = "Chromium not found: apt-get update && apt-get install -y --no-install-recommends chromium"

// ChromiumPath finds a Chromium or Chrome binary, or returns "".
func ChromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// Browser is one headless Chromium shared by a package's tests; each test gets its own tab.
type Browser struct {
	ctx    context.Context
	stop   func()
	tmpDir string
}

// StartBrowser starts Chromium (from TestMain); it returns nil when none is installed.
func StartBrowser() (*Browser, error) {
	path := ChromiumPath()
	if path == "" {
		return nil, nil
	}
	dir, err := os.MkdirTemp("", "convene-chromium-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(filepath.Join(dir, "profile")), chromedp.WindowSize(1280, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	b := &Browser{ctx: ctx, tmpDir: dir, stop: func() {
		_ = chromedp.Cancel(ctx)
		cancelCtx()
		cancelAlloc()
		os.RemoveAll(dir)
	}}
	// The context of the first run owns the browser's life: no timeout of its own here.
	if err := chromedp.Do(ctx); err != nil {
		b.stop()
		return nil, err
	}
	return b, nil
}

// Close stops the browser and removes its profile.
func (b *Browser) Close() {
	if b != nil {
		b.stop()
	}
}

// Tab opens a new tab for one test with a 90 s budget; it is closed when the test ends.
func (b *Browser) Tab(t testing.TB) context.Context {
	t.Helper()
	if b == nil {
		Unavailable(t, chromiumHint)
		return context.Background() // not reached: Unavailable ends the test
	}
	tab, cancelTab := chromedp.NewContext(b.ctx)
	ctx, cancel := context.WithTimeout(tab, 90*time.Second)
	t.Cleanup(func() {
		cancel()
		_ = chromedp.Cancel(tab)
		cancelTab()
	})
	return ctx
}

// Screenshot saves a full-page PNG under artifacts/ for a person to look at.
func Screenshot(t testing.TB, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	dir := ArtifactDir(t)
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Logf("screenshot %s: %v", name, err)
	}
}

// ArtifactDir is where tests keep files for people to inspect (the repo's artifacts/ folder).
func ArtifactDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("CONVENE_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(repoRoot(), "artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("artifacts: %v", err)
	}
	return dir
}

// repoRoot walks up from the working directory to the folder holding go.mod.
func repoRoot() string {
	dir, _ := os.Getwd()
	for d := dir; d != "/" && d != "."; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
	}
	return dir
}
