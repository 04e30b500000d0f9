package handlers

// searchError is the message key of the q field's error when err is a list refusing its search
// text (models' searchProblem), or "" for no error or any other.
func searchError(err error) string {
	return fieldErrors(err)["q"]
}
