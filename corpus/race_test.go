//go:build race

package corpus

// raceEnabled: the race detector makes the checks over all real data
// take minutes; those tests read a sample under it, and make test runs
// them in full once more without it.
const raceEnabled = true
