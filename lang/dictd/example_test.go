package dictd_test

import (
	"fmt"
	"os"

	"github.com/qabot/qabot/lang/dictd"
)

func ExampleTranslations() {
	entry := "Regierung /ʁeˈɡiːʁʊŋ/ <fem, n, sg>\n" +
		" [pol.] government <n>, administration <n> [Am.]\n" +
		"   Synonym: {Kabinett}\n"
	fmt.Println(dictd.Headword(entry), dictd.Translations(entry))
	// Output: Regierung [government administration]
}

func ExampleGlossary() {
	fsys := os.DirFS("testdata")
	for _, info := range dictd.Discover(fsys) {
		g, err := dictd.Glossary(fsys, info, 0)
		if err != nil {
			fmt.Println(err)
		}
		fmt.Println(info.From, "->", info.To, len(g), "headwords; kormany:", g["kormany"])
	}
	// Output:
	// de -> en 9 headwords; kormany: []
	// fr -> en 10 headwords; kormany: []
	// hu -> en 6 headwords; kormany: [government steering wheel helm]
}
