package handlers

import (
	"sort"
	"strings"
)

// problemGroup is one problem as several respondents named it: its first spelling and how many.
type problemGroup struct {
	text  string
	count int
}

// distinctProblems merges the problems the survey collected (newest first) that differ only in
// case, spacing or a closing full stop, each kept in its first spelling (the oldest answer's),
// the most named first and, among as many, the most recently named first.
func distinctProblems(newestFirst []string) []string {
	var groups []*problemGroup
	byKey := map[string]*problemGroup{}
	for _, p := range newestFirst {
		text := strings.TrimRight(strings.TrimSpace(p), ".;")
		key := strings.ToLower(strings.Join(strings.Fields(text), " "))
		if key == "" {
			continue
		}
		g := byKey[key]
		if g == nil {
			g = &problemGroup{}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.text, g.count = text, g.count+1 // an older answer comes later: its spelling wins
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].count > groups[j].count })
	out := make([]string, len(groups))
	for i, g := range groups {
		out[i] = g.text
	}
	return out
}
