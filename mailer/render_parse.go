package mailer

import (
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io"
	"io/fs"
	"path"
	"strings"
	texttemplate "text/template"

	"github.com/convene/convene/internal/tmplfold"
)

// mailBlocks are the templates every mail kind must define.
func mailBlocks() []string { return []string{"subject", "text", "html"} }

// parseLang parses every kind under mail/ with one language's functions.
func parseLang(fsys fs.FS, cat *catalogue, funcs map[string]any) (map[string]*mailSet, error) {
	files, err := fs.Glob(fsys, "mail/*.tmpl")
	if err != nil {
		return nil, err
	}
	sets := map[string]*mailSet{}
	for _, f := range files {
		kind := strings.TrimSuffix(path.Base(f), ".tmpl")
		if strings.HasPrefix(kind, "_") {
			continue
		}
		if sets[kind], err = parseKind(fsys, f, cat, funcs); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
	}
	for _, kind := range requiredKinds() {
		if sets[kind] == nil {
			return nil, fmt.Errorf("no template mail/%s.tmpl", kind)
		}
	}
	return sets, nil
}

// parseKind parses one kind with the shared partials (mail/_*.tmpl), as text and as HTML,
// and checks its blocks, its message ids and the HTML escaping now rather than at a send.
func parseKind(fsys fs.FS, file string, cat *catalogue, funcs map[string]any) (*mailSet, error) {
	name := path.Base(file)
	tt, err := texttemplate.New(name).Option("missingkey=error").Funcs(funcs).ParseFS(fsys, "mail/_*.tmpl", file)
	if err != nil {
		return nil, err
	}
	ht, err := htmltemplate.New(name).Option("missingkey=error").Funcs(funcs).ParseFS(fsys, "mail/_*.tmpl", file)
	if err != nil {
		return nil, err
	}
	for _, block := range mailBlocks() {
		if tt.Lookup(block) == nil {
			return nil, fmt.Errorf("no {{define %q}} block", block)
		}
	}
	ids := textIDs(tt)
	for _, id := range ids {
		if !cat.ids["en"][id] {
			return nil, fmt.Errorf("mail text %q is in no i18n/mail.*.json", id)
		}
	}
	if tt, err = pruneText(tt, funcs); err != nil {
		return nil, err
	}
	if ht, err = pruneHTML(ht, funcs); err != nil {
		return nil, err
	}
	fixed := fixedCalls(funcs)
	tmplfold.Calls(tmplfold.TextTrees(tt), fixed)
	tmplfold.Text(tmplfold.TextTrees(tt), false)
	tmplfold.Calls(tmplfold.HTMLTrees(ht), fixed)
	if err := checkEscaping(ht); err != nil {
		return nil, err
	}
	tmplfold.Text(tmplfold.HTMLTrees(ht), true)
	return &mailSet{text: tt, html: ht, ids: ids}, nil
}

// checkEscaping runs html/template's contextual escaping of the "html" block once, so an
// escaping error fails the start; execution errors from the missing data are expected here.
func checkEscaping(ht *htmltemplate.Template) error {
	err := ht.ExecuteTemplate(io.Discard, "html", nil)
	var escErr *htmltemplate.Error
	if errors.As(err, &escErr) {
		return err
	}
	return nil
}
