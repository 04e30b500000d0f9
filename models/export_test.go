package models

// AnswersWaiting says how many answers to the meetup wait for its next batch (for tests that
// line answers up behind a held lock).
func (s *Store) AnswersWaiting(meetupID string) int {
	s.answers.mu.Lock()
	defer s.answers.mu.Unlock()
	return len(s.answers.waiting[meetupID])
}
