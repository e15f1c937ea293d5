package qa

import (
	"context"
	"errors"
	"testing"
	"time"
)

// TestConversationTurnWaitsWithItsContext holds a conversation's turn as
// a slow turn would: the next turn of the same conversation gives up when
// its context ends instead of waiting for ever, and goes through once the
// turn is over. Other conversations are not held up.
func TestConversationTurnWaitsWithItsContext(t *testing.T) {
	s, err := NewConversations(storeEngine(t), ConversationOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := s.get("busy")
	if err := c.mu.lock(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := s.Ask(ctx, "busy", Question{Text: "when did the harbour reopen?"})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("Ask behind a held turn = %v, want %v", err, context.DeadlineExceeded)
		}
	case <-time.After(time.Minute):
		c.mu.unlock()
		t.Fatal("Ask behind a held turn ignored its context")
	}
	mustAsk(t, s, "other", "when did the harbour reopen?")
	c.mu.unlock()
	if a := mustAsk(t, s, "busy", "when did the harbour reopen?"); !a.Answered {
		t.Errorf("Ask after the turn ended = %+v, want an answer", a)
	}
}

func TestCtxMutexZeroValue(t *testing.T) {
	var m ctxMutex
	ctx, cancel := context.WithCancel(context.Background())
	if err := m.lock(ctx); err != nil {
		t.Fatalf("lock of a zero ctxMutex = %v", err)
	}
	cancel()
	if err := m.lock(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("second lock with a cancelled context = %v, want %v", err, context.Canceled)
	}
	m.unlock()
	if err := m.lock(context.Background()); err != nil {
		t.Errorf("lock after unlock = %v", err)
	}
}
