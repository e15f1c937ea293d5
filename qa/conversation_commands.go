package qa

import (
	"strings"

	"github.com/qabot/qabot/lang"
)

// cueCommand is the chat.tsv category of phrases that are plainly a
// command of the bot when they are the whole message: "help", "tl;dr",
// "timeline". Its third column names the command.
const cueCommand = "command"

// Command reports whether a message plainly asks for one of the bot's
// commands rather than asking a question: the whole message, fillers
// aside, is a command phrase of some language's chat.tsv ("help", "tldr",
// "aide", "Zusammenfassung"). It returns the command's name as chat.tsv
// gives it and the language of the phrase: among the languages that have
// it, q.LangHint first, then the articles' language, then the others in
// the registry's order.
func (s *Conversations) Command(q Question) (name, code string, ok bool) {
	_, words := foldedTokens(cleanQuestion(q.Text))
	if len(words) == 0 || len(words) > 6 {
		return "", "", false
	}
	for _, l := range s.languageOrder(q.LangHint) {
		c := s.cuesOf(l.Code)
		var kept []string
		for i := 0; i < len(words); {
			if n := c.matchAt(cueFiller, words, i); n > 0 {
				i += n
				continue
			}
			kept = append(kept, words[i])
			i++
		}
		if name, ok := c.commands[strings.Join(kept, " ")]; ok {
			return name, l.Code, true
		}
	}
	return "", "", false
}

// languageOrder lists every language once: hint first (when it names
// one), then the articles' language, then the registry's order.
func (s *Conversations) languageOrder(hint string) []*lang.Language {
	var order []*lang.Language
	seen := map[string]bool{}
	add := func(l *lang.Language) {
		if l != nil && !seen[l.Code] {
			seen[l.Code] = true
			order = append(order, l)
		}
	}
	if h, ok := s.e.langs.Get(hint); ok {
		add(h)
	}
	add(s.e.article.l)
	for _, l := range s.e.langs.Languages() {
		add(l)
	}
	return order
}

// SmallTalk answers a message that is only small talk ("hi", "thanks",
// "what can you do?") the way a conversation does, but outside any: for
// front ends that take one question at a time. ok is false for anything
// else, which the caller asks the Engine.
func (s *Conversations) SmallTalk(q Question) (Answer, bool) {
	text := cleanQuestion(q.Text)
	if text == "" || !hasWord(text) {
		return Answer{}, false
	}
	forced := q.Lang
	if q.Reply != "" {
		forced = q.Reply
	}
	return s.smallTalk(text, s.e.questionLanguage(text, q), q.LangHint, forced)
}
