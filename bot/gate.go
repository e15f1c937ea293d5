package bot

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// errBusy means an answer was refused because the bot is answering as
// many questions as it can: every slot taken and the queue full, or no
// slot freed within Config.QueueWait. The user is told, in their
// language, to try again.
var errBusy = errors.New("too many questions at once")

// A gate bounds the answers computed at once: slots run, a short queue
// waits for them, and what arrives past the queue is refused at once, so
// that a burst costs a bounded amount of CPU and memory and every
// interaction still gets a response within Discord's window.
type gate struct {
	slots chan struct{}
	wait  time.Duration

	mu        sync.Mutex
	waiting   int
	maxQueued int

	refused atomic.Int64
}

func newGate(concurrent, queued int, wait time.Duration) *gate {
	return &gate{slots: make(chan struct{}, concurrent), maxQueued: queued, wait: wait}
}

// enter takes a slot, waiting in the queue for at most the gate's wait
// (and no longer than ctx) when all are taken. It returns errBusy when
// the queue is full or the wait runs out, and the function that gives
// the slot back otherwise.
func (g *gate) enter(ctx context.Context) (release func(), err error) {
	select {
	case g.slots <- struct{}{}:
		return g.release, nil
	default:
	}
	g.mu.Lock()
	if g.waiting >= g.maxQueued {
		g.mu.Unlock()
		g.refused.Add(1)
		return nil, errBusy
	}
	g.waiting++
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		g.waiting--
		g.mu.Unlock()
	}()
	timer := time.NewTimer(g.wait)
	defer timer.Stop()
	select {
	case g.slots <- struct{}{}:
		return g.release, nil
	case <-timer.C:
		g.refused.Add(1)
		return nil, errBusy
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (g *gate) release() { <-g.slots }

// load returns the answers running and waiting.
func (g *gate) load() (running, waiting int) {
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.slots), g.waiting
}
