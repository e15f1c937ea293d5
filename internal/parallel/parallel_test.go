package parallel

import (
	"runtime"
	"testing"
)

func TestForCallsEachOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 3, 100} {
			calls := make([]int, n)
			workers := Workers(n)
			For(n, func(w, i int) {
				if w < 0 || w >= workers {
					t.Errorf("GOMAXPROCS %d, n %d: worker %d out of [0, %d)", procs, n, w, workers)
				}
				calls[i]++
			})
			for i, c := range calls {
				if c != 1 {
					t.Errorf("GOMAXPROCS %d, n %d: do(%d) called %d times", procs, n, i, c)
				}
			}
		}
		runtime.GOMAXPROCS(old)
	}
}

func TestRunCallsEachOnce(t *testing.T) {
	for _, procs := range []int{1, 2, 4} {
		old := runtime.GOMAXPROCS(procs)
		var a, b, c int
		Run(func() { a++ }, func() { b++ }, func() { c++ })
		if a != 1 || b != 1 || c != 1 {
			t.Errorf("GOMAXPROCS %d: tasks called %d, %d, %d times; want once each", procs, a, b, c)
		}
		Run()
		runtime.GOMAXPROCS(old)
	}
}
