package handlers

import (
	"bytes"
	"encoding/json"
	"strings"
	"unicode/utf8"
)

// unreadableField names the field of a decoded JSON body whose text holds bytes that are not
// UTF-8 ("body" when they are not in a field's value), or "" when the body is UTF-8.
// encoding/json turns such bytes into U+FFFD unseen, so they are looked for in the raw body.
func unreadableField(body []byte) string {
	bad := firstInvalid(body)
	if bad < 0 {
		return ""
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	var w jsonWalk
	for {
		tok, err := dec.Token()
		if err != nil {
			return "body"
		}
		if dec.InputOffset() > int64(bad) {
			return w.field()
		}
		w.step(tok)
	}
}

// firstInvalid is the offset of the first byte of b that is not UTF-8, or -1.
func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

// jsonWalk follows where a stream of JSON tokens is: the objects and arrays it is inside.
type jsonWalk struct {
	stack []jsonLevel
}

// jsonLevel is one object or array the walk is inside, with the object's current key.
type jsonLevel struct {
	object  bool
	wantKey bool
	key     string
}

// step moves the walk past tok.
func (w *jsonWalk) step(tok json.Token) {
	top := w.top()
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' || t == '[' {
			w.stack = append(w.stack, jsonLevel{object: t == '{', wantKey: t == '{'})
			return
		}
		w.stack = w.stack[:len(w.stack)-1]
		w.valueDone()
	case string:
		if top != nil && top.wantKey {
			top.key, top.wantKey = t, false
			return
		}
		w.valueDone()
	default:
		w.valueDone()
	}
}

// valueDone notes that a value ended: an object the walk is in expects a key next.
func (w *jsonWalk) valueDone() {
	if top := w.top(); top != nil && top.object {
		top.wantKey = true
	}
}

// top is the innermost object or array, or nil at the top level.
func (w *jsonWalk) top() *jsonLevel {
	if len(w.stack) == 0 {
		return nil
	}
	return &w.stack[len(w.stack)-1]
}

// field names the field the next token is a value of: the keys of the objects it is in, joined
// by dots (array positions left out); "body" for a key or a value outside any object.
func (w *jsonWalk) field() string {
	if top := w.top(); top != nil && top.wantKey {
		return "body"
	}
	var keys []string
	for _, l := range w.stack {
		if l.object {
			keys = append(keys, l.key)
		}
	}
	if len(keys) == 0 {
		return "body"
	}
	return strings.Join(keys, ".")
}
