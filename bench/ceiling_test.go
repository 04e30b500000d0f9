package bench

import (
	"fmt"
	"sync"
	"time"

	"github.com/convene/convene/mailer"
)

// ringSize is how many distinct rendered messages the ceiling run cycles through: each of the n
// sends is one of them with its own recipient and Message-ID, so the ceiling measures go-mail and
// the sink, not rendering, with a bounded memory.
const ringSize = 256

// ceiling sends n messages like the enqueued ones straight to the sink with go-mail, over
// workers connections (the same client options as the pool's), and returns messages per second.
func ceiling(sc mailer.SMTPConfig, workers, n int) (float64, error) {
	ring := make([]mailer.Message, ringSize)
	for i := range ring {
		p := newInvitee(i)
		r, err := render(p)
		if err != nil {
			return 0, err
		}
		ring[i] = mailer.Message{From: "Convene <convene@corp.example>", ToName: p.Name, Subject: r.Subject, Text: r.Text,
			HTML: r.HTML, ICS: []byte(r.ICS), ICSMethod: "REQUEST", Date: time.Now()}
	}
	next := make(chan int, workers)
	go func() {
		defer close(next)
		for i := range n {
			next <- i
		}
	}()
	start := time.Now()
	errs := make(chan error, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() { errs <- sendDirect(sc, ring, next) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return 0, err
		}
	}
	return float64(n) / time.Since(start).Seconds(), nil
}

// sendDirect is one ceiling connection: build each message and send it on one session.
func sendDirect(sc mailer.SMTPConfig, ring []mailer.Message, next <-chan int) error {
	c, err := mailer.NewClient(sc, 30*time.Second)
	if err != nil {
		return err
	}
	if err := c.DialWithContext(contextBackground()); err != nil {
		return err
	}
	defer c.Close()
	for i := range next {
		m := ring[i%len(ring)]
		m.ToEmail = fmt.Sprintf("c%05d@corp.example", i)
		m.MessageID = fmt.Sprintf("<ceiling-%d@convene.corp.example>", i)
		msg, err := m.Build()
		if err != nil {
			return err
		}
		if err := c.Send(msg); err != nil {
			return err
		}
	}
	return nil
}
