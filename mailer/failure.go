package mailer

import (
	"errors"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/wneessen/go-mail"
)

// maxReason bounds the stored text of a failure.
const maxReason = 1000

// permanent tells a failure that no retry can fix: the server's 5xx answer, or a message that
// cannot be built or addressed. Everything else (4xx, refused or dropped connections, timeouts)
// is temporary.
func permanent(err error) bool {
	if errors.Is(err, ErrBadMessage) {
		return true
	}
	var se *mail.SendError
	if !errors.As(err, &se) {
		return false
	}
	switch se.Reason {
	case mail.ErrGetSender, mail.ErrGetRcpts, mail.ErrNoUnencoded:
		return true
	}
	return se.ErrorCode() >= 500 && se.ErrorCode() < 600
}

// reason is the text stored with a failure: the server's answer when there is one.
func reason(err error) string {
	s := strings.ToValidUTF8(headerText(err.Error()), "?")
	if len(s) > maxReason {
		s = strings.ToValidUTF8(s[:maxReason], "") + "…"
	}
	return s
}

// backoff is the wait before attempt n+1 after n attempts: base doubling per attempt, capped,
// with jitter (between half and all of it) so retries of a burst spread out.
func backoff(attempts int, base, max time.Duration) time.Duration {
	d := base
	for i := 1; i < attempts && d < max; i++ {
		d *= 2
	}
	d = min(d, max)
	half := d / 2
	return half + rand.N(half+1)
}
