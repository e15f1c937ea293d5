package lang

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// transliterator turns one script into Latin letters with the rules of a
// translit.tsv file: "key<TAB>latin[|alternative...]", where key is one or
// more letters, "^key" applies only at the start of a word and "key$" only
// at its end. The longest key wins; the first spelling is the usual one.
type transliterator struct {
	rules  map[string][]string // plain keys
	starts map[string][]string // "^key" keys, stored without "^"
	ends   map[string][]string // "key$" keys, stored without "$"
	maxKey int                 // longest key, in runes
}

func newTransliterator() *transliterator {
	return &transliterator{rules: map[string][]string{}, starts: map[string][]string{}, ends: map[string][]string{}}
}

func (t *transliterator) add(key string, alts []string) error {
	table := t.rules
	if strings.HasPrefix(key, "^") {
		key, table = key[1:], t.starts
	} else if strings.HasSuffix(key, "$") {
		key, table = key[:len(key)-1], t.ends
	}
	key = Fold(key)
	if key == "" {
		return fmt.Errorf("empty key")
	}
	if _, dup := table[key]; dup {
		return fmt.Errorf("duplicate key %q", key)
	}
	table[key] = alts
	t.maxKey = max(t.maxKey, utf8.RuneCountInString(key))
	return nil
}

// segments splits folded text into pieces that each have one or more Latin
// spellings; text with no rule passes through as its own single spelling.
func (t *transliterator) segments(s string) [][]string {
	var segs [][]string
	plain := 0 // start of the pending run of text without rules
	flush := func(i int) {
		if i > plain {
			segs = append(segs, []string{s[plain:i]})
		}
	}
	for i := 0; i < len(s); {
		wordStart := i == 0 || !isLetter(lastRune(s[:i]))
		alts, n := t.match(s, i, wordStart)
		if n == 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		flush(i)
		segs = append(segs, alts)
		i += n
		plain = i
	}
	flush(len(s))
	return segs
}

// match finds the longest rule at s[i:] and returns its spellings and byte
// length.
func (t *transliterator) match(s string, i int, wordStart bool) ([]string, int) {
	// Collect the byte ends of up to maxKey runes.
	var ends [8]int
	n, j := 0, i
	for n < len(ends) && n < t.maxKey && j < len(s) {
		_, size := utf8.DecodeRuneInString(s[j:])
		j += size
		ends[n] = j
		n++
	}
	for k := n - 1; k >= 0; k-- {
		key := s[i:ends[k]]
		atEnd := ends[k] == len(s) || !isLetter(nextRune(s, ends[k]))
		if wordStart {
			if alts, ok := t.starts[key]; ok {
				return alts, len(key)
			}
		}
		if atEnd {
			if alts, ok := t.ends[key]; ok {
				return alts, len(key)
			}
		}
		if alts, ok := t.rules[key]; ok {
			return alts, len(key)
		}
	}
	return nil, 0
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// Transliterate spells s in Latin letters with the language's usual
// romanisation (data/<code>/translit.tsv), after folding: "Антон Чехов" ->
// "anton chekhov", "Москва" -> "moskva". Text in other scripts passes through
// folded. A language without translit.tsv returns Fold(s).
func (l *Language) Transliterate(s string) string {
	f := Fold(s)
	if l.translit == nil {
		return f
	}
	var b strings.Builder
	for _, seg := range l.translit.segments(f) {
		b.WriteString(seg[0])
	}
	return b.String()
}

// TransliterateVariants returns up to limit Latin spellings of s, the
// usual one first, then those that differ from it in one place, then in
// two: "Тегеран" -> "tegeran", "teheran", ...; "Жуков" -> "zhukov",
// "jukov", .... Names reach English, French and German texts in different
// spellings, and matching should try them all. limit <= 0 means 8.
func (l *Language) TransliterateVariants(s string, limit int) []string {
	if limit <= 0 {
		limit = 8
	}
	if l.translit == nil {
		return []string{Fold(s)}
	}
	segs := l.translit.segments(Fold(s))
	var vary []int // indexes of segments with alternatives
	for i, seg := range segs {
		if len(seg) > 1 {
			vary = append(vary, i)
		}
	}
	choice := make([]int, len(segs))
	seen := map[string]bool{}
	var out []string
	emit := func() bool {
		var b strings.Builder
		for i, seg := range segs {
			b.WriteString(seg[choice[i]])
		}
		if v := b.String(); !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
		return len(out) < limit
	}
	// Enumerate choices by the number of segments that leave the usual
	// spelling: 0, then 1, then 2.
	var walk func(from, changes int) bool
	walk = func(from, changes int) bool {
		if changes == 0 {
			return emit()
		}
		for p := from; p < len(vary); p++ {
			seg := vary[p]
			for a := 1; a < len(segs[seg]); a++ {
				choice[seg] = a
				if !walk(p+1, changes-1) {
					choice[seg] = 0
					return false
				}
			}
			choice[seg] = 0
		}
		return true
	}
	for changes := 0; changes <= 2 && changes <= len(vary); changes++ {
		if !walk(0, changes) {
			break
		}
	}
	return out
}
