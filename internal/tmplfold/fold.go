// Package tmplfold folds the template actions whose output is the same on every execution —
// a translation asked for without arguments — into the template's text, once at start, so the
// hot pages and mails do not pay text/template's reflective calls for them on every render.
//
// It works on the parse trees of one language's templates: Calls, before html/template escapes
// them, turns each constant call into a string constant; Text, after escaping (or on a
// text/template), turns each action that only prints a string constant into plain text,
// escaped exactly as html/template's escaper in that place would have escaped it.
package tmplfold

import (
	"strconv"
	"strings"
	"text/template/parse"
)

// Resolver returns the constant text of a command (its Args), or false when it is not constant.
type Resolver func(args []parse.Node) (string, bool)

// Calls replaces every command that resolve makes constant by a string constant.
func Calls(trees []*parse.Tree, resolve Resolver) {
	for _, t := range trees {
		if t != nil && t.Root != nil {
			walk(t.Root, func(c *parse.CommandNode) {
				if s, ok := resolve(c.Args); ok {
					c.Args = []parse.Node{&parse.StringNode{NodeType: parse.NodeString, Pos: c.Position(),
						Quoted: strconv.Quote(s), Text: s}}
				}
			}, nil)
		}
	}
}

// Text replaces every action that prints a string constant by the text it prints. With html
// set, only actions html/template escaped for HTML text, a quoted attribute or RCDATA are
// folded (their escapers share one table); others (URLs, scripts, styles) keep their escaper.
func Text(trees []*parse.Tree, html bool) {
	for _, t := range trees {
		if t != nil && t.Root != nil {
			walk(t.Root, nil, func(l *parse.ListNode) { foldList(l, html) })
		}
	}
}

// foldList replaces the constant actions of one list by text nodes.
func foldList(l *parse.ListNode, html bool) {
	for i, n := range l.Nodes {
		a, ok := n.(*parse.ActionNode)
		if !ok {
			continue
		}
		if s, ok := printed(a.Pipe, html); ok {
			l.Nodes[i] = &parse.TextNode{NodeType: parse.NodeText, Pos: a.Pos, Text: []byte(s)}
		}
	}
}

// printed is the text an action's pipeline writes when that is a constant.
func printed(p *parse.PipeNode, html bool) (string, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) == 0 {
		return "", false
	}
	s, ok := constString(p.Cmds[0])
	if !ok {
		return "", false
	}
	switch {
	case !html && len(p.Cmds) == 1:
		return s, true
	case html && len(p.Cmds) == 2 && foldableEscaper(p.Cmds[1]):
		return htmlEscaper.Replace(s), true
	}
	return "", false
}

// constString is the string of a command made of one string constant.
func constString(c *parse.CommandNode) (string, bool) {
	if len(c.Args) != 1 {
		return "", false
	}
	s, ok := c.Args[0].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return s.Text, true
}

// foldableEscaper reports whether c is one of html/template's escapers for HTML text, a quoted
// attribute value or RCDATA, which escape a plain string with the same table.
func foldableEscaper(c *parse.CommandNode) bool {
	if len(c.Args) != 1 {
		return false
	}
	id, ok := c.Args[0].(*parse.IdentifierNode)
	if !ok {
		return false
	}
	switch id.Ident {
	case "_html_template_htmlescaper", "_html_template_attrescaper", "_html_template_rcdataescaper":
		return true
	}
	return false
}

// htmlEscaper is html/template's table for a plain string in HTML text and attribute values.
var htmlEscaper = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;",
	"+", "&#43;", "<", "&lt;", ">", "&gt;")
