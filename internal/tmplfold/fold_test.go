package tmplfold_test

import (
	"bytes"
	htmltemplate "html/template"
	"strings"
	"testing"
	texttemplate "text/template"
	"text/template/parse"

	"github.com/convene/convene/internal/tmplfold"
)

// texts are what t returns: every character html/template escapes, Cyrillic, a URL.
var texts = map[string]string{
	"plain":  "Will you come?",
	"marks":  `Tom & Jerry's <b>"best"</b> 1+1`,
	"ru":     "Придёте? «Да» — ещё",
	"url":    "https://example.com/a b?x=1&y=<2>",
	"script": `alert("x"); </script>`,
}

const page = `{{define "page"}}<title>{{t "marks"}}</title>
<p title="{{t "marks"}}">{{t "plain"}} {{t "ru"}} {{t "marks"}}</p>
<a href="{{t "url"}}">{{t "url"}}</a> <a href="/x?q={{t "ru"}}">q</a>
<input value={{t "marks"}}>
<script>var s = {{t "script"}};</script><style>p { content: "{{t "marks"}}" }</style>
{{template "part" (t "marks")}}{{with .}}{{t "plain"}}{{end}}{{t "dynamic" "N" .}}
<textarea>{{t "marks"}}</textarea><!-- {{t "plain"}} -->{{end}}
{{define "part"}}<b>{{.}}</b> {{printf "%s!" (t "ru")}}{{end}}`

// t is the translation function both builds call; with arguments it is not constant.
func t(id string, args ...any) string {
	if len(args) > 0 {
		return id + "=" + texts["marks"]
	}
	return texts[id]
}

// resolve folds t "id" with no arguments.
func resolve(args []parse.Node) (string, bool) {
	fn, ok := args[0].(*parse.IdentifierNode)
	if !ok || fn.Ident != "t" || len(args) != 2 {
		return "", false
	}
	s, ok := args[1].(*parse.StringNode)
	if !ok {
		return "", false
	}
	return t(s.Text), true
}

// TestHTMLSameOutput renders one page with and without folding: the bytes must be equal in every
// context html/template knows (text, attributes quoted and not, URL, script, style, RCDATA).
func TestHTMLSameOutput(t *testing.T) {
	plain := htmltemplate.Must(htmltemplate.New("p").Funcs(htmltemplate.FuncMap{"t": tr}).Parse(page))
	folded := htmltemplate.Must(htmltemplate.New("p").Funcs(htmltemplate.FuncMap{"t": tr}).Parse(page))
	tmplfold.Calls(tmplfold.HTMLTrees(folded), resolve)
	_ = folded.ExecuteTemplate(&bytes.Buffer{}, "page", nil) // escape now
	tmplfold.Text(tmplfold.HTMLTrees(folded), true)
	for _, data := range []any{nil, "x", 3} {
		var want, got bytes.Buffer
		if err := plain.ExecuteTemplate(&want, "page", data); err != nil {
			t.Fatal(err)
		}
		if err := folded.ExecuteTemplate(&got, "page", data); err != nil {
			t.Fatal(err)
		}
		if want.String() != got.String() {
			t.Fatalf("folded page differs:\nwant %s\ngot  %s", want.String(), got.String())
		}
	}
	if n := countActions(tmplfold.HTMLTrees(folded)); n > 12 {
		t.Errorf("%d actions left after folding; the constant ones in text and attributes were not folded", n)
	}
}

// TestTextSameOutput does the same for a text/template, where nothing is escaped.
func TestTextSameOutput(t *testing.T) {
	src := strings.ReplaceAll(page, "<", "[")
	plain := texttemplate.Must(texttemplate.New("p").Funcs(texttemplate.FuncMap{"t": tr}).Parse(src))
	folded := texttemplate.Must(texttemplate.New("p").Funcs(texttemplate.FuncMap{"t": tr}).Parse(src))
	trees := tmplfold.TextTrees(folded)
	tmplfold.Calls(trees, resolve)
	tmplfold.Text(trees, false)
	var want, got bytes.Buffer
	if err := plain.ExecuteTemplate(&want, "page", 1); err != nil {
		t.Fatal(err)
	}
	if err := folded.ExecuteTemplate(&got, "page", 1); err != nil {
		t.Fatal(err)
	}
	if want.String() != got.String() {
		t.Fatalf("folded text differs:\nwant %s\ngot  %s", want.String(), got.String())
	}
	if n := countActions(trees); n > 5 {
		t.Errorf("%d actions left after folding", n)
	}
}

// tr is t as a template function.
func tr(id string, args ...any) string { return t(id, args...) }

// countActions counts the actions ({{…}} that print) left in trees.
func countActions(trees []*parse.Tree) int {
	n := 0
	var count func(parse.Node)
	count = func(node parse.Node) {
		switch x := node.(type) {
		case *parse.ListNode:
			if x == nil {
				return
			}
			for _, c := range x.Nodes {
				count(c)
			}
		case *parse.ActionNode:
			n++
		case *parse.WithNode:
			count(x.List)
			count(x.ElseList)
		}
	}
	for _, tr := range trees {
		count(tr.Root)
	}
	return n
}
