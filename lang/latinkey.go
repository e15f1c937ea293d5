package lang

import (
	"strings"
	"unicode"
)

// LatinKey returns a loose key of a word in Latin letters under which the
// usual spellings of one name in the languages that write it in Latin
// letters meet, and meet the transliteration of the name from another
// script: "Chekhov" and "Чехов" (hehov), "Gorbachev" and "Горбачёв"
// (gorbahev), "Kazan" and "Казань" (kazan). The rules are those of
// romanisation, the same for every language: sounds that the schemes spell
// differently are spelt one way (kh/ch/h, ph/f, w/v, y/j/i, ou/u, ts/tz/z,
// c/k, q/k, x/ks), doubled letters are single, and the vowels that end a
// word are dropped, as they are where the cases of Russian, Czech or Polish
// and the spellings of other languages differ (Тирана, Тираны, Тиране ->
// tiran). s is folded first; letters not in the Latin script stay as they
// are. Keys shorter than three letters are too loose to match by.
func LatinKey(s string) string {
	s = Fold(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		rest := s[i:]
		matched := false
		for _, r := range latinKeyRules {
			if strings.HasPrefix(rest, r.from) {
				b.WriteString(r.to)
				i += len(r.from)
				matched = true
				break
			}
		}
		if !matched {
			b.WriteByte(s[i])
			i++
		}
	}
	// Doubled letters are single ("Tammerfors", "Рамм"), then the vowels
	// that end the word go.
	key := []byte(b.String())
	out := key[:0]
	for i, c := range key {
		if i > 0 && c == key[i-1] && c < 0x80 && unicode.IsLetter(rune(c)) {
			continue
		}
		out = append(out, c)
	}
	end := len(out)
	for end > 0 && strings.IndexByte("aeiou", out[end-1]) >= 0 {
		end--
	}
	return string(out[:end])
}

// latinKeyRules are tried in order at each byte; the first that matches
// is written. Longer spellings come before their parts.
var latinKeyRules = []struct{ from, to string }{
	{"shch", "s"}, {"tsch", "c"}, {"sch", "s"}, {"tch", "c"},
	{"sh", "s"}, {"ch", "h"}, {"kh", "h"}, {"zh", "z"},
	{"ph", "f"}, {"th", "t"}, {"gh", "g"}, {"ck", "k"},
	{"ts", "z"}, {"tz", "z"}, {"ou", "u"},
	{"w", "v"}, {"y", "i"}, {"j", "i"}, {"c", "k"}, {"q", "k"}, {"x", "ks"},
}

// ScriptKey returns the LatinKey of a word of the language written in its
// own script, through the language's transliteration (translit.tsv):
// "Хаменеи" -> LatinKey("khamenei"). For a language without one it is
// LatinKey of the word.
func (l *Language) ScriptKey(s string) string {
	return LatinKey(l.Transliterate(s))
}

// HasTransliteration reports whether the language writes in a script of
// its own and has a translit.tsv to spell it in Latin letters.
func (l *Language) HasTransliteration() bool { return l.translit != nil }
