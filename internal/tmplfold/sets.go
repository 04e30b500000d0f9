package tmplfold

import (
	htmltemplate "html/template"
	texttemplate "text/template"
	"text/template/parse"
)

// HTMLTrees are the parse trees of every template of an HTML set.
func HTMLTrees(t *htmltemplate.Template) []*parse.Tree {
	var trees []*parse.Tree
	for _, x := range t.Templates() {
		trees = append(trees, x.Tree)
	}
	return trees
}

// TextTrees are the parse trees of every template of a text set.
func TextTrees(t *texttemplate.Template) []*parse.Tree {
	var trees []*parse.Tree
	for _, x := range t.Templates() {
		trees = append(trees, x.Tree)
	}
	return trees
}

// PruneHTML adds to out, a new set with the functions and options of t, the templates of t that
// roots reach, and returns it: a set parsed with every partial keeps only what it uses.
func PruneHTML(t, out *htmltemplate.Template, roots ...string) (*htmltemplate.Template, error) {
	lookup := func(name string) *parse.Tree {
		if x := t.Lookup(name); x != nil {
			return x.Tree
		}
		return nil
	}
	for _, name := range Reachable(lookup, roots...) {
		if _, err := out.AddParseTree(name, lookup(name)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// PruneText is PruneHTML for a text set.
func PruneText(t, out *texttemplate.Template, roots ...string) (*texttemplate.Template, error) {
	lookup := func(name string) *parse.Tree {
		if x := t.Lookup(name); x != nil {
			return x.Tree
		}
		return nil
	}
	for _, name := range Reachable(lookup, roots...) {
		if _, err := out.AddParseTree(name, lookup(name)); err != nil {
			return nil, err
		}
	}
	return out, nil
}
