package qa

import (
	"strings"

	"github.com/qabot/qabot/lang"
)

// chatCues are one language's words for chatting, read from
// data/<code>/chat.tsv: small talk, requests about the last answer, picks
// after a clarification, ellipsis openers, fillers, determiners and
// pronouns with their number and gender. They describe how people chat,
// never what an article says.
type chatCues struct {
	// phrases holds the multi-purpose phrases by category, as folded
	// tokens.
	phrases map[string][][]string
	// prons maps pronouns to their readings; nouns maps general nouns
	// that refer back after a determiner ("the group", "la ville").
	prons map[string][]pronoun
	nouns map[string][]pronoun
	// commands maps command phrases (folded words joined by spaces) to
	// the bot command they name; see conversation_commands.go.
	commands map[string]string
	// maxWords is the longest phrase, to bound matching.
	maxWords int
}

// Categories of chat.tsv.
const (
	cueGreeting     = "greeting"
	cueThanks       = "thanks"
	cueBye          = "bye"
	cueCapabilities = "capabilities"
	cueMore         = "more"
	cueSource       = "source"
	cueWhy          = "why"
	cueWhoSaid      = "who_said"
	cueFirst        = "first"
	cueSecond       = "second"
	cueAnd          = "and"
	cueFiller       = "filler"
	cueLight        = "light"
	cueDet          = "det"
	cueDem          = "dem"
	cuePron         = "pron"
	cueNoun         = "noun"
)

// smallTalkCues are the categories a message of small talk is made of.
var smallTalkCues = []string{cueGreeting, cueThanks, cueBye, cueCapabilities}

// requestCues are the categories of requests about the last answer.
var requestCues = []string{cueMore, cueSource, cueWhy, cueWhoSaid}

// A pronClass says what a pronoun can stand for.
type pronClass uint8

const (
	pronAny     pronClass = iota // a person or a thing: French "il", German "sie"
	pronPerson                   // a person only: English "he"
	pronThing                    // not a person: English "it"
	pronPlace                    // a place: "there", "là", "dort"
	pronNeutral                  // an event or a statement: "that", "ça", "das"
)

// A pronoun is one reading of a pronoun: a word may have several
// (German "sie" is she or they).
type pronoun struct {
	gender byte // 'm', 'f', 'n', or 0 when the word does not mark it
	number byte // 's', 'p', or 0
	class  pronClass
	// def marks a general noun that refers back without a determiner
	// (Swedish "gruppen", Russian "группа").
	def bool
}

// loadChatCues reads data/<code>/chat.tsv. A missing file gives empty
// cues: the language then has follow-ups by structure only (no small talk
// and no pronouns).
func loadChatCues(data []byte) *chatCues {
	c := &chatCues{phrases: map[string][][]string{}, prons: map[string][]pronoun{}, nouns: map[string][]pronoun{}, commands: map[string]string{}}
	eachField(data, func(fields []string) {
		if len(fields) < 2 {
			return
		}
		cat, phrase := fields[0], fields[1]
		words := foldedWords(phrase)
		if len(words) == 0 {
			return
		}
		if cat == cueCommand {
			if len(fields) > 2 && fields[2] != "" {
				c.commands[strings.Join(words, " ")] = fields[2]
			}
			return
		}
		if cat == cuePron || cat == cueNoun {
			if len(words) != 1 {
				return // pronouns and nouns are single words
			}
			p := pronoun{}
			if len(fields) > 2 {
				p = parsePronoun(fields[2])
			}
			m := c.prons
			if cat == cueNoun {
				m = c.nouns
			}
			m[words[0]] = append(m[words[0]], p)
			return
		}
		c.phrases[cat] = append(c.phrases[cat], words)
		c.maxWords = max(c.maxWords, len(words))
	})
	return c
}

// eachField calls fn with the tab-separated fields of every line of data,
// skipping blank lines and # comments.
func eachField(data []byte, fn func(fields []string)) {
	for line := range strings.SplitSeq(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for i := range f {
			f[i] = strings.TrimSpace(f[i])
		}
		fn(f)
	}
}

// parsePronoun reads the features column: "m sg person", "pl", "place".
func parsePronoun(s string) pronoun {
	var p pronoun
	for _, f := range strings.Fields(strings.ToLower(s)) {
		switch f {
		case "m", "f", "n":
			p.gender = f[0]
		case "sg":
			p.number = 's'
		case "pl":
			p.number = 'p'
		case "person":
			p.class = pronPerson
		case "thing":
			p.class = pronThing
		case "place":
			p.class = pronPlace
		case "neutral":
			p.class = pronNeutral
		case "def":
			p.def = true
		}
	}
	return p
}

// matchAt returns the length of the longest phrase of a category that
// starts at words[i], or 0.
func (c *chatCues) matchAt(cat string, words []string, i int) int {
	best := 0
	for _, p := range c.phrases[cat] {
		if len(p) > best && hasPrefixWords(words[i:], p) {
			best = len(p)
		}
	}
	return best
}

func hasPrefixWords(words, prefix []string) bool {
	if len(words) < len(prefix) {
		return false
	}
	for i, w := range prefix {
		if words[i] != w {
			return false
		}
	}
	return true
}

// marks returns, for every word, the categories of the cue phrases that
// cover it (fillers, light verbs, determiners, openers).
func (c *chatCues) marks(words []string, cats ...string) []string {
	out := make([]string, len(words))
	for i := 0; i < len(words); {
		n, cat := 0, ""
		for _, k := range cats {
			if m := c.matchAt(k, words, i); m > n {
				n, cat = m, k
			}
		}
		if n == 0 {
			i++
			continue
		}
		for j := i; j < i+n; j++ {
			out[j] = cat
		}
		i += n
	}
	return out
}

// coverAll reports whether words are entirely made of phrases of the
// given categories (fillers allowed anywhere) and which categories were
// used.
func (c *chatCues) coverAll(words []string, cats []string) (map[string]bool, bool) {
	used := map[string]bool{}
	for i := 0; i < len(words); {
		n, cat := 0, ""
		for _, k := range cats {
			if m := c.matchAt(k, words, i); m > n {
				n, cat = m, k
			}
		}
		if n == 0 {
			if c.matchAt(cueFiller, words, i) > 0 {
				i++
				continue
			}
			return nil, false
		}
		used[cat] = true
		i += n
	}
	return used, len(used) > 0
}

// foldedTokens returns the tokens of text with their folded forms.
func foldedTokens(text string) ([]lang.Token, []string) {
	toks := lang.Tokens(text)
	folded := make([]string, len(toks))
	for i, t := range toks {
		folded[i] = lang.Fold(t.Text)
	}
	return toks, folded
}

// allCues are the categories of phrases, for explains.
var allCues = []string{cueGreeting, cueThanks, cueBye, cueCapabilities, cueMore, cueSource, cueWhy, cueWhoSaid, cueFirst, cueSecond, cueAnd, cueFiller, cueLight, cueDet, cueDem}

// explains reports whether a short message is made only of chat words of
// language l: then it is in l, whatever a language identifier says of
// three words.
func (s *Conversations) explains(l *lang.Language, text string) bool {
	_, words := foldedTokens(text)
	if len(words) == 0 || len(words) > 5 {
		return false
	}
	c := s.cuesOf(l.Code)
	for i := 0; i < len(words); {
		n := 0
		for _, cat := range allCues {
			n = max(n, c.matchAt(cat, words, i))
		}
		if n == 0 && (c.prons[words[i]] != nil || l.IsStopword(words[i]) || s.isName(words[i])) {
			n = 1
		}
		if n == 0 {
			return false
		}
		i += n
	}
	return true
}

// isName reports whether a word is a word of a name of the corpus, or a
// number: written alike in every language, it says nothing of the
// message's language.
func (s *Conversations) isName(folded string) bool {
	if folded != "" && folded[0] >= '0' && folded[0] <= '9' {
		return true
	}
	_, ok := s.nameKinds[s.e.article.stem(folded)]
	return ok
}
