package bot

import (
	"container/list"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// userLimits holds one token bucket per user in a bounded map: the least
// recently seen user is forgotten when the map is full, and users idle
// for longer than it takes to refill a whole bucket are forgotten too,
// since a fresh bucket is then the same as theirs.
type userLimits struct {
	mu    sync.Mutex
	every rate.Limit
	burst int
	max   int
	ttl   time.Duration
	users map[string]*list.Element
	lru   *list.List // of *userLimit, most recently seen first
}

type userLimit struct {
	user   string
	lim    *rate.Limiter
	seen   time.Time
	warned time.Time // when the user was last told they are limited
}

func newUserLimits(perMinute float64, burst, capacity int) *userLimits {
	every := rate.Limit(perMinute / 60)
	ttl := time.Duration(float64(burst) / float64(every) * float64(time.Second))
	return &userLimits{every: every, burst: burst, max: capacity, ttl: max(ttl, time.Minute),
		users: map[string]*list.Element{}, lru: list.New()}
}

// allow takes a token from user's bucket. When none is left it returns
// how long until one is, and whether the user should be told (once per
// wait, so a user who keeps trying does not make the bot spam a channel).
func (u *userLimits) allow(user string, now time.Time) (ok bool, wait time.Duration, tell bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.expire(now)
	var e *userLimit
	if el, found := u.users[user]; found {
		u.lru.MoveToFront(el)
		e = el.Value.(*userLimit)
	} else {
		e = &userLimit{user: user, lim: rate.NewLimiter(u.every, u.burst)}
		u.users[user] = u.lru.PushFront(e)
		for u.lru.Len() > u.max {
			u.evict(u.lru.Back())
		}
	}
	e.seen = now
	if e.lim.AllowN(now, 1) {
		return true, 0, false
	}
	r := e.lim.ReserveN(now, 1)
	wait = r.DelayFrom(now)
	r.CancelAt(now)
	tell = e.warned.IsZero() || now.Sub(e.warned) >= wait
	if tell {
		e.warned = now
	}
	return false, wait, tell
}

// expire forgets users idle for longer than the TTL, oldest first.
func (u *userLimits) expire(now time.Time) {
	for el := u.lru.Back(); el != nil; el = u.lru.Back() {
		if now.Sub(el.Value.(*userLimit).seen) < u.ttl {
			return
		}
		u.evict(el)
	}
}

func (u *userLimits) evict(el *list.Element) {
	delete(u.users, el.Value.(*userLimit).user)
	u.lru.Remove(el)
}

// len returns the number of users remembered.
func (u *userLimits) len() int {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.lru.Len()
}
