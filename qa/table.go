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
	seen     map[string]int // key and alternative -> index in m[key]
}

func newStemTable() *stemTable { return &stemTable{m: map[string][]alt{}, seen: map[string]int{}} }

// add records an alternative of a key. An alternative added again keeps
// its place (the first alternative of a phrase is its own reading) and
// the higher weight: "start" is read backwards from the line of "begin"
// before its own line lists "begin" outright.
func (t *stemTable) add(key string, words int, a alt) {
	if key == "" || len(a.stems) == 0 {
		return
	}
	id := key + "\x00" + strings.Join(a.stems, " ")
	if i, ok := t.seen[id]; ok {
		t.m[key][i].weight = max(t.m[key][i].weight, a.weight)
		return
	}
	t.seen[id] = len(t.m[key])
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
