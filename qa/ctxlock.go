package qa

import (
	"context"
	"sync"
)

// A ctxMutex is a mutex whose Lock gives up when its context ends, so that
// a turn waiting behind a slow turn of the same conversation does not
// outlive its deadline. The zero value is unlocked.
type ctxMutex struct {
	once sync.Once
	ch   chan struct{}
}

// lock takes the mutex, or returns ctx's error if ctx ends first.
func (m *ctxMutex) lock(ctx context.Context) error {
	m.once.Do(func() { m.ch = make(chan struct{}, 1) })
	select {
	case m.ch <- struct{}{}:
		return nil
	default:
	}
	select {
	case m.ch <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// unlock releases a mutex taken by lock.
func (m *ctxMutex) unlock() { <-m.ch }
