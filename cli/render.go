package cli

import (
	"strconv"
	"strings"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// answerJSON is one line of `qabot ask --json`: the machine contract of
// docs/DESIGN.md. Paragraph and Sentence are 0-based indexes, -1 when the
// question was not answered. Suggestions is present (possibly empty)
// exactly when Answered is false. Reason, Message and Error are additions
// that say why a question was not answered.
type answerJSON struct {
	Question    string   `json:"question"`
	Lang        string   `json:"lang"`
	Answered    bool     `json:"answered"`
	Answer      string   `json:"answer"`
	Quote       string   `json:"quote"`
	Article     string   `json:"article"`
	ArticleLang string   `json:"article_lang,omitempty"` // the language the article is written in
	Paragraph   int      `json:"paragraph"`
	Sentence    int      `json:"sentence"`
	Kind        string   `json:"kind"`
	Score       float64  `json:"score"`
	Suggestions []string `json:"suggestions,omitzero"`
	Reason      string   `json:"reason,omitempty"`  // qa.Reason (not_in_article, question_too_long, ...) or "command"
	Message     string   `json:"message,omitempty"` // the bot's localised notice, if any
	Notice      string   `json:"notice,omitempty"`  // how far to trust the answer (qa.Answer.Notice), localised
	Error       string   `json:"error,omitempty"`   // set when answering failed inside qabot
}

// reasonCommand is the reason of a JSON reply to a message that was a
// command word ("help", "summary"): message holds the command's output.
const reasonCommand = "command"

// toJSON turns a reply into the contract's object. question is the line as
// the user gave it.
func toJSON(question string, r command.Reply) answerJSON {
	out := answerJSON{Question: question, Lang: r.Lang, Paragraph: -1, Sentence: -1, Message: r.Message}
	a := r.Answer
	if a == nil {
		out.Suggestions = []string{}
		return out
	}
	out.Kind = string(a.Kind)
	out.Reason = string(a.Reason)
	out.Notice = a.Notice
	if a.Answered {
		out.Answered = true
		out.Answer = a.Text
		out.Quote = a.Quote.Text
		out.Article = a.Quote.Article
		out.ArticleLang = a.Quote.Lang
		out.Paragraph = a.Quote.Paragraph
		out.Sentence = a.Quote.Sentence
		out.Score = a.Score
		return out
	}
	out.Suggestions = make([]string, len(a.Suggestions))
	for i, s := range a.Suggestions {
		out.Suggestions[i] = s.Text
	}
	return out
}

// errorJSON is the contract's object for a question qabot failed on.
func errorJSON(question string, l *lang.Language) answerJSON {
	return answerJSON{
		Question: question, Lang: l.Code, Paragraph: -1, Sentence: -1, Suggestions: []string{},
		Message: l.Message("internal_error", nil), Error: "internal error",
	}
}

// human renders a reply for a person: the short answer, the sentence it
// comes from marked as a quote, and where that sentence is. Every label
// is a message of the reply's language.
func (a *app) human(r command.Reply) string {
	l := a.language(r.Lang)
	var b strings.Builder
	ans := r.Answer
	if ans != nil && ans.Notice != "" {
		b.WriteString(ans.Notice + "\n")
	}
	switch {
	case ans == nil:
		b.WriteString(r.Message)
		b.WriteByte('\n')
	case ans.Answered:
		// Some answers are the quote alone ("tell me more", a who-question
		// answered by a description): no empty "Answer:" line then.
		if ans.Text != "" {
			b.WriteString(l.Message("answer_label", nil) + ": " + ans.Text + "\n")
		}
		b.WriteString(l.Message("quote_label", nil) + ":\n")
		writeQuote(&b, ans.Quote.Text)
		b.WriteString(l.Message("source_label", nil) + ": " + where(l, ans.Quote) + "\n")
	case ans.Reason == qa.ReasonUnsupported && r.Message != "":
		// One clear message: "I can't read that language yet", not also
		// "the article doesn't say" about a question it could not read.
		b.WriteString(r.Message + "\n")
	case ans.Reason == qa.ReasonNotFound || ans.Reason == qa.ReasonUnsupported:
		if r.Message != "" {
			b.WriteString(r.Message + "\n")
		}
		b.WriteString(l.Message("not_in_article", nil) + "\n")
		if len(ans.Suggestions) > 0 {
			b.WriteString(l.Message("closest_sentences", nil) + "\n")
			for _, s := range ans.Suggestions {
				writeQuote(&b, s.Text)
				b.WriteString("  (" + where(l, s) + ")\n")
			}
		}
	default:
		// Refusals (empty, too long, unreadable): the command layer's
		// localised message says it all.
		msg := r.Message
		if msg == "" {
			msg = l.Message(string(ans.Reason), nil)
		}
		b.WriteString(msg + "\n")
	}
	return b.String()
}

// writeQuote marks text as a quote, "> " before every line, as e-mail and
// Discord do.
func writeQuote(b *strings.Builder, text string) {
	for line := range strings.SplitSeq(text, "\n") {
		b.WriteString("> " + line + "\n")
	}
}

// where names the place of a sentence for people: article title, its
// language when it is not the reply's, section heading when there is one,
// and the paragraph counted from 1.
func where(l *lang.Language, c qa.Citation) string {
	s := c.Article
	if id := "in_language_" + c.Lang; c.NameLang && c.Lang != l.Code && l.HasMessage(id) {
		s += " (" + l.Message(id, nil) + ")"
	}
	if c.Section != "" {
		s += " — " + c.Section
	}
	return s + ", " + l.Message("paragraph_label", map[string]string{"n": strconv.Itoa(c.Paragraph + 1)})
}
