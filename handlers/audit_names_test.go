package handlers_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// auditCallRe finds an Audit(ctx, db, team, user, ACTION, … call and captures ACTION.
var auditCallRe = regexp.MustCompile(`\bAudit\(\s*ctx,\s*[^,]+,\s*[^,]+,\s*[^,]+,\s*([^,]+),`)

// identRe is a Go identifier.
var identRe = regexp.MustCompile(`^[A-Za-z_]\w*$`)

// auditActionsInSource collects every action code the repository's Go code (tests aside) writes
// to the audit log: a literal argument of Audit, or the literals assigned to the variable passed.
func auditActionsInSource(t *testing.T) map[string]string {
	t.Helper()
	found := map[string]string{} // action → file
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range auditCallRe.FindAllStringSubmatch(string(src), -1) {
			vals := actionValues(string(src), strings.TrimSpace(m[1]))
			for _, a := range vals {
				found[a] = p
			}
			if len(vals) == 0 {
				t.Errorf("%s: cannot tell the audit action of Audit(…, %s, …): pass a literal or a variable assigned literals", p, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// actionValues reads an Audit action argument: a string literal, or the literals an identifier
// is assigned in the same file.
func actionValues(src, arg string) []string {
	if strings.HasPrefix(arg, `"`) {
		return []string{strings.Trim(arg, `"`)}
	}
	if !identRe.MatchString(arg) {
		return nil
	}
	var out []string
	for _, m := range regexp.MustCompile(`\b`+arg+`\s*:?=\s*"([^"]+)"`).FindAllStringSubmatch(src, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestEveryAuditActionHasANameInEveryLanguage: the audit log pages show a readable name for
// every action code the code writes, in English and Russian.
func TestEveryAuditActionHasANameInEveryLanguage(t *testing.T) {
	actions := auditActionsInSource(t)
	for _, known := range []string{"feedback.send", "meetup.celebrate", "attendance.undo", "outbox.test", "people.import"} {
		if actions[known] == "" {
			t.Fatalf("the source scan missed %q (found %d actions): the regexp no longer matches the calls", known, len(actions))
		}
	}
	names := map[string]map[string]bool{} // lang → audit.action.* ids
	readCatalogues(t, func(_, lang, id string, _ []byte) {
		if strings.HasPrefix(id, "audit.action.") {
			if names[lang] == nil {
				names[lang] = map[string]bool{}
			}
			names[lang][id] = true
		}
	})
	var missing []string
	for a, file := range actions {
		for _, lang := range []string{"en", "ru"} {
			if !names[lang]["audit.action."+a] {
				missing = append(missing, lang+": "+a+" (written in "+file+")")
			}
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("audit actions without a name in templates/i18n/audit.<lang>.json:\n%s", strings.Join(missing, "\n"))
	}
}
