package models

import "github.com/lib/pq"

// stringArray adapts a Go slice for a text[] parameter.
func stringArray(v []string) interface{} {
	if v == nil {
		v = []string{}
	}
	return pq.StringArray(v)
}
