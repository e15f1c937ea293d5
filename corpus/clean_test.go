package corpus

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The pages and lines below are invented for these tests, so that they
// prove the cleaner's rules hold beyond the articles it was tuned on.

func TestJoinLines(t *testing.T) {
	// A curly quotation opened and never closed pulls lines in only up to
	// maxQuotedJoin words, so build a page long enough to hit the bound.
	stray := []string{"A stray “ opens here."}
	line := "Every line of this page has exactly ten words here."
	for i := 0; i < 20; i++ {
		stray = append(stray, line)
	}
	// The first line has 5 words; the 15th line after it is joined at 145
	// words, and the block then stands at 155, past the bound.
	strayJoined := strings.Join(stray[:16], "\n")
	strayWant := append([]string{strayJoined}, stray[16:]...)

	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{"empty", nil, nil},
		{"one line", []string{"The ferry left at noon."}, []string{"The ferry left at noon."}},
		{
			"curly quotation broken around its marks",
			[]string{"The mayor said that “", "the board has decided to close the pier", "”."},
			[]string{"The mayor said that “\nthe board has decided to close the pier\n”."},
		},
		{
			"straight quotation broken around its marks",
			[]string{"Ola Brenn", "accused the firm of a \"", "serious breach of the rules", "\" on May 3."},
			[]string{"Ola Brenn\naccused the firm of a \"\nserious breach of the rules\n\" on May 3."},
		},
		{
			"line of only an opening straight quote",
			[]string{"\"", "We will not give up", ",\" she said."},
			[]string{"\"\nWe will not give up\n,\" she said."},
		},
		{
			"straight quote closing a sentence without an end",
			[]string{"She called the offer \"insulting", "\" and left the room."},
			[]string{"She called the offer \"insulting\n\" and left the room."},
		},
		{
			"straight quote opening a new sentence is not joined",
			[]string{"The talks ended.", "\"We are done,\" she said."},
			[]string{"The talks ended.", "\"We are done,\" she said."},
		},
		{
			"line starting with a comma",
			[]string{"The vote was close", ", officials said."},
			[]string{"The vote was close\n, officials said."},
		},
		{
			"line starting with a semicolon",
			[]string{"The vote was close", "; few expected it."},
			[]string{"The vote was close\n; few expected it."},
		},
		{
			"line starting with a closing bracket",
			[]string{"The plan (", "a draft", ") was leaked."},
			[]string{"The plan (\na draft\n) was leaked."},
		},
		{
			"line of only a full stop",
			[]string{"The road was closed", "."},
			[]string{"The road was closed\n."},
		},
		{
			"lower-case continuation of an unfinished line",
			[]string{"The road was closed", "because of snow."},
			[]string{"The road was closed\nbecause of snow."},
		},
		{
			"lower-case continuation after a comma",
			[]string{"The road was closed,", "because of snow."},
			[]string{"The road was closed,\nbecause of snow."},
		},
		{
			"lower-case line after a finished sentence stands alone",
			[]string{"The road was closed.", "because of snow."},
			[]string{"The road was closed.", "because of snow."},
		},
		{
			"lines inside an open curly quotation",
			[]string{"“The damage is small.", "All systems work again", ".”"},
			[]string{"“The damage is small.\nAll systems work again\n.”"},
		},
		{
			"closed curly quotation does not pull the next line",
			[]string{"“It failed,” he said.", "The council met on Friday."},
			[]string{"“It failed,” he said.", "The council met on Friday."},
		},
		{
			"heading is not joined to the paragraph after it",
			[]string{"Storm warnings", "Heavy rain fell on Monday."},
			[]string{"Storm warnings", "Heavy rain fell on Monday."},
		},
		{
			"bullets are not joined",
			[]string{"• first item", "• second item", "- third item", "- fourth item"},
			[]string{"• first item", "• second item", "- third item", "- fourth item"},
		},
		{
			"German quotation closed on the next line",
			[]string{"Der Sprecher sagte: „", "Wir bleiben", "“. Dann ging er."},
			[]string{"Der Sprecher sagte: „\nWir bleiben\n“. Dann ging er."},
		},
		{
			"closed German quotation does not pull the next line",
			[]string{"„Wir bleiben“, sagte er.", "Der Rat tagte am Freitag."},
			[]string{"„Wir bleiben“, sagte er.", "Der Rat tagte am Freitag."},
		},
		{
			"closed French quotation does not pull the next line",
			[]string{"« Nous restons », a-t-il dit.", "Le conseil s'est réuni vendredi."},
			[]string{"« Nous restons », a-t-il dit.", "Le conseil s'est réuni vendredi."},
		},
		{
			"lines of dialogue are paragraphs",
			[]string{"– Vi er glade for avtalen, sier Kari Holm.", "– Det har tatt lang tid, legger hun til."},
			[]string{"– Vi er glade for avtalen, sier Kari Holm.", "– Det har tatt lang tid, legger hun til."},
		},
		{
			"a dash in lower case carries on",
			[]string{"The ministry said it would wait", "— which the union denies."},
			[]string{"The ministry said it would wait\n— which the union denies."},
		},
		{"stray curly quote cannot swallow the page", stray, strayWant},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := joinLines(tt.lines)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("joinLines(%q) mismatch (-want +got):\n%s", tt.lines, diff)
			}
		})
	}
}

func TestTidy(t *testing.T) {
	// '\n' marks a seam where the scrape broke a line; only there may
	// spaces go. Everything else is the page's text as written.
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", ""},
		{
			"curly quotation broken around its marks",
			"said that “\n the board has decided to close the pier with immediate effect \n”.",
			"said that “the board has decided to close the pier with immediate effect”.",
		},
		{
			"straight quotation broken around its marks",
			"a \"\nserious breach of the rules\n\" on May 3.",
			`a "serious breach of the rules" on May 3.`,
		},
		{
			"punctuation pulled back to its word at seams",
			"“\nIt failed\n,\n” he said\n.",
			"“It failed,” he said.",
		},
		{"semicolon and colon at seams", "one\n; two\n: three\n!", "one; two: three!"},
		{"brackets at seams", "the plan (\na draft\n) leaked", "the plan (a draft) leaked"},
		{"space before a decimal kept", "it rose by\n.5 points", "it rose by .5 points"},
		{
			"paired straight quotes broken on both sides",
			"he said \"\nno\n\" and \"\nyes\n\" twice",
			`he said "no" and "yes" twice`,
		},
		{
			"odd number of ambiguous straight quotes left alone",
			"proof \"\nthat it had been \" planned \"\nby the board",
			`proof " that it had been " planned " by the board`,
		},
		{"spaces within a line kept", `he said " no " and « oui » twice ; fine`, `he said " no " and « oui » twice ; fine`},
		{"apostrophes and curly quotes kept", "it’s the ‘final’ offer", "it’s the ‘final’ offer"},
		{"guillemets kept with their spaces", "« Bonjour », dit-il", "« Bonjour », dit-il"},
		{"German quotes: the closing mark stays against its word", "„Franken“\nbedeutet", "„Franken“ bedeutet"},
		{"German quotes broken inside", "sagte: „\nWir bleiben\n“.", "sagte: „Wir bleiben“."},
		{"French quotes broken inside", "a dit «\nNous restons\n».", "a dit «Nous restons»."},
		{"runs of spaces collapsed", "  a   b \t c  ", "a b c"},
		{"already tidy text unchanged", `"Hello," she said. "Bye."`, `"Hello," she said. "Bye."`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tidy(tt.in); got != tt.want {
				t.Errorf("tidy(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestQuoteDirections(t *testing.T) {
	// want has one character per rune of in: '.' not a quote (or left
	// alone), 'o' opening, 'c' closing.
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"curly", "“x”", "o.c"},
		{"guillemets", "«x»", "o.c"},
		{"German", "„x“ y", "o.c.."},
		{"German inside", "„a ‚b‘ c“", "o..o.c..c"},
		{"reversed guillemets", "a »x« b", "..o.c.."},
		{"Swedish", "a ”x” b", "..o.c.."},
		{"French with spaces", "« x »", "o...c"},
		{"German closed by a straight quote", "„a\" b", "o.c.."},
		{"straight, attached to words", `"a" and "b"`, "o.c.....o.c"},
		{"straight before punctuation closes", `said "yes".`, ".....o...c."},
		{"spaced pair", `a " b " c`, "..o...c.."},
		{"spaced odd count", `a " b`, "....."},
		{"after an opening bracket", `("x")`, ".o.c."},
		{"no quotes", "plain", "....."},
	}
	code := map[quoteDir]byte{notQuote: '.', opening: 'o', closing: 'c', ambiguous: '?'}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			for _, d := range quoteDirections([]rune(tt.in)) {
				b.WriteByte(code[d])
			}
			if got := b.String(); got != tt.want {
				t.Errorf("quoteDirections(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestEndsSentence(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"", false},
		{"It ended.", true},
		{"Did it end?", true},
		{"It ended!", true},
		{"It ended…", true},
		{`He said "it ended."`, true},
		{"He said “it ended.”", true},
		{"It ended (for now.)", true},
		{"It ended.'", true},
		{"It ended,", false},
		{"It ended:", false},
		{"It ended", false},
		{`"It ended"`, false},
		{"Storm warnings", false},
		{"It was 3,929,214.[1]", true},
		{"It ended. [12][13]", true},
		{"It ended.[citation needed]", true},
		{"It ended [1]", false},
		{"Storm warnings [update]", false},
	}
	for _, tt := range tests {
		if got := endsSentence(tt.in); got != tt.want {
			t.Errorf("endsSentence(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeSpace(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"no-break space", "a\u00a0b", "a b"},
		{"narrow no-break space between digit groups kept", "10\u202f000", "10\u202f000"},
		{"no-break space between digit groups kept", "1\u00a0850 salariés", "1\u00a0850 salariés"},
		{"narrow no-break space before a guillemet", "fini\u202f»", "fini »"},
		{"thin space", "a\u2009b", "a b"},
		{"ideographic space", "a\u3000b", "a b"},
		{"tab", "a\tb", "a b"},
		{"zero-width space removed", "a\u200bb", "ab"},
		{"word joiner removed", "a\u2060b", "ab"},
		{"byte order mark removed", "\ufeffTitle", "Title"},
		{"direction marks removed", "a\u200eb\u200fc", "abc"},
		{"soft hyphen removed", "co\u00adoperate", "cooperate"},
		{"CRLF", "a\r\nb", "a\nb"},
		{"lone CR", "a\rb", "a\nb"},
		{"line and paragraph separators", "a\u2028b\u2029c\u0085d", "a\nb\nc\nd"},
		{"NUL and other controls become spaces", "a\x00b\x07c", "a b c"},
		{"invalid byte repaired", "a\xffb", "a\uFFFDb"},
		{"run of invalid bytes is one replacement", "a\xff\xfeb", "a\uFFFDb"},
		{"truncated sequence repaired", "caf\xc3", "caf\uFFFD"},
		{"valid text unchanged", "Tromsø – «ja» 🔥", "Tromsø – «ja» 🔥"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := normalizeSpace([]byte(tt.in)); got != tt.want {
				t.Errorf("normalizeSpace(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func mustCleaner(t testing.TB) *Cleaner {
	t.Helper()
	c, err := NewCleaner()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// page joins the lines of a synthetic page the way scrapes lay them out:
// one block per line, blank lines between.
func page(lines ...string) []byte { return []byte(strings.Join(lines, "\n\n")) }

func TestBlockRoles(t *testing.T) {
	const (
		story1 = "The harbour council voted on Monday to close the old ferry pier for good."
		story2 = "Repairs to the pier would have cost more than a new one, the council said."
		story3 = "A new pier is planned for the north side of the bay in two years."
	)
	tests := []struct {
		name string
		page []byte
		want []Block
	}{
		{
			"title, byline in the head, body sentence starting with By",
			page("Council votes to close the old ferry pier", "By Mara Quell", story1,
				"By Tuesday evening, the fire had spread to the wooden decking of the pier.", story3),
			[]Block{
				{RoleTitle, "Council votes to close the old ferry pier"},
				{RoleByline, "Mara Quell"},
				{RoleBody, story1},
				{RoleBody, "By Tuesday evening, the fire had spread to the wooden decking of the pier."},
				{RoleBody, story3},
			},
		},
		{
			"bare date line and a caption with its credit, only before the story",
			page("Ferry runs aground in a storm", "May 3, 2024 9:12 AM GMT+2",
				"The ferry lies aground off the island, May 3, 2024. Jo Berg via REUTERS", story1,
				"The council thanked the crews. Reuters could not reach the owner"),
			[]Block{
				{RoleTitle, "Ferry runs aground in a storm"},
				{RolePublished, "May 3, 2024 9:12 AM GMT+2"},
				{RoleCaption, "The ferry lies aground off the island, May 3, 2024."},
				{RoleBody, story1},
				{RoleBody, "The council thanked the crews. Reuters could not reach the owner"},
			},
		},
		{
			"caption before a credit",
			page("Storm floods the lower town", "Residents wade through water in the lower town on Monday.",
				"Photo: Ada Brenn", story1, story2),
			[]Block{
				{RoleTitle, "Storm floods the lower town"},
				{RoleCaption, "Residents wade through water in the lower town on Monday."},
				{RoleCredit, "Photo: Ada Brenn"},
				{RoleBody, story1},
				{RoleBody, story2},
			},
		},
		{
			"caption with its own prefix",
			page("Storm floods the lower town", "Image caption, Residents wade through the water",
				"Image source, Skellby Post", story1),
			[]Block{
				{RoleTitle, "Storm floods the lower town"},
				{RoleCaption, "Residents wade through the water"},
				{RoleCredit, "Image source, Skellby Post"},
				{RoleBody, story1},
			},
		},
		{
			"published line and reading time in the head",
			page("Council votes to close the old ferry pier", "Updated 9:48 PM, May 3, 2024", "4 min read", story1, story2),
			[]Block{
				{RoleTitle, "Council votes to close the old ferry pier"},
				{RolePublished, "Updated 9:48 PM, May 3, 2024"},
				{RoleReading, "4 min read"},
				{RoleBody, story1},
				{RoleBody, story2},
			},
		},
		{
			"author name and role line",
			page("Council votes to close the old ferry pier", "Mara Quell", "Harbour correspondent", story1, story2),
			[]Block{
				{RoleTitle, "Council votes to close the old ferry pier"},
				{RoleByline, "Mara Quell"},
				{RoleByline, "Harbour correspondent"},
				{RoleBody, story1},
				{RoleBody, story2},
			},
		},
		{
			"share widget dropped",
			page("Council votes to close the old ferry pier", "Share", "Facebook", "Email", story1, "Advertisement", story2),
			[]Block{
				{RoleTitle, "Council votes to close the old ferry pier"},
				{RoleDrop, "Share"},
				{RoleDrop, "Facebook"},
				{RoleDrop, "Email"},
				{RoleBody, story1},
				{RoleDrop, "Advertisement"},
				{RoleBody, story2},
			},
		},
		{
			"read more and its headline dropped, a long sentence after read more kept",
			page("Storm floods the lower town", story1, "Read more", "Why the river keeps breaking its banks",
				story2, "Read more",
				"The city engineer, who has warned for years that the old levee was too low, said repairs would take until next summer.",
				story3),
			[]Block{
				{RoleTitle, "Storm floods the lower town"},
				{RoleBody, story1},
				{RoleDrop, "Read more"},
				{RoleRelated, "Why the river keeps breaking its banks"},
				{RoleBody, story2},
				{RoleDrop, "Read more"},
				{RoleBody, "The city engineer, who has warned for years that the old levee was too low, said repairs would take until next summer."},
				{RoleBody, story3},
			},
		},
		{
			"heading between paragraphs",
			page("Council votes to close the old ferry pier", story1, "What happens next", story2),
			[]Block{
				{RoleTitle, "Council votes to close the old ferry pier"},
				{RoleBody, story1},
				{RoleHeading, "What happens next"},
				{RoleBody, story2},
			},
		},
		{
			"promo lines in the story and at the end",
			page("Council votes to close the old ferry pier", story1, "Sign up for our weekly newsletter", story2,
				"Download our app for the latest news"),
			[]Block{
				{RoleTitle, "Council votes to close the old ferry pier"},
				{RoleBody, story1},
				{RolePromo, "Sign up for our weekly newsletter"},
				{RoleBody, story2},
				{RolePromo, "Download our app for the latest news"},
			},
		},
		{
			"story sentence that mentions a newsletter stays story",
			page("Council votes to close the old ferry pier", story1,
				"The council stopped printing its weekly newsletter in 2019.", story2),
			[]Block{
				{RoleTitle, "Council votes to close the old ferry pier"},
				{RoleBody, story1},
				{RoleBody, "The council stopped printing its weekly newsletter in 2019."},
				{RoleBody, story2},
			},
		},
		{
			"source credits at the end",
			page("Council votes to close the old ferry pier", story1, story2,
				"Ola Brenn contributed to this report.", "(With Reuters)"),
			[]Block{
				{RoleTitle, "Council votes to close the old ferry pier"},
				{RoleBody, story1},
				{RoleBody, story2},
				{RoleSource, "Ola Brenn contributed to this report."},
				{RoleSource, "(With Reuters)"},
			},
		},
		{
			"tags after a topics marker",
			page("Storm floods the lower town", story1, story2, "Related Topics", "Floods", "Weather", "Skellby"),
			[]Block{
				{RoleTitle, "Storm floods the lower town"},
				{RoleBody, story1},
				{RoleBody, story2},
				{RoleDrop, "Related Topics"},
				{RoleTag, "Floods"},
				{RoleTag, "Weather"},
				{RoleTag, "Skellby"},
			},
		},
		{
			"bullet tags at the tail without a marker",
			page("Storm floods the lower town", story1, story2, "• Floods", "• Weather"),
			[]Block{
				{RoleTitle, "Storm floods the lower town"},
				{RoleBody, story1},
				{RoleBody, story2},
				{RoleTag, "Floods"},
				{RoleTag, "Weather"},
			},
		},
		{
			"lines broken around quotes become one paragraph",
			page("Council votes to close the old ferry pier", "Ola Brenn", "said the decision was “",
				"a sad day for the whole bay", "”.", story2),
			[]Block{
				{RoleTitle, "Council votes to close the old ferry pier"},
				{RoleBody, "Ola Brenn said the decision was “a sad day for the whole bay”."},
				{RoleBody, story2},
			},
		},
	}
	c := mustCleaner(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Blocks(tt.page)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Blocks(%q) mismatch (-want +got):\n%s", tt.page, diff)
			}
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name string
		page []byte
		want Document
	}{
		{
			"dateline stripped from the first paragraph only",
			page("Fishermen land a record catch",
				"OSLOVIK, Nordland (NTB) — Fishermen in Oslovik hauled in a record catch of cod on Sunday.",
				"BERGEN — the second paragraph keeps its capitals, since only the first can open with a dateline."),
			Document{
				Title: "Fishermen land a record catch",
				Meta:  Meta{Dateline: "OSLOVIK, Nordland (NTB)"},
				Paragraphs: []DocParagraph{
					{Text: "Fishermen in Oslovik hauled in a record catch of cod on Sunday."},
					{Text: "BERGEN — the second paragraph keeps its capitals, since only the first can open with a dateline."},
				},
			},
		},
		{
			"page metadata collected, paragraphs under their headings",
			page("Storm floods the lower town", "By Mara Quell and Ola Brenn",
				"Residents wade through water in the lower town on Monday.", "Photo: Ada Brenn",
				"Heavy rain flooded the lower town of Skellby on Monday, forcing dozens of families out.",
				"Read more", "Why the river keeps breaking its banks",
				"What comes next",
				"The council will meet again on Friday to discuss the levee.",
				"(With Reuters)", "Topics", "Floods", "Weather"),
			Document{
				Title: "Storm floods the lower town",
				Meta: Meta{
					Caption:  "Residents wade through water in the lower town on Monday.",
					Credit:   "Photo: Ada Brenn",
					Byline:   "Mara Quell and Ola Brenn",
					Source:   "With Reuters",
					Headings: []string{"What comes next"},
					Tags:     []string{"Floods", "Weather"},
					Related:  []string{"Why the river keeps breaking its banks"},
				},
				Paragraphs: []DocParagraph{
					{Text: "Heavy rain flooded the lower town of Skellby on Monday, forcing dozens of families out."},
					{Section: "What comes next", Text: "The council will meet again on Friday to discuss the levee."},
				},
			},
		},
		{
			// A whole scraped page saved on one line, as Natural Questions
			// keeps its pages: its end is furniture, not a full stop.
			"a page on one line after its title",
			page("Harbour of Skellby",
				"Harbour of Skellby - wiki Harbour of Skellby Jump to: navigation, search The harbour of Skellby was dug in 1871 by the town's fishermen. "+
					"It was deepened in 1950 for the ferries. Its pier was closed in 2024 after a storm. Text is available under a licence About the wiki"),
			Document{
				Title: "Harbour of Skellby",
				Paragraphs: []DocParagraph{{Text: "Harbour of Skellby - wiki Harbour of Skellby Jump to: navigation, search The harbour of Skellby was dug in 1871 by the town's fishermen. " +
					"It was deepened in 1950 for the ferries. Its pier was closed in 2024 after a storm. Text is available under a licence About the wiki"}},
			},
		},
		{
			"a page that is one line of prose, without a title line",
			[]byte("The harbour of Skellby was dug in 1871 by the town's fishermen and their families. It was deepened in 1950 for the ferries, and its pier was closed in 2024 after a storm that the town still talks about"),
			Document{
				Paragraphs: []DocParagraph{{Text: "The harbour of Skellby was dug in 1871 by the town's fishermen and their families. It was deepened in 1950 for the ferries, and its pier was closed in 2024 after a storm that the town still talks about"}},
			},
		},
		{
			"a long headline is still a title",
			page("Council votes to close the old ferry pier after a storm tore away its decking and the repairs were found to cost more than a new pier on the north side",
				"The harbour council voted on Monday to close the old ferry pier for good."),
			Document{
				Title:      "Council votes to close the old ferry pier after a storm tore away its decking and the repairs were found to cost more than a new pier on the north side",
				Paragraphs: []DocParagraph{{Text: "The harbour council voted on Monday to close the old ferry pier for good."}},
			},
		},
		{
			"page of only furniture has no paragraphs",
			page("Share", "Advertisement", "Read more", "Subscribe to our newsletter"),
			Document{},
		},
		{"empty page", nil, Document{}},
	}
	c := mustCleaner(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := c.Clean(tt.page)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Clean(%q) mismatch (-want +got):\n%s", tt.page, diff)
			}
		})
	}
}
