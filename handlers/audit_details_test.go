package handlers_test

import (
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
	"github.com/convene/convene/models"
)

// recordedDetails are audit details as the code records them, one or more per action, with the
// words some of their values use.
var recordedDetails = []struct {
	action string
	detail map[string]any
}{
	{"attendance.check_in", map[string]any{"people": []string{"4b1e0a52-6f0e-4a43-9b43-7a1f7e0c2d11"}, "changed": 1, "walk_ins": 0}},
	{"attendees.export", map[string]any{"rows": 3}},
	{"candidate.add", map[string]any{"candidate_id": "4b1e0a52-6f0e-4a43-9b43-7a1f7e0c2d12"}},
	{"feedback.flag", map[string]any{"person_id": "4b1e0a52-6f0e-4a43-9b43-7a1f7e0c2d13"}},
	{"feedback.send", map[string]any{"mailed": 4, "by": "schedule"}},
	{"lineup.set", map[string]any{"speakers": 2}},
	{"meetup.celebrate", map[string]any{"speakers": 2, "attendees": 9, "links": 1}},
	{"meetup.cancel", map[string]any{"reason": "Room flooded"}},
	{"meetup.invite", map[string]any{"invited": 12}},
	{"meetup.schedule", map[string]any{"starts_at": "2026-03-29T12:00:00Z", "ends_at": "2026-03-29T13:00:00Z", "capacity": 20, "changes": []string{"time", "place", "online_url"}}},
	{"meetup.topic", map[string]any{"stage": "speakers"}},
	{"meetup.topic", map[string]any{"topic": "Observability", "notify": true}},
	{"meetup.update", map[string]any{"fields": []string{"title", "reminder_minutes"}}},
	{"meetup.update", map[string]any{"edit": map[string]any{"location": map[string]any{"from": "Room 1", "to": "Room 2"}}}},
	{"outbox.retry", map[string]any{"kind": "rsvp.invite", "to": "ana@example.com"}},
	{"outreach.send", map[string]any{"sent": 3}},
	{"people.import", map[string]any{"source": "ui", "created": 5, "updated": 1, "unchanged": 0, "skipped": 2}},
	{"person.erase", map[string]any{"erased": []string{"audiences", "seats", "speaker_links", "mail", "alerts", "audit_addresses", "person"}}},
	{"person.update", map[string]any{"fields": []string{"name", "department", "interests"}}},
	{"survey.define", map[string]any{"topics": 4}},
	{"survey.remind", map[string]any{"reminded": 6}},
}

// detailMapRe finds a map[string]any{…} literal; detailKeyRe a "key": in it.
var (
	detailMapRe = regexp.MustCompile(`map\[string\]any\{([^{}]*)\}`)
	detailKeyRe = regexp.MustCompile(`"(\w+)"\s*:`)
)

// auditDetailKeysInSource collects every detail key the repository's Go code (tests aside) writes
// to the audit log: the keys of a map literal in an Audit call, or of the one assigned to the
// variable passed.
func auditDetailKeysInSource(t *testing.T) map[string]string {
	t.Helper()
	found := map[string]string{} // key → file
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		src := string(b)
		for _, loc := range auditCallRe.FindAllStringIndex(src, -1) {
			for _, k := range detailKeys(src, callArgs(src, loc[0])) {
				found[k] = p
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// callArgs is the text of the call starting at i, up to its closing parenthesis.
func callArgs(src string, i int) string {
	open := strings.Index(src[i:], "(") + i
	depth := 0
	for j := open; j < len(src); j++ {
		switch src[j] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return src[open : j+1]
			}
		}
	}
	return src[open:]
}

// detailKeys lists the keys of the detail in an Audit call's arguments: a map literal there, or
// the one assigned in src to the identifier passed last.
func detailKeys(src, args string) []string {
	text := args
	if !strings.Contains(args, "map[string]any{") {
		parts := strings.Split(strings.TrimSuffix(args, ")"), ",")
		last := strings.TrimSpace(parts[len(parts)-1])
		if !identRe.MatchString(last) {
			return nil
		}
		text = strings.Join(regexp.MustCompile(`\b`+last+`\s*:?=\s*map\[string\]any\{[^{}]*\}`).FindAllString(src, -1), " ")
	}
	var keys []string
	for _, m := range detailMapRe.FindAllStringSubmatch(text, -1) {
		for _, k := range detailKeyRe.FindAllStringSubmatch(m[1], -1) {
			keys = append(keys, k[1])
		}
	}
	return keys
}

// TestEveryAuditDetailKeyIsRenderedHere: the details below cover every key the code writes (the
// scan finds the known ones), so the test after them renders each.
func TestEveryAuditDetailKeyIsRenderedHere(t *testing.T) {
	keys := auditDetailKeysInSource(t)
	for _, known := range []string{"rows", "mailed", "by", "changes", "walk_ins", "skipped", "edit"} {
		if keys[known] == "" {
			t.Fatalf("the source scan missed %q (found %d keys): it no longer reads the calls", known, len(keys))
		}
	}
	covered := map[string]bool{}
	for _, r := range recordedDetails {
		for k := range r.detail {
			covered[k] = true
		}
	}
	var missing []string
	for k, file := range keys {
		if !covered[k] {
			missing = append(missing, k+" (written in "+file+")")
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Fatalf("audit detail keys not in recordedDetails (add them, and their labels in templates/i18n/audit.<lang>.json):\n%s",
			strings.Join(missing, "\n"))
	}
}

// TestAuditDetailsReadInRussian: on the Russian audit page every detail of every recorded kind
// has a Russian label, never its raw key, and the words its values use (a sender, the changes
// of a reschedule, the fields of an edit, a yes) are Russian too; the English page labels them.
func TestAuditDetailsReadInRussian(t *testing.T) {
	app := testutil.NewApp(t)
	for _, r := range recordedDetails {
		if err := models.Audit(t.Context(), app.Store.DB, app.Team.ID, app.User.ID, r.action, "x", r.detail); err != nil {
			t.Fatal(err)
		}
	}
	keys := auditDetailKeysInSource(t)
	en := auditDetailLines(t, loggedIn(t, app).Get(t, "/audit").Body)
	if err := app.Store.SetUserLang(t.Context(), app.User.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	ru := auditDetailLines(t, loggedIn(t, app).Get(t, "/audit").Body)
	cyrillic := regexp.MustCompile(`\p{Cyrillic}`)
	for _, line := range ru {
		label, _, _ := strings.Cut(line, ": ")
		if keys[label] != "" || !cyrillic.MatchString(label) {
			t.Errorf("Russian detail line without a Russian label: %q", line)
		}
	}
	for _, line := range en {
		if label, _, _ := strings.Cut(line, ": "); keys[label] != "" {
			t.Errorf("English detail line shows its raw key: %q", line)
		}
	}
	all := strings.Join(ru, "\n")
	for _, want := range []string{"Запущено: по расписанию", "Изменения для приглашённых: время, место, ссылка для подключения",
		"Поля: Название, Напоминания, минут до начала", "Поля: Имя, Отдел, Интересы", "Тема разослана опрошенным: да",
		"Источник: веб-страница", "Этап: Поиск спикеров", "Место: Room 1 → Room 2", "Строк: 3"} {
		if !strings.Contains(all, want) {
			t.Errorf("the Russian audit page lacks %q:\n%s", want, all)
		}
	}
}

// auditDetailLines is the text of every detail line of an audit page.
func auditDetailLines(t *testing.T, body string) []string {
	t.Helper()
	var out []string
	for _, m := range regexp.MustCompile(`<li><small>([^<]*)</small></li>`).FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	if len(out) < len(recordedDetails) {
		t.Fatalf("%d detail lines, want at least %d:\n%s", len(out), len(recordedDetails), body)
	}
	return out
}
