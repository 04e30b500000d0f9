package handlers

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sync"

	"github.com/convene/convene/templates"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Languages are the UI languages, the first being the fallback.
var Languages = []language.Tag{language.English, language.Russian}

var langMatcher = language.NewMatcher(Languages)

// newBundle loads every catalogue under i18n/ of the embedded templates.
func newBundle() (*i18n.Bundle, error) {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("json", json.Unmarshal)
	files, err := fs.Glob(templates.FS, "i18n/*.json")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		if _, err := b.LoadMessageFileFS(templates.FS, f); err != nil {
			return nil, fmt.Errorf("load %s: %w", f, err)
		}
	}
	return b, nil
}

// Translator renders message ids in one language.
type Translator struct {
	Lang  string
	loc   *i18n.Localizer
	fixed *sync.Map // id → text, for the messages asked for without arguments
}

// NewTranslator returns a translator for lang ("en" or "ru").
func (v *Views) NewTranslator(lang string) Translator {
	return v.translators[MatchLang(lang)]
}

// MatchLang picks the supported language that best fits an Accept-Language value or tag.
func MatchLang(accept string) string {
	tags, _, _ := language.ParseAcceptLanguage(accept)
	_, idx, conf := langMatcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	base, _ := Languages[idx].Base()
	return base.String()
}

// Label is the text of code under prefix ("outbox.kind." and a mail's kind), or code itself when
// the catalogue has none.
func (t Translator) Label(prefix, code string) string {
	if s := t.T(prefix + code); s != prefix+code {
		return s
	}
	return code
}

// T translates id; args are name/value pairs for the message, "Count" selecting the plural form.
func (t Translator) T(id string, args ...any) string {
	if len(args) == 0 && t.fixed != nil {
		if s, ok := t.fixed.Load(id); ok {
			return s.(string)
		}
	}
	data := map[string]any{}
	var count any
	for i := 0; i+1 < len(args); i += 2 {
		k := fmt.Sprint(args[i])
		data[k] = args[i+1]
		if k == "Count" {
			count = args[i+1]
		}
	}
	s, err := t.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil && count != nil {
		// a message written as one string, not per plural form, has only "other": a Russian
		// count of 11 ("many") would not find its form, so read it without one
		s, err = t.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	}
	if err != nil {
		return id
	}
	if len(args) == 0 && t.fixed != nil {
		t.fixed.Store(id, s)
	}
	return s
}
