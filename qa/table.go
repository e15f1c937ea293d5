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
	// longer holds every key's leading words that another word continues
	// ("new" and "new york" of "new york city"), so that match stops at the
	// first words no key continues: most question words start no phrase,
	// and looking up the keys of up to maxWords of them was most of
	// reading a question word through the table.
	longer map[string]bool
}

func newStemTable() *stemTable {
	return &stemTable{m: map[string][]alt{}, seen: map[string]int{}, longer: map[string]bool{}}
}

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
	if _, ok := t.m[key]; !ok {
		for j := range len(key) {
			if key[j] == ' ' {
				t.longer[key[:j]] = true
			}
		}
	}
	t.m[key] = append(t.m[key], a)
	t.maxWords = max(t.maxWords, words)
}

// match returns the alternatives of the longest phrase that starts stems,
// and how many stems it covers.
func (t *stemTable) match(stems []string) ([]alt, int) {
	if t == nil || len(t.m) == 0 {
		return nil, 0
	}
	// The key grows a word at a time in a buffer on the stack, as in
	// synTable.match: a map index by string(key) allocates nothing.
	var (
		best []alt
		n    int
		buf  [64]byte
	)
	key := buf[:0]
	for i := 0; i < len(stems) && i < t.maxWords; i++ {
		if i > 0 {
			if !t.longer[string(key)] {
				break
			}
			key = append(key, ' ')
		}
		key = append(key, stems[i]...)
		if alts, ok := t.m[string(key)]; ok {
			best, n = alts, i+1
		}
	}
	return best, n
}
