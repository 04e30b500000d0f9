package mailer

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sync"
	texttemplate "text/template"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	i18ntmpl "github.com/nicksnyder/go-i18n/v2/i18n/template"
	"golang.org/x/text/language"
)

// mailLangs are the languages every mail text exists in, English first (the fallback).
func mailLangs() []string { return []string{"en", "ru"} }

// catalogue holds the mail texts (i18n/mail.<lang>.json) and which ids each language has.
type catalogue struct {
	bundle *i18n.Bundle
	ids    map[string]map[string]bool // lang → message ids
	parser i18ntmpl.Parser            // fails on a missing argument instead of printing "<no value>"
}

// loadCatalogue reads every i18n/mail.*.json and checks that all languages have the same ids.
func loadCatalogue(fsys fs.FS) (*catalogue, error) {
	c := &catalogue{bundle: i18n.NewBundle(language.English), ids: map[string]map[string]bool{},
		parser: &i18ntmpl.TextParser{Option: "missingkey=error"}}
	c.bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	files, err := fs.Glob(fsys, "i18n/mail.*.json")
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		mf, err := c.bundle.LoadMessageFileFS(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("mailer: load %s: %w", f, err)
		}
		base, _ := mf.Tag.Base()
		ids, err := messageIDs(mf)
		if err != nil {
			return nil, fmt.Errorf("mailer: %s: %w", f, err)
		}
		if c.ids[base.String()] == nil {
			c.ids[base.String()] = map[string]bool{}
		}
		maps.Copy(c.ids[base.String()], ids) // several files per language (mail.en.json, mail.speakers.en.json)
	}
	for _, lang := range mailLangs() {
		if _, err := fs.Stat(fsys, "i18n/mail."+lang+".json"); err != nil {
			return nil, fmt.Errorf("mailer: no i18n/mail.%s.json", lang)
		}
	}
	if err := c.checkSameIDs(); err != nil {
		return nil, err
	}
	return c, nil
}

// messageIDs lists a file's message ids, checking that every form of every text parses as a template.
func messageIDs(mf *i18n.MessageFile) (map[string]bool, error) {
	ids := map[string]bool{}
	for _, m := range mf.Messages {
		for _, form := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other} {
			if _, err := texttemplate.New(m.ID).Parse(form); err != nil {
				return nil, err
			}
		}
		ids[m.ID] = true
	}
	return ids, nil
}

// checkSameIDs fails when a language lacks a catalogue or an id another language has.
func (c *catalogue) checkSameIDs() error {
	en := c.ids["en"]
	for _, lang := range mailLangs() {
		ids, ok := c.ids[lang]
		if !ok {
			return fmt.Errorf("mailer: no i18n/mail.%s.json", lang)
		}
		for _, id := range slices.Sorted(maps.Keys(en)) {
			if !ids[id] {
				return fmt.Errorf("mailer: mail text %q missing in %s", id, lang)
			}
		}
		for _, id := range slices.Sorted(maps.Keys(ids)) {
			if !en[id] {
				return fmt.Errorf("mailer: mail text %q of %s missing in en", id, lang)
			}
		}
	}
	return nil
}

// translator returns the template function "t" for lang: t id [name value]… → text, or an
// error for a missing id or argument ("Count" picks the plural form).
func (c *catalogue) translator(lang string) func(id string, args ...any) (string, error) {
	loc := i18n.NewLocalizer(c.bundle, lang)
	var fixed sync.Map // id → text, for the texts asked for without arguments
	return func(id string, args ...any) (string, error) {
		if len(args) == 0 {
			if s, ok := fixed.Load(id); ok {
				return s.(string), nil
			}
		}
		if len(args)%2 != 0 {
			return "", fmt.Errorf("mail text %q: odd number of arguments", id)
		}
		data := make(map[string]any, len(args)/2)
		cfg := &i18n.LocalizeConfig{MessageID: id, TemplateData: data, TemplateParser: c.parser}
		for i := 0; i < len(args); i += 2 {
			name := fmt.Sprint(args[i])
			data[name] = args[i+1]
			if name == "Count" {
				cfg.PluralCount = args[i+1]
			}
		}
		s, err := loc.Localize(cfg)
		if err != nil && cfg.PluralCount != nil { // a one-string message has only "other"
			cfg.PluralCount = nil
			s, err = loc.Localize(cfg)
		}
		if err != nil {
			return "", fmt.Errorf("mail text %q (%s): %w", id, lang, err)
		}
		if len(args) == 0 {
			fixed.Store(id, s)
		}
		return s, nil
	}
}
