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

// pruneText keeps of a kind's text set only what its blocks can reach: every kind is parsed with
// every partial, and the others' parts would stay in memory for the collector to scan.
func pruneText(t *texttemplate.Template, funcs map[string]any) (*texttemplate.Template, error) {
	out := texttemplate.New(t.Name()).Option("missingkey=error").Funcs(funcs)
	return tmplfold.PruneText(t, out, mailBlocks()...)
}

// pruneHTML is pruneText for a kind's HTML set.
func pruneHTML(t *htmltemplate.Template, funcs map[string]any) (*htmltemplate.Template, error) {
	out := htmltemplate.New(t.Name()).Option("missingkey=error").Funcs(funcs)
	return tmplfold.PruneHTML(t, out, mailBlocks()...)
}
