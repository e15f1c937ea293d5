package lang_test

import (
	"fmt"
	"log"

	"github.com/qabot/qabot/lang"
)

func Example() {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		log.Fatal(err)
	}
	det := lang.NewDetector(reg)

	q := "Combien de personnes vivent à Ashraf 3 ?"
	g := det.Detect(q)
	fr, _ := reg.Get(g.Lang)
	kind, _ := fr.QuestionKind(q)
	fmt.Println(g.Lang, fr.Name, kind)

	var words []string
	for _, t := range lang.Tokens("l'OTAN, 3,000 personnes") {
		words = append(words, lang.Fold(t.Text))
	}
	fmt.Printf("%q\n", words)

	fmt.Println(fr.Message("paragraph_label", map[string]string{"n": "4"}))

	ru, _ := reg.ForLocale("ru")
	fmt.Println(ru.Transliterate("Эди Рама"), ru.TransliterateVariants("Тегеран", 2))

	g = det.Detect("Kur i ndërpreu Shqipëria marrëdhëniet me Iranin?")
	fmt.Println(g.Lang == "", g.Unsupported, g.Other)
	// Output:
	// fr français how_many
	// ["l'" "otan" "3,000" "personnes"]
	// Paragraphe 4
	// edi rama [tegeran teheran]
	// true true sq
}

func ExampleDetector_DetectWithPrior() {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		log.Fatal(err)
	}
	det := lang.NewDetector(reg)
	// Too short to tell on its own; the conversation is in Italian.
	fmt.Println(det.Detect("Edi Rama?").Lang == "")
	fmt.Println(det.DetectWithPrior("Edi Rama?", "it").Lang)
	// A clear switch of language wins over the conversation's.
	fmt.Println(det.DetectWithPrior("Wann hat Albanien mit dem Iran gebrochen?", "it").Lang)
	// Output:
	// true
	// it
	// de
}
