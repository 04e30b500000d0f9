package handlers

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/convene/convene/models"
)

// readableDetail turns an entry's JSON detail into "field: value" lines, sorted by field. A nested
// object (the fields of an edit) gives a line per field it holds, a change as "field: old → new";
// a field it leaves out (null) changed nothing and is not shown. An id with a name in names (by
// field) is shown by that name.
func readableDetail(tr Translator, detail string, names map[string]string) []string {
	var m map[string]any
	if json.Unmarshal([]byte(detail), &m) != nil {
		return nil
	}
	var lines []string
	for _, k := range sortedKeys(m) {
		if inner, ok := m[k].(map[string]any); ok && !isChange(inner) {
			lines = append(lines, readableFields(tr, inner)...)
			continue
		}
		if name := names[k]; name != "" {
			m[k] = name
		}
		lines = append(lines, detailLine(tr, k, m[k]))
	}
	return lines
}

// readableFields gives a line per field of a nested object, leaving out those it does not set.
func readableFields(tr Translator, m map[string]any) []string {
	var lines []string
	for _, k := range sortedKeys(m) {
		if v := m[k]; v != nil && v != "" {
			lines = append(lines, detailLine(tr, k, v))
		}
	}
	return lines
}

// detailLine is one field of a detail with its label in the reader's language, or its name when it
// has none, and its value with its words labelled.
func detailLine(tr Translator, field string, v any) string {
	label := tr.T("audit.field." + field)
	if label == "audit.field."+field {
		label = field
	}
	return label + ": " + detailValue(labelledValue(tr, field, v))
}

// isChange reports whether m is one changed field, {"from": old, "to": new}.
func isChange(m map[string]any) bool {
	_, from := m["from"]
	_, to := m["to"]
	return len(m) == 2 && from && to
}

// sortedKeys lists the keys of m in order.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// detailValue shows one detail value: a change as "old → new", nothing as "—", a moment as a date
// and time (UTC, as the page's dates), lists of up to three items in full, longer ones and lists
// of ids by their length.
func detailValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "—"
	case string:
		return textValue(x)
	case map[string]any:
		if isChange(x) {
			return detailValue(x["from"]) + " → " + detailValue(x["to"])
		}
		return nestedValue(x)
	case []any:
		return listValue(x)
	}
	return fmt.Sprint(v)
}

// nestedValue shows an object deeper than an edit's fields as "key: value" pairs.
func nestedValue(m map[string]any) string {
	parts := make([]string, 0, len(m))
	for _, k := range sortedKeys(m) {
		parts = append(parts, k+": "+detailValue(m[k]))
	}
	return strings.Join(parts, "; ")
}

// textValue shows a string: a moment as the page's dates, an empty one as "—".
func textValue(s string) string {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.UTC().Format("2006-01-02 15:04 UTC")
	}
	if s == "" {
		return "—"
	}
	return s
}

// listValue shows a list of up to three items in full, a longer one or one of ids by its length.
func listValue(list []any) string {
	if len(list) == 0 {
		return "—"
	}
	if id, _ := list[0].(string); len(list) > 3 || models.IsUUID(id) {
		return fmt.Sprintf("%d", len(list))
	}
	s := make([]string, len(list))
	for i, x := range list {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}
