package main

import (
	"slices"
	"testing"

	"github.com/qabot/qabot/lang"
)

// TestDefaultsInGrid: the committed weights are among those the tuner
// tries, so that rerunning it can give them back.
func TestDefaultsInGrid(t *testing.T) {
	def := lang.DefaultDetectorTuning()
	if !slices.Contains(grid(def), def) {
		t.Errorf("lang.DefaultDetectorTuning %+v is not in the tuner's grid", def)
	}
}

func TestErrorsOf(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	d := lang.NewDetector(reg)
	sources := []source{
		{"right", []labelled{{"When did the harbour open?", "en"}, {"Wann wurde der Hafen eröffnet?", "de"}}},
		{"wrong", []labelled{{"When did the harbour open?", "de"}, {"Kur u hap porti?", "en"}}},
		{"unsupported", []labelled{{"Kur u hap porti i Durrësit?", ""}}},
	}
	if got, want := errorsOf(d, sources), []int{0, 2, 0}; !slices.Equal(got, want) {
		t.Errorf("errorsOf = %v, want %v", got, want)
	}
}
