package models

import (
	"strings"

	"github.com/convene/convene/internal/textfold"
	"github.com/lib/pq"
)

// searchMax is the longest search text the organiser's lists take, in characters.
const searchMax = 200

// searchProblem names what a search text cannot hold once trimmed (as textProblem does), or "".
func searchProblem(q string) string {
	return textProblem(strings.TrimSpace(q), searchMax)
}

// searchPattern is a LIKE pattern that finds q anywhere in a folded column (textfold.Fold, SQL
// search_fold): q trimmed of white space and its inner runs of it made one space, folded, its % and _
// literal; "" when q is blank.
func searchPattern(q string) string {
	q = strings.Join(strings.Fields(q), " ") // "Olivia  Núñez" as "Olivia Núñez"
	if q == "" {
		return ""
	}
	return "%" + likeEscape(textfold.Fold(q)) + "%"
}

// likeEscape makes a search text match literally in LIKE.
func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// filterValue is a chosen department, location or interest as the folded columns hold them
// (department_fold, location_fold, interests_fold: SQL search_fold): white space trimmed and its
// inner runs made one space, folded by textfold.Fold, so "sao  paulo" finds São Paulo.
func filterValue(v string) string {
	return textfold.Fold(strings.Join(strings.Fields(v), " "))
}

// filterValues is filterValue of each value, as a text[] query parameter.
func filterValues(vs []string) pq.StringArray {
	out := make(pq.StringArray, len(vs))
	for i, v := range vs {
		out[i] = filterValue(v)
	}
	return out
}
