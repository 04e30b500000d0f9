package handlers

import (
	"strconv"
	"strings"
)

// fieldMessage translates a field error's key; a key naming a limit ("max_chars:200") gives the
// limit to its message as Count, which also picks the plural form.
func fieldMessage(tr Translator, key string, args ...any) string {
	name, limit, ok := strings.Cut(key, ":")
	if !ok {
		return tr.T("error."+key, args...)
	}
	n, _ := strconv.Atoi(limit)
	return tr.T("error."+name, append([]any{"Count", n}, args...)...)
}
