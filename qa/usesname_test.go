package qa_test

import (
	"strings"
	"testing"

	"github.com/qabot/qabot/qa"
)

// TestNameHoldingTheThingAsked checks that a name is not taken for one
// the question used when the only word of it the question used is the
// thing it asks for: "what is the name of the bridge?" is answered by
// "John Weeks Bridge". A name with another word of the question is still
// the question's own ("who is Kovac's rival?" is not "Anna Kovac").
func TestNameHoldingTheThingAsked(t *testing.T) {
	tests := []struct {
		name, lang, sentence, question, want string
	}{
		{"en", "en", "Students cross the river on the John Weeks Bridge every morning.",
			"What is the name of the bridge?", "John Weeks Bridge"},
		{"a name the question used", "en", "Anna Kovac met her rival Olaf Brenn in the harbour.",
			"Who is Kovac's rival?", "Olaf Brenn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTypedRuleAnswer(t, tt.lang, tt.sentence, tt.question, "", tt.want)
		})
	}
}

// checkTypedRuleAnswer builds a one-sentence article in lang, asks question
// (in qlang, or the article's language when empty) of the sentence holding
// want, and fails unless the rules' typed answer is exactly want.
func checkTypedRuleAnswer(t *testing.T, lang, sentenceText, question, qlang, want string) {
	t.Helper()
	page := "lang: " + lang + "\n\nHalsholm\n\n" + sentenceText + "\n"
	e := mustEngine(t, map[string]string{"a.txt": page})
	sentence := -1
	for i, s := range e.Corpus().Articles[0].Sentences {
		if strings.Contains(s.Text, want) {
			sentence = i
		}
	}
	if sentence < 0 {
		t.Fatalf("no sentence holds %q", want)
	}
	sq, ok := e.SpanCandidates(qa.Question{Text: question, Lang: qlang}, 0, sentence)
	if !ok || sq.Rule < 0 {
		t.Fatalf("SpanCandidates(%q): no rule answer (ok %v)", question, ok)
	}
	if got := sq.Candidates[sq.Rule].Text; got != want || !sq.RuleTyped {
		t.Errorf("rule answer to %q = %q (typed %v), want %q, typed", question, got, sq.RuleTyped, want)
	}
}
