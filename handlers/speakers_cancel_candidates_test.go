package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/convene/convene/models"
)

// TestCancelTellsCandidatesOfTheBrief: besides the chosen speakers, a cancellation tells each
// candidate of the brief who has not said no. Sam (silent) and Nora (no_reply after the follow-up)
// read that they need not answer; Oleg (yes, not chosen, Russian) reads, in Russian, thanks for his
// answer; Walt (asked for the slot Xena took) the same in English. Each mail has the organiser's
// reason, Reply-To the organiser, no link and no calendar. Dana (said no) gets nothing, Xena
// (confirmed) only her own cancellation. A second cancel is refused and sends nothing more.
func TestCancelTellsCandidatesOfTheBrief(t *testing.T) {
	app, a, m, s1, x, w := newSpkSharedSlot(t)
	mail := startMailDelivery(t, app)
	spkAnswered(t, app, a, m, "Oleg", "Generics", s1)
	dana := spkAnswered(t, app, a, m, "Dana", "Fuzzing", s1)
	if res := app.Client().PostForm(t, spkLinkPath(t, app, m, dana, models.PurposeOutreach), url.Values{"interest": {"no"}}); res.Status != 303 {
		t.Fatalf("Dana says no: %d", res.Status)
	}
	silent := map[string]string{}
	for _, name := range []string{"Sam", "Nora"} {
		silent[name] = a.candidate(m, a.speaker(name, strings.ToLower(name)+"@example.com", "go"))
		a.must(200, "POST", "/api/v1/meetups/"+m+"/outreach", map[string]any{"candidate_ids": []string{silent[name]}, "message": "Brief"})
	}
	a.exec(`UPDATE candidates SET status = 'no_reply' WHERE id = $1`, silent["Nora"])
	a.exec(`UPDATE speakers SET language = 'ru' WHERE email = 'oleg@example.com'`)
	a.must(200, "POST", "/api/v1/meetups/"+m+"/lineup", map[string]any{"speakers": []any{spkPick(x, s1), spkPick(w, s1)}})
	if res := app.Client().PostForm(t, spkLinkPath(t, app, m, x, models.PurposeConfirm), url.Values{"confirm": {"yes"}}); res.Status != 303 {
		t.Fatalf("Xena confirms: %d", res.Status)
	}

	a.must(200, "POST", "/api/v1/meetups/"+m+"/cancel", map[string]any{"reason": "The room is flooded"})
	want := map[string][]string{
		"sam@example.com":  {"“Backend lunch” is cancelled", "no need to answer our invitation to speak", "Reason: The room is flooded", "You don't need to do anything"},
		"nora@example.com": {"“Backend lunch” is cancelled", "no need to answer our invitation to speak", "Reason: The room is flooded"},
		"walt@example.com": {"“Backend lunch” is cancelled", "Thank you for answering our invitation to speak", "Reason: The room is flooded"},
		"oleg@example.com": {"Встреча «Backend lunch» отменена", "Спасибо, что ответили на наше приглашение", "Причина: The room is flooded", "От вас ничего не требуется"},
	}
	for to, parts := range want {
		got := waitMail(t, mail, to, parts[0])
		mustContain(t, to+"'s mail", got.Text, parts[1:]...)
		if got.ICS != "" || strings.Contains(got.Text, "/o/") || strings.Contains(got.Text, "/c/") || got.ReplyTo != app.User.Email {
			t.Errorf("%s's mail: ICS %q, Reply-To %q, text\n%s", to, got.ICS, got.ReplyTo, got.Text)
		}
	}
	a.must(409, "POST", "/api/v1/meetups/"+m+"/cancel", map[string]any{"reason": "Again"})
	told := spkOutbox(t, a, m, models.NoticeOutreachCancelled)
	if len(told) != len(want) {
		t.Errorf("%d candidates told of the cancellation, want %d: %v", len(told), len(want), told)
	}
	for _, to := range []string{"dana@example.com", "xena@example.com"} {
		if _, ok := told[to]; ok {
			t.Errorf("%s got the candidates' cancellation", to)
		}
	}
	if n := len(spkOutbox(t, a, m, models.NoticeMeetupCancelled)); n != 1 {
		t.Errorf("%d chosen speakers told, want Xena only", n)
	}
}
