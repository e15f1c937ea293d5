package lang

import (
	"fmt"
	"testing"
)

func TestSmoke(t *testing.T) {
	r, err := Load(Data)
	if err != nil {
		for _, e := range err.(ErrorList) { t.Error(e) }; t.FailNow()
	}
	ru, _ := r.Get("ru")
	fmt.Println(ru.Transliterate("Эди Рама, Тирана, Тегеран, Албания, Дмитрий Медведев"), ru.TransliterateVariants("Тегеран", 5))
	for _, s := range []string{"l'OTAN a-t-elle dit qu'est-ce 3,000 2.5 24-hour Iran's didn't I'm aujourd'hui", "Tiranë Téhéran STRASSE Straße Йошкар-Ола ёлка"} {
		for _, tk := range Tokens(s) {
			fmt.Printf("%q ", tk.Text)
		}
		fmt.Println(Fold(s))
	}
	for _, c := range []string{"en", "fr", "de", "hu", "it", "es", "pt"} {
		l, _ := r.Get(c)
		fmt.Println(c, l.Stem("running"), l.Stem("relations"), l.Stem("diplomatiques"), l.Stem("Beziehungen"))
	}
	fr, _ := r.Get("fr")
	fmt.Println(fr.QuestionPhrases("Qu'est-ce que l'OTAN ?"), fr.QuestionPhrases("Est-ce que l'Albanie a rompu ?"), fr.QuestionPhrases("Quand est-ce que ça s'est passé"))
	de, _ := r.Get("de")
	fmt.Println(de.ParseNumber([]string{"einundzwanzig"}))
	fmt.Println(fr.ParseNumber([]string{"quatre-vingt-douze", "mille"}))
	fmt.Println(fr.Message("paragraph_label", map[string]string{"n": "3"}))
}
