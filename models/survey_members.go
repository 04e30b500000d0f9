package models

// surveyMembersCTE selects the people of a meetup's audience: $1 the meetup. It is the audience
// rule of the directory (every non-empty criterion matches, or included by address; excluded
// addresses never; all case-insensitive; no criteria and no includes is the whole directory).
// TODO(directory): use the directory branch's membersCTE once it is on main.
const surveyMembersCTE = `
aud AS (
    SELECT a.team_id, a.departments, a.locations, a.interests, a.include_emails, a.exclude_emails
    FROM meetups m JOIN audiences a ON a.id = m.audience_id AND a.team_id = m.team_id
    WHERE m.id = $1
), members AS (
    SELECT p.id, p.email, p.name, p.language
    FROM people p, aud
    WHERE p.team_id = aud.team_id
      AND lower(p.email) NOT IN (SELECT lower(x) FROM unnest(aud.exclude_emails) x)
      AND (lower(p.email) IN (SELECT lower(x) FROM unnest(aud.include_emails) x)
        OR ((cardinality(aud.departments) + cardinality(aud.locations) + cardinality(aud.interests) > 0
             OR cardinality(aud.include_emails) = 0)
            AND (cardinality(aud.departments) = 0
                 OR lower(p.department) IN (SELECT lower(x) FROM unnest(aud.departments) x))
            AND (cardinality(aud.locations) = 0
                 OR lower(p.location) IN (SELECT lower(x) FROM unnest(aud.locations) x))
            AND (cardinality(aud.interests) = 0 OR EXISTS (
                SELECT 1 FROM unnest(p.interests) i, unnest(aud.interests) x WHERE lower(i) = lower(x)))))
)`
