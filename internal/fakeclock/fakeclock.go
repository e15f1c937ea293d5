// Package fakeclock is a clock that tests move by hand. Code that waits or
// expires things takes a clock (a Now method or func) instead of reading
// time.Now, so its tests can jump an hour without sleeping one.
package fakeclock

import (
	"sync"
	"time"
)

// A Clock tells the time it was set to, until Advance moves it. It is safe
// for concurrent use.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// New returns a clock that reads start.
func New(start time.Time) *Clock { return &Clock{now: start} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock forward by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
