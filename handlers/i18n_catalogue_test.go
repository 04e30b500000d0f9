package handlers_test

import (
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/convene/convene/templates"
)

// readCatalogues calls visit for every message of every catalogue file, with the file's language.
func readCatalogues(t *testing.T, visit func(file, lang, id string, text []byte)) {
	t.Helper()
	files, err := fs.Glob(templates.FS, "i18n/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		parts := strings.Split(strings.TrimSuffix(path.Base(f), ".json"), ".")
		b, _ := fs.ReadFile(templates.FS, f)
		var msgs map[string]any
		if err := json.Unmarshal(b, &msgs); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for id, v := range msgs {
			text, _ := json.Marshal(v)
			visit(f, parts[len(parts)-1], id, text)
		}
	}
}

// TestCataloguesAgree fails when two catalogue files of one language give one message id
// different texts: go-i18n would silently keep whichever it loaded last.
func TestCataloguesAgree(t *testing.T) {
	seen := map[string]map[string]string{} // lang → id → text
	readCatalogues(t, func(f, lang, id string, text []byte) {
		if seen[lang] == nil {
			seen[lang] = map[string]string{}
		}
		if old, ok := seen[lang][id]; ok && old != string(text) {
			t.Errorf("%s: %q differs from another %s catalogue: %s vs %s", f, id, lang, text, old)
		}
		seen[lang][id] = string(text)
	})
}
