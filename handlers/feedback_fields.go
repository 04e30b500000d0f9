package handlers

// scaleData is what the "feedback_scale" template needs for one row of numbered choices.
type scaleData struct {
	P         *Page
	Name      string
	Label     string
	Low, High string
	Values    []int
	Value     string
}

// Scale describes a question answered by a number from lo to hi (rating, nps, impact).
func (p *Page) Scale(name string, lo, hi int, value string) scaleData {
	d := scaleData{P: p, Name: name, Label: p.T("feedback.q." + name), Value: value,
		Low: p.T("feedback.scale." + name + ".low"), High: p.T("feedback.scale." + name + ".high")}
	for v := lo; v <= hi; v++ {
		d.Values = append(d.Values, v)
	}
	return d
}

// feedbackTextData is what the "feedback_text" template needs for one comment box.
type feedbackTextData struct {
	P     *Page
	Name  string
	Label string
	Value string
	Max   int
}

// FeedbackText describes one comment box of the feedback form.
func (p *Page) FeedbackText(name, value string, max int) feedbackTextData {
	return feedbackTextData{P: p, Name: name, Label: p.T("feedback.q." + name), Value: value, Max: max}
}
