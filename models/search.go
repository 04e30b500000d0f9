package models

import (
	"strings"

	"github.com/convene/convene/internal/textfold"
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
