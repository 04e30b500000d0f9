package models

import (
	"context"
	"math"
	"time"
)

// Funnel counts a meetup's audience at each step: invited → said yes → attended → answered the form.
// Attended follows attendedSQL (checked in or answered the form; the yes when nobody was checked
// in), as the feedback form's and the recap's recipients do, and includes the walk-ins (checked in at the door without an invitation), who
// are counted apart and not as said yes. Of the attended, AttendedYes said yes and came (the
// attended rate's numerator, as the door's expected_checked_in) and AttendedOthers were invited
// and came without a yes (maybe, no answer, waitlisted or no). AttendedOrAnswered is the
// answered rate's denominator: every answer's author counts as attended, so it is Attended unless a
// non-attendee (a speaker) answered. AttendedByAnswer are those of Attended counted only by their
// answer: not checked in, at a meetup where others were (or, with nobody checked in, without a yes).
// Speakers are in no step: they are counted apart, once (invited as speakers, less those who said
// no and did not come: speakerSQL), with how many of them are checked in — as the door's counter
// counts them.
type Funnel struct {
	Invited            int `db:"invited" json:"invited"`
	Yes                int `db:"yes" json:"yes"`
	Attended           int `db:"attended" json:"attended"`
	AttendedYes        int `db:"attended_yes" json:"attended_yes"`
	AttendedOthers     int `db:"attended_others" json:"attended_others"`
	WalkIns            int `db:"walk_ins" json:"walk_ins"`
	Feedback           int `db:"feedback" json:"feedback"`
	AttendedOrAnswered int `db:"attended_or_answered" json:"attended_or_answered"`
	Speakers           int `db:"speakers" json:"speakers"`
	SpeakersCheckedIn  int `db:"speakers_checked_in" json:"speakers_checked_in"`
	AttendedByAnswer   int `db:"attended_by_answer" json:"attended_by_answer"`
}

// FunnelRates are each step's share of the step before, in percent; nil when the step before is 0.
// AttendedYes is the share of those who said yes who came (Funnel.AttendedYes of Funnel.Yes), so
// it never exceeds 100 %; it is no share of Funnel.Attended, which counts the walk-ins and the
// invitees who came without a yes too. Attended is the same figure under its first name, kept for
// the API's clients. Feedback is of those who attended or answered.
type FunnelRates struct {
	Yes         *float64 `json:"yes"`
	AttendedYes *float64 `json:"attended_yes"`
	Attended    *float64 `json:"attended"`
	Feedback    *float64 `json:"feedback"`
}

// Rates computes the funnel's step-to-step rates.
func (f Funnel) Rates() FunnelRates {
	came := Percent(f.AttendedYes, f.Yes)
	return FunnelRates{Yes: Percent(f.Yes, f.Invited), AttendedYes: came, Attended: came,
		Feedback: Percent(f.Feedback, f.AttendedOrAnswered)}
}

// Percent is n of total in percent with one decimal, or nil when total is 0.
func Percent(n, total int) *float64 {
	if total <= 0 {
		return nil
	}
	v := math.Round(float64(n)*1000/float64(total)) / 10
	return &v
}

// RatingSummary is the 1–5 ratings of a meetup: the average, how many, and how many gave each value.
type RatingSummary struct {
	Average      *float64       `json:"average"`
	Count        int            `json:"count"`
	Distribution map[string]int `json:"distribution"`
}

// NPSDetail is how the 0–10 "would recommend" answers split: promoters 9–10, passives 7–8, detractors 0–6.
type NPSDetail struct {
	Answers    int `db:"nps_answers" json:"answers"`
	Promoters  int `db:"promoters" json:"promoters"`
	Passives   int `db:"passives" json:"passives"`
	Detractors int `db:"detractors" json:"detractors"`
}

// Score is the net promoter score (% promoters − % detractors, rounded), or nil without answers.
func (d NPSDetail) Score() *int {
	if d.Answers == 0 {
		return nil
	}
	v := int(math.Round(float64(d.Promoters-d.Detractors) * 100 / float64(d.Answers)))
	return &v
}

// Comment is one answer's free text as the organiser reads it.
type Comment struct {
	PersonID   string    `db:"person_id" json:"person_id"`
	Rating     int       `db:"rating" json:"rating"`
	Useful     string    `db:"useful" json:"useful"`
	Improve    string    `db:"improve" json:"improve"`
	Flagged    bool      `db:"flagged" json:"flagged"`
	AnsweredAt time.Time `db:"updated_at" json:"answered_at"`
}

// SuggestedTopic is a topic people asked for next, with how many named it and whether it is in the backlog.
type SuggestedTopic struct {
	Title     string `db:"title" json:"title"`
	Mentions  int    `db:"mentions" json:"mentions"`
	InBacklog bool   `db:"in_backlog" json:"in_backlog"`
}

// Report is a meetup's step-6 report (API.md: funnel, rating, nps, impact, comments, suggested_topics).
type Report struct {
	MeetupID        string           `json:"meetup_id"`
	Funnel          Funnel           `json:"funnel"`
	FunnelRates     FunnelRates      `json:"funnel_rates"`
	Rating          RatingSummary    `json:"rating"`
	NPS             *int             `json:"nps"`
	NPSDetail       NPSDetail        `json:"nps_detail"`
	Impact          *float64         `json:"impact"`
	ImpactAnswers   int              `json:"impact_answers"`
	Comments        []Comment        `json:"comments"`
	SuggestedTopics []SuggestedTopic `json:"suggested_topics"`
	Celebration     Celebration      `json:"celebration"`
}

// MeetupReport gathers the report of a meetup of the team; another team's id is ErrNotFound.
func (s *Store) MeetupReport(ctx context.Context, teamID, meetupID string) (Report, error) {
	r := Report{MeetupID: meetupID}
	var err error
	if r.Celebration, err = s.GetCelebration(ctx, teamID, meetupID); err != nil {
		return r, err
	}
	if r.Funnel, err = s.funnel(ctx, meetupID); err != nil {
		return r, err
	}
	r.FunnelRates = r.Funnel.Rates()
	if err = s.scores(ctx, meetupID, &r); err != nil {
		return r, err
	}
	if r.Comments, err = s.comments(ctx, meetupID); err != nil {
		return r, err
	}
	r.SuggestedTopics, err = s.suggestedTopics(ctx, teamID, meetupID)
	return r, err
}

// funnelSQL counts the funnel. A walk-in's RSVP says yes (rsvps.walk_in, made at the door), but
// they never answered: they are counted apart, as attended (checked in, or answered the form)
// walk-ins; the attended split
// into those who said yes and the other invitees. The last count is everyone who attended or
// answered, each once. The speakers are counted apart, as the door's counter counts them.
const funnelSQL = `
SELECT count(*) FILTER (WHERE r.role = 'attendee' AND r.invited_at IS NOT NULL) AS invited,
       count(*) FILTER (WHERE r.role = 'attendee' AND r.status = 'yes' AND NOT r.walk_in) AS yes,
       count(*) FILTER (WHERE r.came) AS attended,
       count(*) FILTER (WHERE r.came AND r.status = 'yes' AND NOT r.walk_in) AS attended_yes,
       count(*) FILTER (WHERE r.came AND r.status <> 'yes' AND NOT r.walk_in) AS attended_others,
       count(*) FILTER (WHERE r.came AND r.walk_in) AS walk_ins,
       count(*) FILTER (WHERE r.came AND r.answered AND r.checked_in_at IS NULL
                        AND (r.door_used OR r.status <> 'yes' OR r.walk_in)) AS attended_by_answer,
       count(*) FILTER (WHERE ` + speakerSQL + `) AS speakers,
       count(*) FILTER (WHERE ` + speakerSQL + ` AND r.checked_in_at IS NOT NULL) AS speakers_checked_in,
       (SELECT count(*) FROM feedback f WHERE f.meetup_id = $1) AS feedback,
       (SELECT count(*) FROM (
           SELECT r.person_id FROM rsvps r WHERE r.meetup_id = $1 AND ` + attendedSQL + `
           UNION SELECT f.person_id FROM feedback f WHERE f.meetup_id = $1) came) AS attended_or_answered
FROM (SELECT r.role, r.invited_at, r.status, r.walk_in, r.checked_in_at, ` + attendedSQL + ` AS came,
             ` + answeredSQL + ` AS answered, ` + checkedInElsewhereSQL + ` AS door_used
      FROM rsvps r WHERE r.meetup_id = $1) r`

// funnel counts the meetup's funnel.
func (s *Store) funnel(ctx context.Context, meetupID string) (Funnel, error) {
	var f Funnel
	err := s.DB.GetContext(ctx, &f, funnelSQL, meetupID)
	return f, mapErr(err)
}

// feedbackScores is one row of aggregates over a meetup's answers.
type feedbackScores struct {
	NPSDetail
	Count         int      `db:"n"`
	Average       *float64 `db:"average"`
	R1            int      `db:"r1"`
	R2            int      `db:"r2"`
	R3            int      `db:"r3"`
	R4            int      `db:"r4"`
	R5            int      `db:"r5"`
	Impact        *float64 `db:"impact"`
	ImpactAnswers int      `db:"impact_answers"`
}

const feedbackScoresSQL = `
SELECT count(*) AS n, round(avg(rating), 2)::float8 AS average,
       count(*) FILTER (WHERE rating = 1) AS r1, count(*) FILTER (WHERE rating = 2) AS r2,
       count(*) FILTER (WHERE rating = 3) AS r3, count(*) FILTER (WHERE rating = 4) AS r4,
       count(*) FILTER (WHERE rating = 5) AS r5,
       count(nps) AS nps_answers, count(*) FILTER (WHERE nps >= 9) AS promoters,
       count(*) FILTER (WHERE nps BETWEEN 7 AND 8) AS passives, count(*) FILTER (WHERE nps <= 6) AS detractors,
       round(avg(impact), 2)::float8 AS impact, count(impact) AS impact_answers
FROM feedback WHERE meetup_id = $1`

// scores fills the rating, NPS and impact of r.
func (s *Store) scores(ctx context.Context, meetupID string, r *Report) error {
	var fs feedbackScores
	if err := s.DB.GetContext(ctx, &fs, feedbackScoresSQL, meetupID); err != nil {
		return mapErr(err)
	}
	r.Rating = RatingSummary{Average: fs.Average, Count: fs.Count,
		Distribution: map[string]int{"1": fs.R1, "2": fs.R2, "3": fs.R3, "4": fs.R4, "5": fs.R5}}
	r.NPSDetail, r.NPS = fs.NPSDetail, fs.NPSDetail.Score()
	r.Impact, r.ImpactAnswers = fs.Impact, fs.ImpactAnswers
	return nil
}

const commentsSQL = `
SELECT person_id, rating, useful, improve, flagged_at IS NOT NULL AS flagged, updated_at
FROM feedback WHERE meetup_id = $1 AND (useful <> '' OR improve <> '')
ORDER BY flagged_at IS NULL, updated_at, person_id LIMIT 500`

// comments lists the answers with free text, flagged ones first.
func (s *Store) comments(ctx context.Context, meetupID string) ([]Comment, error) {
	out := []Comment{}
	err := s.DB.SelectContext(ctx, &out, commentsSQL, meetupID)
	return out, mapErr(err)
}

// suggestedTopicsSQL splits each answer's next_topics at line breaks, commas and semicolons (as
// SplitTopics does for the backlog), counts each topic once per answer (case-insensitively) and
// says whether the backlog has it.
const suggestedTopicsSQL = `
WITH t AS (
    SELECT DISTINCT f.person_id, regexp_replace(btrim(x), '\s+', ' ', 'g') AS title
    FROM feedback f, regexp_split_to_table(f.next_topics, E'[\\n\\r;,]+') x
    WHERE f.meetup_id = $1
)
SELECT min(title) AS title, count(DISTINCT person_id) AS mentions,
       EXISTS (SELECT 1 FROM topic_ideas i WHERE i.team_id = $2 AND lower(i.title) = lower(min(t.title))) AS in_backlog
FROM t WHERE title <> '' GROUP BY lower(title)
ORDER BY count(DISTINCT person_id) DESC, lower(title) LIMIT 100`

// suggestedTopics lists the topics people asked for next, most named first.
func (s *Store) suggestedTopics(ctx context.Context, teamID, meetupID string) ([]SuggestedTopic, error) {
	out := []SuggestedTopic{}
	err := s.DB.SelectContext(ctx, &out, suggestedTopicsSQL, meetupID, teamID)
	return out, mapErr(err)
}
