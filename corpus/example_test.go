package corpus_test

import (
	"fmt"
	"log"

	"github.com/qabot/qabot/corpus"
)

// A scraped page: its title, a byline, a share widget, story text broken
// around a quotation, a related link and a tag list. Parse keeps the story
// and quotes it back sentence by sentence.
func ExampleParser_Parse() {
	page := []byte(`Council votes to close the old ferry pier

By Mara Quell

Share
Email

The harbour council of Skellby voted on Monday to close the old ferry pier. Repairs would have cost €2.4 million, officials said.

Mayor Ola Brenn
called it "
a sad day for the whole bay
".

Read more

Why the river keeps breaking its banks

A new pier is planned for the north side of the bay.

Topics
Harbours
Skellby
`)
	p, err := corpus.NewParser()
	if err != nil {
		log.Fatal(err)
	}
	a, err := p.Parse("pier", page)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("title:", a.Title)
	fmt.Println("byline:", a.Meta.Byline)
	fmt.Println("tags:", a.Meta.Tags)
	for _, s := range a.Sentences {
		fmt.Printf("[p%d] %s\n", s.Paragraph, s.Text)
	}
	// Output:
	// title: Council votes to close the old ferry pier
	// byline: Mara Quell
	// tags: [Harbours Skellby]
	// [p0] The harbour council of Skellby voted on Monday to close the old ferry pier.
	// [p0] Repairs would have cost €2.4 million, officials said.
	// [p1] Mayor Ola Brenn called it "a sad day for the whole bay".
	// [p2] A new pier is planned for the north side of the bay.
}
