package qa_test

import (
	"context"
	"fmt"
	"testing/fstest"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

// exampleArticles is an invented news page: a title, then paragraphs.
var exampleArticles = fstest.MapFS{"bridge.txt": {Data: []byte(`Saltvik bridge reopens after cable repairs

The suspension bridge over the river Saltvik reopened to traffic on Monday, March 3, 2025, after five months of repairs.

Engineers replaced all 96 cables of the bridge, which was built in 1968.

"The bridge is safer than the day it opened," said chief engineer Lena Dahl.
`)}}

// An Engine answers with the short answer, the sentence it comes from and
// where that sentence is; a question the article does not answer comes
// back unanswered, with a reason.
func ExampleEngine_Ask() {
	langs, err := lang.Load(lang.Data)
	if err != nil {
		panic(err)
	}
	e, err := qa.Load(exampleArticles, qa.Options{Languages: langs})
	if err != nil {
		panic(err)
	}
	for _, q := range []string{"how many cables were replaced?", "who won the football match?"} {
		a, err := e.Ask(context.Background(), qa.Question{Text: q})
		if err != nil {
			panic(err)
		}
		if !a.Answered {
			fmt.Printf("%s -> not answered (%s)\n", q, a.Reason)
			continue
		}
		fmt.Printf("%s -> %s\n  %q, paragraph %d\n", q, a.Text, a.Quote.Text, a.Quote.Paragraph+1)
	}
	// Output:
	// how many cables were replaced? -> 96
	//   "Engineers replaced all 96 cables of the bridge, which was built in 1968.", paragraph 2
	// who won the football match? -> not answered (not_in_article)
}

// Question.Reply chooses the language of the reply; the question is still
// read in its own.
func ExampleQuestion_reply() {
	langs, err := lang.Load(lang.Data)
	if err != nil {
		panic(err)
	}
	e, err := qa.Load(exampleArticles, qa.Options{Languages: langs, Detector: lang.NewDetector(langs)})
	if err != nil {
		panic(err)
	}
	a, err := e.Ask(context.Background(), qa.Question{Text: "when did the bridge reopen?", Reply: "fr"})
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Lang, a.Text)
	// Output:
	// fr lundi 3 mars 2025
}

// Conversations remember what was said: a follow-up refers to the answer
// before it.
func ExampleConversations_Ask() {
	langs, err := lang.Load(lang.Data)
	if err != nil {
		panic(err)
	}
	e, err := qa.Load(exampleArticles, qa.Options{Languages: langs})
	if err != nil {
		panic(err)
	}
	convs, err := qa.NewConversations(e, qa.ConversationOptions{})
	if err != nil {
		panic(err)
	}
	for _, q := range []string{"hi", "who is the chief engineer?", "what did she say?"} {
		a, err := convs.Ask(context.Background(), "user-1", qa.Question{Text: q})
		if err != nil {
			panic(err)
		}
		switch {
		case a.Message != "":
			fmt.Printf("%s -> %s\n", q, a.Message)
		case a.Answered:
			fmt.Printf("%s -> %s (%s)\n", q, a.Text, a.Turn)
		default:
			fmt.Printf("%s -> not answered (%s)\n", q, a.Reason)
		}
	}
	// Output:
	// hi -> Hello! Ask me anything about “Saltvik bridge reopens after cable repairs”.
	// who is the chief engineer? -> Lena Dahl (fresh)
	// what did she say? -> The bridge is safer than the day it opened (pronoun)
}
