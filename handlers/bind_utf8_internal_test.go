package handlers

import (
	"strings"
	"testing"
)

// TestUnreadableFieldNamesTheField: the field whose text is not UTF-8 is named, however deep in
// objects and arrays; bytes in a key or outside any object are the body's.
func TestUnreadableFieldNamesTheField(t *testing.T) {
	q := func(s string) string { return strings.ReplaceAll(s, "'", `"`) }
	for _, tc := range []struct{ body, want string }{
		{q("{'name':'Ana','notes':'caf\xe9'}"), "notes"},
		{q("{'name':'x','expertise':['go','caf\xe9']}"), "expertise"},
		{q("{'a':{'b':[1,{'c':'ok'}],'d':'\x80'},'e':'f'}"), "a.d"},
		{q("{'a':[{'b':'ok'}],'c':['x',{'d':'y'}],'e':'\xff'}"), "e"},
		{q("{'caf\xe9':'x'}"), "body"},
		{q("'\xe9'"), "body"},
		{q("{'name':'Café'}"), ""},
	} {
		if got := unreadableField([]byte(tc.body)); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.body, got, tc.want)
		}
	}
}
