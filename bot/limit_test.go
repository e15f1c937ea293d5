package bot

import (
	"fmt"
	"testing"
	"time"
)

func TestUserLimitsEngageAndRelease(t *testing.T) {
	u := newUserLimits(6, 2, 100) // one token every 10 s, two at once
	now := time.Unix(1_700_000_000, 0)
	steps := []struct {
		name     string
		user     string
		advance  time.Duration
		wantOK   bool
		wantTell bool
		wantWait time.Duration
	}{
		{"first", "alice", 0, true, false, 0},
		{"burst", "alice", 0, true, false, 0},
		{"limited", "alice", 0, false, true, 10 * time.Second},
		{"still limited, told already", "alice", time.Second, false, false, 9 * time.Second},
		{"another user is not limited", "bob", 0, true, false, 0},
		{"released after refill", "alice", 9 * time.Second, true, false, 0},
		{"limited again", "alice", 0, false, true, 10 * time.Second},
	}
	for _, s := range steps {
		now = now.Add(s.advance)
		ok, wait, tell := u.allow(s.user, now)
		if ok != s.wantOK || tell != s.wantTell || wait != s.wantWait {
			t.Errorf("%s: allow(%q) = %v, %v, %v; want %v, %v, %v", s.name, s.user, ok, wait, tell, s.wantOK, s.wantWait, s.wantTell)
		}
	}
}

func TestUserLimitsBounded(t *testing.T) {
	u := newUserLimits(60, 1, 3)
	now := time.Unix(1_700_000_000, 0)
	for i := range 10 {
		u.allow(fmt.Sprint("user", i), now)
	}
	if got := u.len(); got != 3 {
		t.Errorf("after 10 users, len() = %d, want 3", got)
	}
	// The most recent users are kept: user9 is still limited.
	if ok, _, _ := u.allow("user9", now); ok {
		t.Errorf("allow(user9) = true right after its last token, want false")
	}
	// Idle users are forgotten once their bucket would be full again.
	u.allow("late", now.Add(2*time.Minute))
	if got := u.len(); got != 1 {
		t.Errorf("after the TTL, len() = %d, want 1", got)
	}
}

func BenchmarkUserLimits(b *testing.B) {
	u := newUserLimits(60, 5, 10000)
	now := time.Unix(1_700_000_000, 0)
	users := make([]string, 20000)
	for i := range users {
		users[i] = fmt.Sprint(i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		u.allow(users[i%len(users)], now)
		i++
	}
}
