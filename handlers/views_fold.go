package handlers

import (
	"errors"
	"html/template"
	"io"
	"text/template/parse"

	"github.com/convene/convene/internal/tmplfold"
)

// foldPage folds a page's translations asked for without arguments ({{.T "id"}}, {{$.T "id"}})
// into its text for tr's language, escapes the page now (an escaping error fails the start,
// not a request) and folds the escaped constants into plain text.
func foldPage(t *template.Template, tr Translator) error {
	tmplfold.Calls(tmplfold.HTMLTrees(t), func(args []parse.Node) (string, bool) {
		id, ok := translateCall(args)
		if !ok {
			return "", false
		}
		return tr.T(id), true
	})
	err := t.ExecuteTemplate(io.Discard, "page", nil)
	var escErr *template.Error
	if errors.As(err, &escErr) {
		return err
	}
	tmplfold.Text(tmplfold.HTMLTrees(t), true)
	return nil
}

// prunePage keeps of a page's set only the templates "page" can reach: every page is parsed
// with every partial, and the partials of other pages would stay in memory for nothing (per
// language, about half of the server's live heap), for the collector to scan on every cycle.
func prunePage(t *template.Template) (*template.Template, error) {
	return tmplfold.PruneHTML(t, template.New(t.Name()).Funcs(viewFuncs), "page")
}

// translateCall recognises the arguments of a call of the page's T method with one string
// constant and nothing else: .T "id", $.T "id", $p.T "id", .P.T "id". T is a method of the
// page's Translator only, and every translator of one page has the page's language.
func translateCall(args []parse.Node) (string, bool) {
	if len(args) != 2 {
		return "", false
	}
	id, ok := args[1].(*parse.StringNode)
	if !ok {
		return "", false
	}
	var idents []string
	switch f := args[0].(type) {
	case *parse.FieldNode:
		idents = f.Ident
	case *parse.VariableNode:
		idents = f.Ident
	}
	if len(idents) == 0 || idents[len(idents)-1] != "T" || (len(idents) == 1 && idents[0] == "$") {
		return "", false
	}
	return id.Text, true
}
