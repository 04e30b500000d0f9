package bench

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// rsvpPost is one answer a client sends through a person's link.
type rsvpPost struct {
	token, answer, mode string
}

// rsvpPlan deals the storm to clients: each answers for its own people (85% yes in person, some
// remote, maybe and no), then changes five of those answers, freeing seats and places.
func rsvpPlan(tokens []string, clients, perClient, changes int) [][]rsvpPost {
	plan := make([][]rsvpPost, clients)
	for k := range plan {
		mine := tokens[k*perClient : (k+1)*perClient]
		for j, tok := range mine {
			a, mode := "yes", "in_person"
			switch j % 20 {
			case 16:
				mode = "remote"
			case 17:
				a = "maybe"
			case 18:
				a = "no"
			}
			plan[k] = append(plan[k], rsvpPost{tok, a, mode})
		}
		for j := range changes {
			a := []string{"no", "no", "no", "maybe", "yes"}[j%5]
			mode := map[bool]string{true: "remote", false: "in_person"}[j%5 == 4]
			plan[k] = append(plan[k], rsvpPost{mine[j], a, mode})
		}
	}
	return plan
}

// rsvpResult is what a storm measured.
type rsvpResult struct {
	elapsed   time.Duration
	latencies []time.Duration
	firstWave []time.Duration // each client's first answer: all sent at once
	later     []time.Duration // the answers after it
	failed    int64
	firstFail string
}

// rsvpStorm runs the plan, one goroutine per client, over HTTP against base.
func rsvpStorm(base string, plan [][]rsvpPost) rsvpResult {
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: len(plan), MaxConnsPerHost: len(plan)}}
	var res rsvpResult
	var mu sync.Mutex
	var failed atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for _, posts := range plan {
		wg.Go(func() {
			lat := make([]time.Duration, 0, len(posts))
			for _, p := range posts {
				t0 := time.Now()
				if err := rsvpSend(client, base, p); err != nil {
					if failed.Add(1) == 1 {
						res.firstFail = err.Error()
					}
				}
				lat = append(lat, time.Since(t0))
			}
			mu.Lock()
			res.latencies = append(res.latencies, lat...)
			res.firstWave = append(res.firstWave, lat[0])
			res.later = append(res.later, lat[1:]...)
			mu.Unlock()
		})
	}
	wg.Wait()
	res.elapsed, res.failed = time.Since(start), failed.Load()
	return res
}

// rsvpSend posts one answer as the RSVP page's form does.
func rsvpSend(client *http.Client, base string, p rsvpPost) error {
	form := url.Values{"answer": {p.answer}, "mode": {p.mode}}
	resp, err := client.Post(base+"/r/"+p.token, "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

// percentile is the p-th percentile (0..1) of the latencies.
func percentile(lat []time.Duration, p float64) time.Duration {
	if len(lat) == 0 {
		return 0
	}
	s := slices.Clone(lat)
	slices.Sort(s)
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

// over counts the latencies above limit.
func over(lat []time.Duration, limit time.Duration) int {
	n := 0
	for _, l := range lat {
		if l > limit {
			n++
		}
	}
	return n
}
