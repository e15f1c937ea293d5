// Package parallel runs independent pieces of work on every core.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers returns how many goroutines For uses for n pieces of work:
// GOMAXPROCS, at most n, at least 1.
func Workers(n int) int { return max(1, min(n, runtime.GOMAXPROCS(0))) }

// For calls do(worker, i) for every i in [0, n), on Workers(n) goroutines,
// and returns when all calls have returned. worker, in [0, Workers(n)),
// names the goroutine, so do can keep per-goroutine scratch state that no
// other call touches at the same time. Each do(i) must write only what is
// its own i's (or its worker's), so the result is the same as a loop's.
// With one worker the calls are made in order on the caller's goroutine.
func For(n int, do func(worker, i int)) {
	workers := Workers(n)
	if workers == 1 {
		for i := range n {
			do(0, i)
		}
		return
	}
	var (
		next atomic.Int64
		wg   sync.WaitGroup
	)
	for w := range workers {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(w, i)
			}
		})
	}
	wg.Wait()
}

// Run calls every task, on Workers(len(tasks)) goroutines (For), and
// returns when all have returned. Each task must write only what is its
// own, so the result is the same as calling them in order.
func Run(tasks ...func()) {
	For(len(tasks), func(_, i int) { tasks[i]() })
}
