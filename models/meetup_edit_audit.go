package models

import (
	"encoding/json"
	"reflect"
)

// editAudit is what the audit log keeps of an edit of a scheduled meetup: each field an edit can
// touch that changed (a new start also moves the end), as {"from": before, "to": after}, read
// from the meetup's own JSON so a time is a moment rather than the wall time the edit gave.
func editAudit(before, after Meetup) (map[string]any, error) {
	fields, err := jsonObject(MeetupEdit{})
	if err != nil {
		return nil, err
	}
	was, err := jsonObject(before)
	if err != nil {
		return nil, err
	}
	now, err := jsonObject(after)
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	for k := range fields {
		if _, ok := now[k]; ok && !reflect.DeepEqual(was[k], now[k]) {
			out[k] = map[string]any{"from": was[k], "to": now[k]}
		}
	}
	return out, nil
}

// jsonObject is v as a JSON object, key by key.
func jsonObject(v any) (map[string]any, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	return m, json.Unmarshal(b, &m)
}
