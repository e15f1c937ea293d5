package timeline_test

import (
	"fmt"
	"testing/fstest"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/timeline"
)

func Example() {
	langs, _ := lang.Load(lang.Data)
	times, _ := timex.LoadLanguages(lang.Data)
	en, _ := langs.Get("en")
	fr, _ := langs.Get("fr")

	// Parse the articles as qa.Load does: with the language's time words,
	// so that dates are found and resolved against the page's own date.
	p, _ := corpus.NewParser()
	p.UseLanguage(en, times["en"])
	c, _ := corpus.Load(fstest.MapFS{"port.txt": {Data: []byte(
		"Port strike extended\n\nIssued on: 07/11/2024\n\n" +
			"Dockworkers voted on Thursday to extend the strike, which began on October 21. " +
			"The port has been run by the same company since the late 1990s. " +
			"Talks will resume within 48 hours.\n")}}, p)

	events := timeline.Build(c)
	for _, e := range timeline.Localize(events, times["fr"], fr) {
		fmt.Printf("%-10s %-7s %s\n", e.Date, e.Kind, e.Label)
	}

	from, _, _ := timeline.ParseDate("November 2024", times["en"])
	fmt.Println(len(timeline.Filter(events, timeline.Query{From: from})), "event from November 2024 on")
	// Output:
	// 199X       since   depuis la fin des années 1990
	// 2024-10-21 point   21 octobre 2024
	// 2024-11-07 point   7 novembre 2024
	// 1 event from November 2024 on
}
