package handlers

import "strconv"

// labelledValue is a detail value with its words in the reader's language: a yes or no, and each
// word (alone or in a list) that has a label, such as a field an edit names or a sender.
func labelledValue(tr Translator, field string, v any) any {
	switch x := v.(type) {
	case bool:
		return tr.T("audit.value." + strconv.FormatBool(x))
	case string:
		return valueLabel(tr, field, x)
	case []any:
		out := make([]any, len(x))
		for i, item := range x {
			out[i] = labelledValue(tr, field, item)
		}
		return out
	}
	return v
}

// valueLabel is word's label as a value of field, or word itself when it has none: the fields an
// edit names are labelled as fields, a stage as the pipeline's stages, the rest as
// audit.value.<field>.<word>.
func valueLabel(tr Translator, field, word string) string {
	id := "audit.value." + field + "." + word
	switch field {
	case "fields":
		id = "audit.field." + word
	case "stage":
		id = "stage." + word
	}
	if label := tr.T(id); label != id {
		return label
	}
	return word
}
