package handlers_test

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// browser is the package's one Chromium, started on first use and stopped after all tests.
var browser struct {
	once sync.Once
	b    *testutil.Browser
	err  error
}

// tab opens a new browser tab for t.
func tab(t *testing.T) context.Context {
	t.Helper()
	browser.once.Do(func() { browser.b, browser.err = testutil.StartBrowser() })
	if browser.err != nil {
		t.Fatalf("start Chromium: %v", browser.err)
	}
	return browser.b.Tab(t)
}

func TestMain(m *testing.M) {
	code := m.Run()
	browser.b.Close()
	os.Exit(code)
}
