//go:build race

package main

// raceEnabled: the race detector makes a full regeneration take minutes.
const raceEnabled = true
