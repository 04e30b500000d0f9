package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestReportSuggestedTopicsSplitLikeTheForm: the form asks for topics "one per line, or separated
// by commas"; the report counts "Kubernetes, Terraform" as two topics, each marked as in the
// backlog the answer put them in.
func TestReportSuggestedTopicsSplitLikeTheForm(t *testing.T) {
	a := newFeedbackApp(t, 2)
	a.send(t)
	for email, topics := range map[string]string{"f0@example.com": "Kubernetes, Terraform", "f1@example.com": "terraform"} {
		if r := a.c.PostForm(t, a.linkOf(t, email), url.Values{"rating": {"4"}, "next_topics": {topics}}); r.Status != 303 {
			t.Fatalf("answer of %s = %d", email, r.Status)
		}
	}
	res := a.api(t, "GET", "/api/v1/meetups/"+a.meetup.ID+"/report", "")
	var r models.Report
	decode(t, res, &r)
	got := map[string]models.SuggestedTopic{}
	for _, st := range r.SuggestedTopics {
		got[strings.ToLower(st.Title)] = st
	}
	k, tf := got["kubernetes"], got["terraform"]
	if len(got) != 2 || k.Mentions != 1 || !k.InBacklog || tf.Mentions != 2 || !tf.InBacklog {
		t.Fatalf("suggested topics = %+v, want Kubernetes (1) and Terraform (2), both in the backlog", r.SuggestedTopics)
	}
}
