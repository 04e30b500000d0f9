package models

import (
	"context"
	"time"

	"github.com/jmoiron/sqlx"
)

const exportAudiencesSQL = `
SELECT id, name, CASE WHEN EXISTS (SELECT 1 FROM unnest(include_emails) e WHERE lower(e) = lower($2))
    THEN 'include' ELSE 'exclude' END AS how
FROM audiences
WHERE team_id = $1 AND EXISTS (SELECT 1 FROM unnest(include_emails || exclude_emails) e WHERE lower(e) = lower($2))
ORDER BY name, id`

const exportSurveyInvitesSQL = `
SELECT i.meetup_id, m.title AS meetup, i.sent_at, i.reminders, i.reminded_at
FROM survey_invites i JOIN meetups m ON m.id = i.meetup_id
WHERE i.person_id = $1 AND m.team_id = $2 ORDER BY i.sent_at`

const exportSurveyAnswersSQL = `
SELECT r.meetup_id, m.title AS meetup, r.proposal, r.problems, r.answered_at,
    array(SELECT t.title FROM survey_votes v JOIN survey_topics t ON t.id = v.topic_id
          WHERE v.meetup_id = r.meetup_id AND v.person_id = r.person_id ORDER BY t.position) AS votes
FROM survey_responses r JOIN meetups m ON m.id = r.meetup_id
WHERE r.person_id = $1 AND m.team_id = $2 ORDER BY r.answered_at`

const exportRSVPsSQL = `
SELECT r.meetup_id, m.title AS meetup, m.starts_at, m.stage = 'cancelled' AS meetup_cancelled, r.role, r.status, r.mode, r.dietary, r.walk_in,
    r.invited_at, r.answered_at, r.checked_in_at, f.rating
FROM rsvps r JOIN meetups m ON m.id = r.meetup_id
LEFT JOIN feedback f ON f.meetup_id = r.meetup_id AND f.person_id = r.person_id
WHERE r.person_id = $1 AND r.team_id = $2 ORDER BY m.starts_at DESC NULLS LAST, m.title`

const exportFeedbackAskedSQL = `
SELECT q.meetup_id, m.title AS meetup, q.sent_at, q.reminded_at
FROM feedback_requests q JOIN meetups m ON m.id = q.meetup_id
WHERE q.person_id = $1 AND q.team_id = $2 ORDER BY q.sent_at`

const exportFeedbackSQL = `
SELECT f.meetup_id, m.title AS meetup, f.rating, f.nps, f.impact, f.useful, f.improve, f.next_topics,
    f.updated_at AS answered_at
FROM feedback f JOIN meetups m ON m.id = f.meetup_id
WHERE f.person_id = $1 AND f.team_id = $2 ORDER BY f.updated_at`

const exportSpeakerSQL = `
SELECT id, name, email, source, profile_url, expertise, notes FROM speakers WHERE person_id = $1 AND team_id = $2`

const exportCandidaciesSQL = `
SELECT c.meetup_id, m.title AS meetup, c.status, c.talk_title, c.abstract, c.note
FROM candidates c JOIN speakers s ON s.id = c.speaker_id JOIN meetups m ON m.id = c.meetup_id
WHERE s.person_id = $1 AND c.team_id = $2 ORDER BY c.created_at`

const exportLinksSQL = `
SELECT purpose, meetup_id, created_at, expires_at FROM links
WHERE team_id = $2 AND (person_id = $1 OR (purpose IN ('outreach', 'confirm') AND subject IN (` + personCandidatesSQL + `)))
ORDER BY created_at, purpose`

const exportMailSQL = `
SELECT kind, meetup_id, subject, status, created_at, sent_at FROM outbox
WHERE team_id = $2 AND (person_id = $1 OR lower(to_email) = lower($3)) ORDER BY created_at, id`

// personRecord reads every kind of a person's data inside tx; another team's person is ErrNotFound.
func personRecord(ctx context.Context, tx *sqlx.Tx, teamID, id string) (PersonExport, error) {
	out := PersonExport{ExportedAt: time.Now().UTC(), Audiences: []ExportAudience{}, SurveyInvites: []ExportSurveyInvite{},
		SurveyAnswers: []ExportSurveyAnswer{}, RSVPs: []ExportRSVP{}, FeedbackAsked: []ExportFeedbackAsk{},
		Feedback: []ExportFeedback{}, Candidacies: []ExportCandidacy{}, Links: []ExportLink{}, Mail: []ExportMail{}}
	if !IsUUID(id) {
		return out, ErrNotFound
	}
	if err := tx.GetContext(ctx, &out.Person, getPersonSQL, id, teamID); err != nil {
		return out, err
	}
	lists := []struct {
		dest  any
		query string
		args  []any
	}{
		{&out.Audiences, exportAudiencesSQL, []any{teamID, out.Person.Email}},
		{&out.SurveyInvites, exportSurveyInvitesSQL, []any{id, teamID}},
		{&out.SurveyAnswers, exportSurveyAnswersSQL, []any{id, teamID}},
		{&out.RSVPs, exportRSVPsSQL, []any{id, teamID}},
		{&out.FeedbackAsked, exportFeedbackAskedSQL, []any{id, teamID}},
		{&out.Feedback, exportFeedbackSQL, []any{id, teamID}},
		{&out.Candidacies, exportCandidaciesSQL, []any{id, teamID}},
		{&out.Links, exportLinksSQL, []any{id, teamID}},
		{&out.Mail, exportMailSQL, []any{id, teamID, out.Person.Email}},
	}
	for _, l := range lists {
		if err := tx.SelectContext(ctx, l.dest, l.query, l.args...); err != nil {
			return out, err
		}
	}
	return out, exportSpeaker(ctx, tx, teamID, id, &out)
}

// exportSpeaker adds the speaker record linked to the person, if there is one.
func exportSpeaker(ctx context.Context, tx *sqlx.Tx, teamID, id string, out *PersonExport) error {
	var sp []ExportSpeaker
	if err := tx.SelectContext(ctx, &sp, exportSpeakerSQL, id, teamID); err != nil {
		return err
	}
	if len(sp) > 0 {
		out.Speaker = &sp[0]
	}
	return nil
}
