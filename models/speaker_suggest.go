package models

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/lib/pq"
)

// Suggestion is a possible speaker for a meetup, with the score and the reasons behind it.
// A "new voice" is a person of the directory, not yet a speaker: add them by person_id.
type Suggestion struct {
	SpeakerID *string  `json:"speaker_id"`
	PersonID  *string  `json:"person_id,omitempty"`
	Name      string   `json:"name"`
	Score     float64  `json:"score"`
	Reasons   []Reason `json:"reasons"`
	NewVoice  bool     `json:"new_voice"`
	Expertise []string `json:"expertise"`
}

const suggestSpeakersSQL = `SELECT ` + speakerColumns + `, ` + speakerHistoryColumns + `,
    extract(day FROM now() - h.last_asked_at)::int AS days_since_asked
FROM speakers s ` + speakerHistoryJoin + `
WHERE s.team_id = $1 AND NOT EXISTS (SELECT 1 FROM candidates c WHERE c.meetup_id = $2 AND c.speaker_id = s.id)`

// newVoicesSQL: people of the team with an interest like a topic word ($3: stems of the folded
// words, matched against the stored folds of migration 00016, so case and accents aside) who
// never gave a talk here and are not yet a candidate of the meetup.
const newVoicesSQL = `
SELECT p.id, p.name, p.email, p.language, p.interests
FROM people p
WHERE p.team_id = $1
  AND EXISTS (SELECT 1 FROM unnest(p.interests_fold) i, unnest($3::text[]) w WHERE i LIKE '%' || w || '%')
  AND NOT EXISTS (
      SELECT 1 FROM speakers s JOIN candidates c ON c.speaker_id = s.id
      WHERE s.team_id = p.team_id AND (s.person_id = p.id OR lower(s.email) = lower(p.email))
        AND (c.status = 'confirmed' OR c.meetup_id = $2))
ORDER BY p.name LIMIT 500`

// voicePerson is a person of the directory who might speak.
type voicePerson struct {
	ID        string         `db:"id"`
	Name      string         `db:"name"`
	Email     string         `db:"email"`
	Language  string         `db:"language"`
	Interests pq.StringArray `db:"interests"`
}

// SuggestSpeakers ranks the team's speakers (and new voices) for a meetup, best first, by how
// their expertise matches the meetup's topic (its title while no topic is chosen) and the extra
// terms — the survey's top topics and proposals, once that step provides them.
func (s *Store) SuggestSpeakers(ctx context.Context, teamID, meetupID string, extra []string, limit int) ([]Suggestion, error) {
	m, err := s.GetMeetup(ctx, teamID, meetupID)
	if err != nil {
		return nil, err
	}
	topic := matchWords(cmp.Or(strings.TrimSpace(m.Topic), m.Title))
	extraWords := matchWords(extra...)
	var rows []speakerRow
	if err := s.DB.SelectContext(ctx, &rows, suggestSpeakersSQL, teamID, m.ID); err != nil {
		return nil, mapErr(err)
	}
	out := []Suggestion{}
	known := map[string]bool{}
	for _, r := range rows {
		known[strings.ToLower(r.Email)] = true
		if sg, ok := scoreSpeaker(r, topic, extraWords); ok {
			out = append(out, sg)
		}
	}
	voices, err := s.newVoices(ctx, m, append(topic, extraWords...), known)
	if err != nil {
		return nil, err
	}
	out = append(out, voices...)
	slices.SortStableFunc(out, func(a, b Suggestion) int {
		return cmp.Or(cmp.Compare(b.Score, a.Score), cmp.Compare(a.Name, b.Name))
	})
	return out[:min(len(out), limit)], nil
}

// newVoices finds people whose interests match and who are not yet among the speakers.
func (s *Store) newVoices(ctx context.Context, m Meetup, words []string, known map[string]bool) ([]Suggestion, error) {
	if len(words) == 0 {
		return nil, nil
	}
	var people []voicePerson
	if err := s.DB.SelectContext(ctx, &people, newVoicesSQL, m.TeamID, m.ID, pq.StringArray(likeStems(words))); err != nil {
		return nil, mapErr(err)
	}
	var out []Suggestion
	for _, p := range people {
		if known[strings.ToLower(p.Email)] {
			continue
		}
		if sg, ok := scoreVoice(p, words, nil); ok {
			out = append(out, sg)
		}
	}
	return out, nil
}
