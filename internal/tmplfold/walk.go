package tmplfold

import "text/template/parse"

// walk visits every command (with onCmd) and every list (with onList, after its nodes) under n.
func walk(n parse.Node, onCmd func(*parse.CommandNode), onList func(*parse.ListNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, onCmd, onList)
		}
		if onList != nil {
			onList(n)
		}
	case *parse.ActionNode:
		walk(n.Pipe, onCmd, onList)
	case *parse.TemplateNode:
		walk(n.Pipe, onCmd, onList)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, onCmd, onList)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, onCmd, onList)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, onCmd, onList)
	case *parse.PipeNode:
		walkPipe(n, onCmd, onList)
	case *parse.ChainNode:
		walk(n.Node, onCmd, onList)
	}
}

// walkBranch visits an if, range or with: its pipeline and both lists.
func walkBranch(b *parse.BranchNode, onCmd func(*parse.CommandNode), onList func(*parse.ListNode)) {
	walk(b.Pipe, onCmd, onList)
	walk(b.List, onCmd, onList)
	walk(b.ElseList, onCmd, onList)
}

// walkPipe visits a pipeline's commands, the arguments first (a parenthesised call inside).
func walkPipe(p *parse.PipeNode, onCmd func(*parse.CommandNode), onList func(*parse.ListNode)) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for _, a := range c.Args {
			walk(a, onCmd, onList)
		}
		if onCmd != nil {
			onCmd(c)
		}
	}
}
