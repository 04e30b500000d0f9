package tmplfold

import "text/template/parse"

// Reachable lists the templates that executing roots can reach through {{template}} calls, in
// the order found; lookup gives a template's tree by name (nil when there is none).
func Reachable(lookup func(name string) *parse.Tree, roots ...string) []string {
	var names []string
	seen := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		t := lookup(name)
		if t == nil || t.Root == nil {
			return
		}
		names = append(names, name)
		for _, callee := range calls(t.Root) {
			visit(callee)
		}
	}
	for _, r := range roots {
		visit(r)
	}
	return names
}

// calls are the names of the templates a tree calls.
func calls(root *parse.ListNode) []string {
	var names []string
	var visit func(parse.Node)
	visit = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					visit(c)
				}
			}
		case *parse.TemplateNode:
			names = append(names, n.Name)
		case *parse.IfNode:
			visit(n.List)
			visit(n.ElseList)
		case *parse.RangeNode:
			visit(n.List)
			visit(n.ElseList)
		case *parse.WithNode:
			visit(n.List)
			visit(n.ElseList)
		}
	}
	visit(root)
	return names
}
