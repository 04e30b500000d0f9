package models

// attendedSQL is Convene's one rule for who came to a meetup, for an RSVP r: an attendee (a
// speaker is counted apart) who was checked in, or who answered the feedback form (an answer
// shows its author came, even when nobody ticked them at the door or their check-in was
// undone), or — when no attendee of the meetup was checked in at all — who said yes (a
// walk-in's yes, made at the door, does not count). The report's counts and rates, the
// feedback form's recipients, the recap's recipients and the series trend all use it.
const attendedSQL = `r.role = 'attendee' AND (r.checked_in_at IS NOT NULL OR ` + answeredSQL + ` OR (r.status = 'yes'
    AND NOT r.walk_in AND NOT ` + checkedInElsewhereSQL + `))`

// answeredSQL says whether the person of RSVP r answered the meetup's feedback form.
const answeredSQL = `EXISTS (SELECT 1 FROM feedback fb WHERE fb.meetup_id = r.meetup_id AND fb.person_id = r.person_id)`

// checkedInElsewhereSQL says whether some attendee of r's meetup was checked in.
const checkedInElsewhereSQL = `EXISTS (SELECT 1 FROM rsvps x WHERE x.meetup_id = r.meetup_id AND x.role = 'attendee' AND x.checked_in_at IS NOT NULL)`
