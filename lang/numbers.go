package lang

// Number is the meaning of a number word of numbers.tsv.
type Number struct {
	Value   int64
	Ordinal bool // "third", "troisième", "dritte"
	Conj    bool // a word that joins number words: "and" in "one hundred and five", "und", "y"
}

// Number returns the meaning of one number word, in any case or accent
// spelling: "Three" -> 3, "troisième" -> 3 (ordinal).
func (l *Language) Number(word string) (Number, bool) {
	n, ok := l.numbers[Fold(word)]
	if !ok || n.Conj {
		return Number{}, false
	}
	return n, true
}

// ParseNumber reads a number written in words at the start of words, which
// must be folded tokens: ["two", "hundred", "thousand"] -> 200000;
// ["vingt", "et", "un"] -> 21; ["einundzwanzig"] -> 21; ["quatre-vingt-douze"]
// -> 92. It returns the value, the number of words used, whether the last
// of them was an ordinal, and ok == false when words does not start with a
// number word. Digits are not its business: "3" is not a number word.
func (l *Language) ParseNumber(words []string) (value int64, n int, ordinal bool, ok bool) {
	var total, current int64
	for i, w := range words {
		parts, found := l.numberParts(w)
		if !found {
			break
		}
		numeric := false
		for _, p := range parts {
			if p.Conj {
				continue
			}
			numeric = true
			ordinal = p.Ordinal
			switch v := p.Value; {
			case v >= 1000:
				if current == 0 {
					current = 1
				}
				total += current * v
				current = 0
			case v >= 100:
				if current == 0 {
					current = 1
				}
				current *= v
			default:
				current += v
			}
		}
		if !numeric {
			if n == 0 {
				break // a number does not start with "and"
			}
			continue
		}
		n = i + 1
		value = total + current
		if ordinal {
			break // an ordinal ends a number: "the third two" is two numbers
		}
	}
	if n == 0 {
		return 0, 0, false, false
	}
	// A trailing conjunction and everything after the last numeric word are
	// not part of the number; value was taken at the last numeric word.
	return value, n, ordinal, true
}

// numberParts splits one folded token into number words: the word itself,
// or a compound of them ("einundzwanzig", "huszonegy", "quatre-vingt-douze",
// "millenovecento"). Compounds are read greedily, longest word first,
// backtracking when the rest cannot be read.
func (l *Language) numberParts(w string) ([]Number, bool) {
	if n, ok := l.numbers[w]; ok {
		return []Number{n}, true
	}
	if len(w) > 64 || len(l.numbers) == 0 {
		return nil, false
	}
	var parts []Number
	var split func(s string) bool
	split = func(s string) bool {
		for len(s) > 0 && isHyphenByte(s[0]) {
			s = s[1:]
		}
		if s == "" {
			return true
		}
		for end := len(s); end > 0; end-- {
			n, ok := l.numbers[s[:end]]
			if !ok {
				continue
			}
			parts = append(parts, n)
			if split(s[end:]) {
				return true
			}
			parts = parts[:len(parts)-1]
		}
		return false
	}
	if !split(w) || len(parts) < 2 {
		return nil, false
	}
	return parts, true
}

func isHyphenByte(c byte) bool { return c == '-' }

// NumberWords calls yield with every cardinal number word of the language
// (folded) and its value, in no particular order, until yield returns
// false. It fits range-over-func.
func (l *Language) NumberWords(yield func(word string, value int64) bool) {
	for w, n := range l.numbers {
		if n.Ordinal || n.Conj {
			continue
		}
		if !yield(w, n.Value) {
			return
		}
	}
}
