package bot

import (
	"context"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
)

// Limits of the suggestion harvest: it runs once, in the background, and
// asks the handler at most this many questions.
const (
	harvestNames    = 16 // names to try
	harvestAsks     = 400
	suggestionsKept = 25 // per language
)

// suggestions are the questions /ask autocomplete offers, per language.
// They are built once from what the handler itself says (article titles
// from /source, the names in the sentences it quotes) and the question
// templates of the message catalogues (cmd_ask_examples), and only
// questions the handler answers are kept: nothing about any article is
// written in code, and every suggestion is answerable.
type suggestions struct {
	mu     sync.RWMutex
	byLang map[string][]suggestion
}

type suggestion struct {
	text   string
	folded string
}

// get returns up to n suggestions in language code that match what the
// user typed: those that start with it first, then those that contain
// every word typed as the start of one of their words.
func (s *suggestions) get(code, typed string, n int) []string {
	s.mu.RLock()
	list := s.byLang[code]
	s.mu.RUnlock()
	typed = lang.Fold(strings.TrimSpace(typed))
	words := strings.Fields(typed)
	var first, second []string
	for _, sg := range list {
		switch {
		case typed == "" || strings.HasPrefix(sg.folded, typed):
			first = append(first, sg.text)
		case hasWordPrefixes(sg.folded, words):
			second = append(second, sg.text)
		}
	}
	out := append(first, second...)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// hasWordPrefixes reports whether every word typed is a word of folded,
// the last one possibly unfinished.
func hasWordPrefixes(folded string, words []string) bool {
	have := strings.FieldsFunc(folded, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range words {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" {
			continue
		}
		last := i == len(words)-1
		found := false
		for _, h := range have {
			if h == w || last && strings.HasPrefix(h, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func (s *suggestions) set(byLang map[string][]suggestion) {
	s.mu.Lock()
	s.byLang = byLang
	s.mu.Unlock()
}

// harvest builds the suggestions. It stops early when ctx is done and
// keeps what it found.
func harvest(ctx context.Context, h command.Handler, langs *lang.Registry) map[string][]suggestion {
	asks := 0
	ask := func(q command.Query) (command.Reply, bool) {
		if asks >= harvestAsks || ctx.Err() != nil {
			return command.Reply{}, false
		}
		asks++
		r, err := h.Handle(ctx, q)
		return r, err == nil
	}
	src, ok := ask(command.Query{Command: command.Source})
	if !ok {
		return nil
	}
	var texts []string
	for _, a := range src.Articles {
		texts = append(texts, a.Title)
	}
	names := newNameSet(langs)
	for _, t := range texts {
		names.add(t)
	}
	// Names lead to sentences that name more: ask each name bare and in
	// the first template of English (each kind of question ranks other
	// sentences first) and read the names in what comes back.
	probes := []string{"{name}"}
	if en, ok := langs.Get("en"); ok {
		if t := templates(en); len(t) > 0 {
			probes = append(probes, t[0])
		}
	}
	for i := 0; i < len(names.list) && i < harvestNames; i++ {
		for _, p := range probes {
			r, ok := ask(command.Query{Command: command.Ask, Text: strings.ReplaceAll(p, "{name}", names.list[i])})
			if ok && r.Answer != nil && r.Answer.Answered {
				names.add(r.Answer.Quote.Text)
				names.add(r.Answer.Text)
			}
			// A bare name the article uses often is too vague to
			// answer; the sentences offered instead name it too.
			if ok && r.Answer != nil && !r.Answer.Answered {
				for _, s := range r.Answer.Suggestions {
					names.add(s.Text)
				}
			}
		}
	}
	out := map[string][]suggestion{}
	for _, l := range langs.Languages() {
		ts := templates(l)
		if len(ts) == 0 {
			continue
		}
		for i, name := range names.list {
			if i >= harvestNames || len(out[l.Code]) >= suggestionsKept {
				break
			}
			// The first template asks about people, the others about
			// anything: a name of several words that is not an acronym
			// is likely a person.
			try := ts[1:]
			if looksLikePerson(name) || len(ts) == 1 {
				try = ts
			}
			for _, t := range try {
				q := strings.ReplaceAll(t, "{name}", name)
				if utf8.RuneCountInString(q) > maxChoice {
					continue
				}
				r, ok := ask(command.Query{Command: command.Ask, Text: q, Lang: l.Code})
				if ok && r.Answer != nil && r.Answer.Answered && r.Message == "" {
					out[l.Code] = append(out[l.Code], suggestion{text: q, folded: lang.Fold(q)})
					break
				}
			}
		}
	}
	return out
}

// templates returns the question templates of cmd_ask_examples, one a
// line, each with a {name} placeholder.
func templates(l *lang.Language) []string {
	var out []string
	for _, t := range strings.Split(l.Message("cmd_ask_examples", nil), "\n") {
		if t = strings.TrimSpace(t); strings.Contains(t, "{name}") {
			out = append(out, t)
		}
	}
	return out
}

func looksLikePerson(name string) bool {
	words := strings.Fields(name)
	if len(words) < 2 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if isAcronym(w) || !isCapitalised(w) {
			return false
		}
	}
	return true
}

// nameSet collects names: runs of capitalised words and acronyms, not
// counting words that only open a sentence and stop words of any language
// ("The", "But").
type nameSet struct {
	langs *lang.Registry
	seen  map[string]bool
	list  []string
}

func newNameSet(langs *lang.Registry) *nameSet {
	return &nameSet{langs: langs, seen: map[string]bool{}}
}

func (n *nameSet) stop(word string) bool {
	for _, l := range n.langs.Languages() {
		if l.IsStopword(word) {
			return true
		}
	}
	return false
}

func (n *nameSet) add(text string) {
	toks := lang.Tokens(text)
	var run []lang.Token
	flush := func() {
		for len(run) > 0 && !isAcronym(run[0].Text) && n.stop(run[0].Text) {
			run = run[1:]
		}
		if len(run) > 0 {
			n.addRun(text[run[0].Start:run[len(run)-1].End], len(run))
			if len(run) > 2 {
				// "Prime Minister Anna Kovac": the last two words are
				// usually the person.
				n.addRun(text[run[len(run)-2].Start:run[len(run)-1].End], 2)
			}
		}
		run = run[:0]
	}
	for i, t := range toks {
		capital := isCapitalised(t.Text)
		adjacent := i > 0 && len(run) > 0 && text[toks[i-1].End:t.Start] == " "
		if !capital || (len(run) > 0 && !adjacent) {
			flush()
		}
		if !capital {
			continue
		}
		if i == 0 || sentenceStart(text[:t.Start]) {
			// A capital that only opens a sentence says nothing, unless
			// the word is an acronym.
			if !isAcronym(t.Text) {
				continue
			}
		}
		run = append(run, t)
	}
	flush()
}

func (n *nameSet) addRun(name string, words int) {
	if words > 4 || utf8.RuneCountInString(name) < 2 {
		return
	}
	key := lang.Fold(name)
	if n.seen[key] {
		return
	}
	n.seen[key] = true
	n.list = append(n.list, name)
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// sentenceStart reports whether a word after before opens a sentence.
func sentenceStart(before string) bool {
	before = strings.TrimRightFunc(before, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("\"'“”«»‘’„(", r)
	})
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(".!?:;", r)
}
