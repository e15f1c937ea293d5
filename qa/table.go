package qa

import "strings"

// An alt is one way to say a question word in the articles' language: the
// stems of an English word or phrase, and how much a match on it counts.
type alt struct {
	stems  []string
	weight float64
	// opposite marks an alternative that says the contrary ("failed" for
	// "succeed"): it finds the sentence that answers a yes/no question,
	// and it is not a word of the question when deciding the answer.
	opposite bool
}

// A stemTable maps phrases, keyed by their stems, to their alternatives:
// synonyms within English, or English glosses of another language's words.
type stemTable struct {
	m        map[string][]alt
	maxWords int
	seen     map[string]bool // key and alternative already added
}

func newStemTable() *stemTable { return &stemTable{m: map[string][]alt{}, seen: map[string]bool{}} }

// add records an alternative of a key; the first weight given for the same
// alternative of the same key stands.
func (t *stemTable) add(key string, words int, a alt) {
	if key == "" || len(a.stems) == 0 {
		return
	}
	id := key + "\x00" + strings.Join(a.stems, " ")
	if t.seen[id] {
		return
	}
	t.seen[id] = true
	t.m[key] = append(t.m[key], a)
	t.maxWords = max(t.maxWords, words)
}

// match returns the alternatives of the longest phrase that starts stems,
// and how many stems it covers.
func (t *stemTable) match(stems []string) ([]alt, int) {
	if t == nil || len(t.m) == 0 {
		return nil, 0
	}
	var (
		best []alt
		n    int
		key  strings.Builder
	)
	for i := 0; i < len(stems) && i < t.maxWords; i++ {
		if i > 0 {
			key.WriteByte(' ')
		}
		key.WriteString(stems[i])
		if alts, ok := t.m[key.String()]; ok {
			best, n = alts, i+1
		}
	}
	return best, n
}
