package models

import "sync"

// linkMeetups remembers which meetup an RSVP link belongs to, so that an answer finds its
// meetup's batch without a query: a link never moves to another meetup. An entry left behind by
// an erased link or meetup is harmless, since the batch looks the link up again (lockBatch) and
// an answer it does not find there is taken alone, which finds no link and is ErrNotFound.
type linkMeetups struct {
	mu sync.Mutex
	m  map[string]string // link token hash → meetup id
}

// maxLinkMeetups bounds the memory: past it the map starts afresh (about 10 MB when full).
const maxLinkMeetups = 1 << 16

// get returns the meetup of the link's hash, if known.
func (c *linkMeetups) get(hash []byte) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id, ok := c.m[string(hash)]
	return id, ok
}

// put remembers the meetup of the link's hash.
func (c *linkMeetups) put(hash []byte, meetupID string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil || len(c.m) >= maxLinkMeetups {
		c.m = make(map[string]string)
	}
	c.m[string(hash)] = meetupID
}
