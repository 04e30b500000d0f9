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

// pruneText keeps of a kind's text set only what its blocks can reach: every kind is parsed with
// every partial, and the others' parts would stay in memory for the collector to scan.
func pruneText(t *texttemplate.Template, funcs map[string]any) (*texttemplate.Template, error) {
	out := texttemplate.New(t.Name()).Option("missingkey=error").Funcs(funcs)
	for _, name := range tmplfold.Reachable(textLookup(t), mailBlocks()...) {
		if _, err := out.AddParseTree(name, t.Lookup(name).Tree); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// pruneHTML is pruneText for a kind's HTML set.
func pruneHTML(t *htmltemplate.Template, funcs map[string]any) (*htmltemplate.Template, error) {
	out := htmltemplate.New(t.Name()).Option("missingkey=error").Funcs(funcs)
	lookup := func(name string) *parse.Tree {
		if x := t.Lookup(name); x != nil {
			return x.Tree
		}
		return nil
	}
	for _, name := range tmplfold.Reachable(lookup, mailBlocks()...) {
		if _, err := out.AddParseTree(name, lookup(name)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// textLookup gives a text set's trees by name.
func textLookup(t *texttemplate.Template) func(string) *parse.Tree {
	return func(name string) *parse.Tree {
		if x := t.Lookup(name); x != nil {
			return x.Tree
		}
		return nil
	}
}
