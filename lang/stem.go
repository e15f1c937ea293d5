package lang

import (
	"fmt"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
)

// stemmer returns the stemming function for a Snowball algorithm name of
// meta.json. kljensen/snowball has the languages it covers; the generated
// blevesearch/snowballstem packages fill in the rest. "none" is a no-op
// stemmer for a language without an algorithm. An unknown name is an error
// at load time, never a silent no-op per word.
func stemmer(name string) (func(string) string, error) {
	// kljensen's stemmers are called with stemStopWords true: qabot has its
	// own stop-word lists, and a stem must not depend on another list.
	kljensen := func(f func(string, bool) string) func(string) string {
		return func(w string) string { return f(w, true) }
	}
	generated := func(f func(*snowballstem.Env) bool) func(string) string {
		return func(w string) string {
			env := snowballstem.NewEnv(w)
			f(env)
			return env.Current()
		}
	}
	switch name {
	case "english":
		return kljensen(english.Stem), nil
	case "french":
		return kljensen(french.Stem), nil
	case "spanish":
		return kljensen(spanish.Stem), nil
	case "russian":
		return kljensen(russian.Stem), nil
	case "swedish":
		return kljensen(swedish.Stem), nil
	case "norwegian":
		return kljensen(norwegian.Stem), nil
	case "hungarian":
		return kljensen(hungarian.Stem), nil
	case "german":
		return generated(german.Stem), nil
	case "italian":
		return generated(italian.Stem), nil
	case "portuguese":
		return generated(portuguese.Stem), nil
	case "none":
		return func(w string) string { return w }, nil
	}
	return nil, fmt.Errorf("unknown stemmer %q", name)
}
