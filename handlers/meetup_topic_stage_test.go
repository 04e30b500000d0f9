package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/internal/testutil"
)

// TestMeetupTopicFormOnlyBeforeOutreach: during speaker search the meetup page offers "Set the
// topic directly"; once the brief went out (outreach, confirmation, scheduled) the form is gone
// and the page says why, in English and Russian; a stale form posted then is refused with the
// reason (422) and the topic stays.
func TestMeetupTopicFormOnlyBeforeOutreach(t *testing.T) {
	app := testutil.NewApp(t)
	api := newAPI(t, app)
	c, csrf := organiser(t, app)
	m := struct{ ID string }{}
	api.json(t, "POST", "/api/v1/meetups", `{"title":"Indexes","format":"talk","timezone":"Europe/Berlin"}`, 201, &m)
	api.json(t, "PUT", "/api/v1/meetups/"+m.ID+"/topic", map[string]any{"topic": "How PostgreSQL picks an index"}, 200, nil)
	page := c.Get(t, "/meetups/"+m.ID).Body
	mustContain(t, "speaker search", page, `id="topic-form"`, "Set the topic directly")
	for _, stage := range []string{"outreach", "confirmation", "scheduled"} {
		if _, err := app.Store.DB.Exec(`UPDATE meetups SET stage = $2 WHERE id = $1`, m.ID, stage); err != nil {
			t.Fatal(err)
		}
		page = c.Get(t, "/meetups/"+m.ID).Body
		if strings.Contains(page, `id="topic-form"`) || strings.Contains(page, "Set the topic directly") {
			t.Fatalf("%s: the page still offers to set the topic", stage)
		}
		mustContain(t, stage, page, "How PostgreSQL picks an index", `id="topic-fixed"`,
			"The topic is fixed: the speakers&#39; brief has gone out with it")
	}
	res := c.PostForm(t, "/meetups/"+m.ID+"/topic", url.Values{"csrf_token": {csrf}, "topic": {"Something else"}})
	if res.Status != 422 {
		t.Fatalf("stale topic form: %d", res.Status)
	}
	mustContain(t, "refused form", res.Body, `id="e-topic">The topic can no longer be changed at this stage.`)
	var topic string
	if err := app.Store.DB.Get(&topic, `SELECT topic FROM meetups WHERE id = $1`, m.ID); err != nil || topic != "How PostgreSQL picks an index" {
		t.Fatalf("topic = %q (%v)", topic, err)
	}
	if _, err := app.Store.DB.Exec(`UPDATE users SET lang = 'ru' WHERE id = $1`, app.User.ID); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "Russian", c.Get(t, "/meetups/"+m.ID).Body, "Тема закреплена: бриф с ней уже отправлен спикерам")
}
