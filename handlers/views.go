package handlers

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/convene/convene/internal/textfold"
	"github.com/convene/convene/models"

	"github.com/convene/convene/templates"
	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// Views is the template cache, parsed once at start per UI language, and the translation bundle.
type Views struct {
	pages       map[string]map[string]*template.Template // language → page name → template
	bundle      *i18n.Bundle
	translators map[string]Translator // one per UI language, made once
}

// NewViews parses every page template in every UI language; a broken template fails the start.
func NewViews() (*Views, error) {
	b, err := newBundle()
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(templates.FS, "pages/*.html")
	if err != nil {
		return nil, err
	}
	v := &Views{pages: map[string]map[string]*template.Template{}, bundle: b, translators: map[string]Translator{}}
	for _, tag := range Languages {
		base, _ := tag.Base()
		lang := base.String()
		v.translators[lang] = Translator{Lang: lang, loc: i18n.NewLocalizer(b, lang), fixed: &sync.Map{}}
		if v.pages[lang], err = parsePages(files, v.translators[lang]); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// parsePages parses every page (pages/*.html but the _partials) for one language, with the
// translations asked for without arguments folded into the page's text.
func parsePages(files []string, tr Translator) (map[string]*template.Template, error) {
	pages := map[string]*template.Template{}
	for _, f := range files {
		name := strings.TrimSuffix(path.Base(f), ".html")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t, err := template.New(name).Funcs(viewFuncs).ParseFS(templates.FS, "pages/_*.html", f)
		if err == nil {
			t, err = prunePage(t)
		}
		if err != nil {
			return nil, fmt.Errorf("parse %s: %w", f, err)
		}
		if err := foldPage(t, tr); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		pages[name] = t
	}
	return pages, nil
}

// Render writes page name with data; the page is rendered to a buffer first so an error never sends half a page.
func (v *Views) Render(w io.Writer, name string, data any) error {
	b, err := v.Page(name, data)
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

// Page renders the page template name with data. The page is always UTF-8: input refused because
// it is not (kept in the form to be corrected) shows each unreadable run of bytes as U+FFFD.
func (v *Views) Page(name string, data any) ([]byte, error) {
	lang := "en"
	if p, ok := data.(*Page); ok && v.pages[p.Lang] != nil {
		lang = p.Lang
	}
	t, ok := v.pages[lang][name]
	if !ok {
		return nil, fmt.Errorf("no page template %q", name)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "page", data); err != nil {
		return nil, fmt.Errorf("render %s: %w", name, err)
	}
	if !utf8.Valid(buf.Bytes()) {
		return bytes.ToValidUTF8(buf.Bytes(), []byte("\uFFFD")), nil
	}
	return buf.Bytes(), nil
}

// viewFuncs are the same for every request: nothing per request is ever swapped in.
var viewFuncs = template.FuncMap{
	"inZone": func(t *time.Time, zone string) string {
		if t == nil {
			return ""
		}
		return t.In(zoneOrUTC(zone)).Format("2006-01-02 15:04 MST (UTC-07:00)")
	},
	"date": func(t time.Time) string { return t.UTC().Format("2006-01-02 15:04 UTC") },
	"inc":  func(i int) int { return i + 1 },
	// fold is text as searches compare it: lower case, without accents (textfold.Fold).
	"fold": textfold.Fold,
	// shownStage is the stage a list shows: a scheduled meetup that has ended is "held" (to
	// celebrate), not still "scheduled".
	"shownStage": func(stage string, ends *time.Time) string {
		if stage == models.StageScheduled && ends != nil && ends.Before(time.Now()) {
			return "held"
		}
		return stage
	},
	"stageIndex": func(stage string) int {
		for i, s := range stageOrder {
			if s == stage {
				return i
			}
		}
		return -1
	},
}
