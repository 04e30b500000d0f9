package mailer

import (
	"text/template"
	"text/template/parse"
)

// textIDs lists the literal message ids passed to "t" in a template and all it defines,
// so a text missing from the catalogues fails the start. Keep ids literal in templates.
func textIDs(tmpl *template.Template) []string {
	var ids []string
	for _, t := range tmpl.Templates() {
		if t.Tree != nil {
			ids = walkIDs(t.Tree.Root, ids)
		}
	}
	return ids
}

// walkIDs collects "t" ids under one parse-tree node.
func walkIDs(n parse.Node, ids []string) []string {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return ids
		}
		for _, c := range n.Nodes {
			ids = walkIDs(c, ids)
		}
	case *parse.ActionNode:
		ids = walkIDs(n.Pipe, ids)
	case *parse.TemplateNode:
		ids = walkIDs(n.Pipe, ids)
	case *parse.PipeNode:
		if n == nil {
			return ids
		}
		for _, c := range n.Cmds {
			ids = walkIDs(c, ids)
		}
	case *parse.CommandNode:
		ids = append(ids, commandID(n)...)
		for _, a := range n.Args {
			ids = walkIDs(a, ids)
		}
	case *parse.IfNode:
		ids = walkBranch(&n.BranchNode, ids)
	case *parse.RangeNode:
		ids = walkBranch(&n.BranchNode, ids)
	case *parse.WithNode:
		ids = walkBranch(&n.BranchNode, ids)
	}
	return ids
}

// walkBranch collects ids in the condition and both lists of an if, range or with.
func walkBranch(b *parse.BranchNode, ids []string) []string {
	ids = walkIDs(b.Pipe, ids)
	ids = walkIDs(b.List, ids)
	return walkIDs(b.ElseList, ids)
}

// commandID is the id of a `t "id" …` command, if that is what n is.
func commandID(n *parse.CommandNode) []string {
	if len(n.Args) < 2 {
		return nil
	}
	fn, ok := n.Args[0].(*parse.IdentifierNode)
	id, lit := n.Args[1].(*parse.StringNode)
	if ok && lit && fn.Ident == "t" {
		return []string{id.Text}
	}
	return nil
}
