package handlers

// fieldData is what the layout's "field" template needs for one input.
type fieldData struct {
	P     *Page
	Name  string
	Label string
	Type  string
	Value string
	Auto  string
}

// Field describes a labelled input for the "field" template, with the page's error for it.
func (p *Page) Field(name, label, typ, value string) fieldData {
	return fieldData{P: p, Name: name, Label: label, Type: typ, Value: value}
}

// choicesData is what the "choices" template needs for a group of checkboxes.
type choicesData struct {
	P       *Page
	Name    string
	Label   string
	Options []option
}

// Choices describes a group of checkboxes for the "choices" template.
func (p *Page) Choices(name, label string, opts []option) choicesData {
	return choicesData{P: p, Name: name, Label: label, Options: opts}
}

// TextArea describes a labelled text area for the "textarea" template.
func (p *Page) TextArea(name, label, value string) fieldData {
	return fieldData{P: p, Name: name, Label: label, Value: value}
}
