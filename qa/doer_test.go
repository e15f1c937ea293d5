package qa_test

import "testing"

// TestWhoTakesTheSubject checks that the rules answer a who-question with
// the name written right before the word the question asks about, its
// subject, and not with the name nearest the question's words: "Say My
// Name" reads as a person's name (three capitalised words) and stands
// nearer "single" than "Drake" does.
func TestWhoTakesTheSubject(t *testing.T) {
	tests := []struct {
		name, lang, sentence, question, want string
		qlang                                string // the question's language when not the article's
	}{
		{"en", "en", "In 2013, Drake released a single built on a line of the song Say My Name.",
			"Who released the single?", "Drake", ""},
		{"pt", "pt", "Em 2013, Drake lançou um single construído sobre um verso da canção Say My Name.",
			"Quem lançou o single?", "Drake", ""},
		{"es", "es", "En 2013, Drake lanzó un sencillo construido sobre un verso de la canción Say My Name.",
			"¿Quién lanzó el sencillo?", "Drake", ""},
		{"ru", "ru", "В 2013 году Дрейк выпустил сингл на строку из песни Say My Name.",
			"Кто выпустил сингл?", "Дрейк", ""},
		// "Whom did the rebels support?": the sentence does not go on
		// with the rebels after "supported", so the PMOI before it is
		// not who the question asks for; the person named is.
		{"object asked", "en", "In 1979, the PMOI supported Ayatollah Tarrak in the north.",
			"chi appoggiavano i ribelli nel 1979?", "Tarrak", "it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkTypedRuleAnswer(t, tt.lang, tt.sentence, tt.question, tt.qlang, tt.want)
		})
	}
}

// TestWhoPrefersAnUndoubtedPerson checks that a who-question is answered
// with a person's name the article gives no reason to doubt before one
// whose word the article also writes as an ordinary word: "Derby County"
// reads as a person's name and stands nearer the question's words, but
// the article speaks of "the county side".
func TestWhoPrefersAnUndoubtedPerson(t *testing.T) {
	const article = "The county side won the cup that year. " +
		"In 1899 the club appointed its first manager after a cup defeat by Derby County, and Tom Rydal stayed a year."
	checkTypedRuleAnswer(t, "en", article, "Who was the club's first manager?", "", "Tom Rydal")
}
