package mailer

import (
	htmltemplate "html/template"
	texttemplate "text/template"
	"text/template/parse"

	"github.com/convene/convene/internal/tmplfold"
)

// fixedCalls returns the resolver of one language's constant calls: {{t "id"}} (a text asked for
// without arguments) and {{lang}}. A missing text is left to fail at its render, as before.
func fixedCalls(funcs map[string]any) tmplfold.Resolver {
	t, _ := funcs["t"].(func(string, ...any) (string, error))
	lang, _ := funcs["lang"].(func() string)
	return func(args []parse.Node) (string, bool) {
		fn, ok := args[0].(*parse.IdentifierNode)
		switch {
		case !ok:
			return "", false
		case fn.Ident == "lang" && len(args) == 1 && lang != nil:
			return lang(), true
		case fn.Ident != "t" || len(args) != 2 || t == nil:
			return "", false
		}
		id, ok := args[1].(*parse.StringNode)
		if !ok {
			return "", false
		}
		s, err := t(id.Text)
		return s, err == nil
	}
}

// textTrees are the parse trees of a text template set.
func textTrees(t *texttemplate.Template) []*parse.Tree {
	var trees []*parse.Tree
	for _, x := range t.Templates() {
		trees = append(trees, x.Tree)
	}
	return trees
}

// htmlTrees are the parse trees of an HTML template set.
func htmlTrees(t *htmltemplate.Template) []*parse.Tree {
	var trees []*parse.Tree
	for _, x := range t.Templates() {
		trees = append(trees, x.Tree)
	}
	return trees
}
