package mailer

import (
	"bytes"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	texttemplate "text/template"

	"github.com/convene/convene/templates"
)

// Rendered is one mail, ready for the outbox: a one-line subject, a plain-text and an HTML part.
type Rendered struct{ Subject, Text, HTML string }

// Renderer renders mail templates; its templates are parsed once, one set per language, at start.
type Renderer struct {
	base    *url.URL
	sets    map[string]map[string]*mailSet // lang → kind → templates
	details map[string]*detailsSet         // lang → the meetup's details (render_details.go)
}

// mailSet is one kind's templates in one language: subject and text as text, html as HTML.
type mailSet struct {
	text *texttemplate.Template
	html *htmltemplate.Template
	ids  []string // the texts its templates ask for, read before the constant ones were folded
}

// NewRenderer parses every mail template in every language; a missing template, block or text fails here.
func NewRenderer(baseURL string) (*Renderer, error) {
	return newRenderer(templates.FS, baseURL)
}

// newRenderer is NewRenderer over any file system laid out like templates.FS.
func newRenderer(fsys fs.FS, baseURL string) (*Renderer, error) {
	base, err := url.Parse(baseURL)
	if err != nil || (base.Scheme != "https" && base.Scheme != "http") || base.Host == "" {
		return nil, fmt.Errorf("mailer: base URL %q is not an http(s) URL", baseURL)
	}
	cat, err := loadCatalogue(fsys)
	if err != nil {
		return nil, err
	}
	r := &Renderer{base: base, sets: map[string]map[string]*mailSet{}, details: map[string]*detailsSet{}}
	for _, lang := range mailLangs() {
		funcs := r.funcs(lang, cat)
		if r.details[lang], err = parseDetails(fsys, funcs); err != nil {
			return nil, fmt.Errorf("mailer: %s details: %w", lang, err)
		}
		if r.sets[lang], err = parseLang(fsys, cat, funcs); err != nil {
			return nil, fmt.Errorf("mailer: %s templates: %w", lang, err)
		}
	}
	return r, nil
}

// Render renders kind in lang ("en" or "ru"; anything else gives English) with data, the kind's data type.
func (r *Renderer) Render(kind, lang string, data any) (Rendered, error) {
	set, ok := r.sets[matchLang(lang)][kind]
	if !ok {
		return Rendered{}, fmt.Errorf("mailer: no mail template %q", kind)
	}
	var subject, text, html bytes.Buffer
	text.Grow(textSizeHint)
	html.Grow(htmlSizeHint) // most mails fit, so the buffer is not copied as it grows
	if err := set.text.ExecuteTemplate(&subject, "subject", data); err != nil {
		return Rendered{}, fmt.Errorf("mailer: %s subject: %w", kind, err)
	}
	if err := set.text.ExecuteTemplate(&text, "text", data); err != nil {
		return Rendered{}, fmt.Errorf("mailer: %s text: %w", kind, err)
	}
	if err := set.html.ExecuteTemplate(&html, "html", data); err != nil {
		return Rendered{}, fmt.Errorf("mailer: %s html: %w", kind, err)
	}
	out := Rendered{Subject: oneLineSubject(subject.String()), Text: tidyText(text.String()),
		HTML: strings.ReplaceAll(strings.ReplaceAll(html.String(), "\r\n", "\n"), "\r", "\n")}
	if out.Subject == "" || slices.ContainsFunc([]string{out.Subject, out.Text, out.HTML}, noValue) {
		return Rendered{}, fmt.Errorf("mailer: %s rendered with an empty subject or a missing value", kind)
	}
	return out, nil
}

// Rendered parts' usual sizes: the layout's HTML is about 5 KB, its text under 2 KB.
const textSizeHint, htmlSizeHint = 2 << 10, 8 << 10

// noValue reports whether a template printed a missing value.
func noValue(s string) bool { return strings.Contains(s, "<no value>") }

// oneLineSubject strips control characters (CR, LF, NUL…) and collapses white space: a header never breaks.
func oneLineSubject(s string) string {
	return strings.Join(strings.Fields(strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, "\uFFFD"))), " ")
}

// tidyText makes line ends \n, drops control characters, trims trailing blanks and runs of
// empty lines (at most one in a row), and ends in one newline.
func tidyText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	blank := 0
	for line := range strings.SplitSeq(strings.TrimSpace(cleanText(s)), "\n") {
		line = strings.TrimRight(line, " \t")
		if line == "" {
			blank++
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n"[:1+min(blank, 1)])
		}
		blank = 0
		b.WriteString(line)
	}
	b.WriteByte('\n')
	return b.String()
}
