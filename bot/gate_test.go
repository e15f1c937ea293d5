package bot

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestGate(t *testing.T) {
	g := newGate(2, 1, time.Minute)
	ctx := context.Background()
	r1, err1 := g.enter(ctx)
	r2, err2 := g.enter(ctx)
	if err1 != nil || err2 != nil {
		t.Fatalf("enter with free slots = %v, %v", err1, err2)
	}
	// The third waits in the queue; the fourth finds it full.
	queued := make(chan error, 1)
	go func() {
		release, err := g.enter(ctx)
		if err == nil {
			release()
		}
		queued <- err
	}()
	for {
		if _, waiting := g.load(); waiting == 1 {
			break
		}
		time.Sleep(time.Millisecond)
	}
	if _, err := g.enter(ctx); !errors.Is(err, errBusy) {
		t.Errorf("enter with the slots taken and the queue full = %v, want %v", err, errBusy)
	}
	r1()
	if err := <-queued; err != nil {
		t.Errorf("queued enter after a release = %v, want a slot", err)
	}
	r2()
	if running, waiting := g.load(); running != 0 || waiting != 0 {
		t.Errorf("load after every release = %d running, %d waiting; want 0, 0", running, waiting)
	}
	if got := g.refused.Load(); got != 1 {
		t.Errorf("refused = %d, want 1", got)
	}
}

func TestGateWaitAndContext(t *testing.T) {
	g := newGate(1, 5, 10*time.Millisecond)
	release, err := g.enter(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if _, err := g.enter(context.Background()); !errors.Is(err, errBusy) {
		t.Errorf("enter past the queue wait = %v, want %v", err, errBusy)
	}
	g.wait = time.Minute
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := g.enter(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("enter with a cancelled context = %v, want %v", err, context.Canceled)
	}
}
