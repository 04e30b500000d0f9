package models

import (
	"sort"
	"strings"
)

// ProblemCount is one problem as the survey's respondents named it: its first spelling and how
// many named it.
type ProblemCount struct {
	Problem string `json:"problem"`
	Count   int    `json:"count"`
}

// DistinctProblems merges the problems a survey collected (newest first) that differ only in
// case, spacing or a closing full stop, each kept in its first spelling (the oldest answer's),
// the most named first and, among as many, the most recently named first.
func DistinctProblems(newestFirst []string) []ProblemCount {
	out := []ProblemCount{}
	at := map[string]int{} // key → index in out
	for _, p := range newestFirst {
		text := strings.TrimSpace(p)
		key := problemKey(text)
		if key == "" {
			continue
		}
		i, ok := at[key]
		if !ok {
			i, at[key] = len(out), len(out)
			out = append(out, ProblemCount{})
		}
		out[i] = ProblemCount{Problem: text, Count: out[i].Count + 1} // an older answer comes later: its spelling wins
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// problemKey is what two spellings of one problem share: lower case, single spaces, no closing
// full stop or semicolon.
func problemKey(text string) string {
	return strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(text, ".;")), " "))
}
