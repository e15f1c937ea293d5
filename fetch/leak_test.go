package fetch_test

import (
	"context"
	"os"
	"runtime"
	"testing"
	"time"

	"github.com/qabot/qabot/fetch"
)

// openFiles counts the process's file descriptors (Linux only; -1
// elsewhere).
func openFiles(t *testing.T) int {
	entries, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return -1
	}
	return len(entries)
}

// settle waits, at most wait, for goroutines and descriptors to come back
// down to at most the given counts, and returns what they are at the end.
func settle(t *testing.T, goroutines, fds int, wait time.Duration) (int, int) {
	deadline := time.Now().Add(wait)
	for {
		g, f := runtime.NumGoroutine(), openFiles(t)
		if (g <= goroutines && f <= fds) || time.Now().After(deadline) {
			return g, f
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestNoLeakAfterRefusals makes 1,000 refused fetches of every kind:
// refused before any connection (blocked addresses, names resolving to
// private ones, bad schemes) and refused after connecting to the loopback
// test server (redirects to private addresses, wrong content types, pages
// over the cap, error statuses). Goroutines and file descriptors must come
// back to where they were.
func TestNoLeakAfterRefusals(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 fetches")
	}
	srv := server(t)
	// Long timeouts, so that a connection left open would still be open
	// when the counts are read.
	strict := fetch.New(fetch.Options{Resolver: resolver, Dialer: newTripwire(t, fetch.Policy{}), Timeout: time.Minute})
	open, _ := allowed(t, fetch.Options{MaxBytes: 64 << 10, Timeout: time.Minute})
	// One fetch of each kind first, so that lazily started goroutines
	// (the test server's, the resolver's) are in the baseline.
	cases := []struct {
		f   *fetch.Fetcher
		url string
	}{
		{strict, "http://169.254.169.254/latest/meta-data/"},
		{strict, "http://private.example/"},
		{strict, "http://[::1]/"},
		{strict, srv.URL + "/article"},
		{strict, "file:///etc/passwd"},
		{open, srv.URL + "/to-private"},
		{open, srv.URL + "/to-private-name"},
		{open, srv.URL + "/pdf"},
		{open, srv.URL + "/huge-chunked"},
		{open, srv.URL + "/gone"},
	}
	ctx := context.Background()
	for _, c := range cases {
		if _, err := c.f.Fetch(ctx, c.url); err == nil {
			t.Fatalf("Fetch(%s) succeeded; want a refusal", c.url)
		}
	}
	g0, f0 := settle(t, 0, 0, 5*time.Second) // the baseline: whatever is left after 5 s
	for i := 0; i < 1000; i++ {
		c := cases[i%len(cases)]
		if _, err := c.f.Fetch(ctx, c.url); err == nil {
			t.Fatalf("Fetch(%s) succeeded; want a refusal", c.url)
		}
	}
	// A few goroutines of the test server may still be closing
	// connections; they must go.
	g1, f1 := settle(t, g0, f0, time.Minute) // generous: only a leak waits it out, and CI machines are loaded
	if g1 > g0 {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines: %d before 1,000 refused fetches, %d after\n%s", g0, g1, buf[:runtime.Stack(buf, true)])
	}
	if f0 >= 0 && f1 > f0 {
		t.Errorf("file descriptors: %d before 1,000 refused fetches, %d after", f0, f1)
	}
	t.Logf("goroutines %d -> %d, file descriptors %d -> %d", g0, g1, f0, f1)
}
