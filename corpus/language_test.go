package corpus_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

// The pages below are invented for these tests.

func mustLanguagesParser(t testing.TB) *corpus.Parser {
	t.Helper()
	p := mustParser(t)
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	times, err := timex.LoadLanguages(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	p.UseLanguages(reg, times)
	return p
}

const frenchPage = `Grève à la verrerie de Saint-Aubrac : la direction propose une prime

Publié le : 09/11/2023 - 18:25

Par : Lucie Marchal

Les ouvriers de la verrerie Delvaux, à Saint-Aubrac, ont reconduit jeudi la grève entamée lundi 30 octobre. Selon la CGT, 1 850 salariés sur 2 300 ont cessé le travail.

« Nous ne reprendrons pas le travail sans garanties sur l'emploi », a déclaré Odile Ferrand, déléguée syndicale. La production a baissé de 40,5 % depuis le début du conflit, selon M. Gaspard Rey, le directeur du site.

« C'est une offre insuffisante », a-t-elle ajouté. Une nouvelle réunion est prévue jeudi 16 novembre à la préfecture.
`

const germanPage = `Streik auf der Werft Brandholm

Veröffentlicht am 14.03.2024, 17:20 Uhr

Von Jana Köhler

Die Beschäftigten der Werft Brandholm haben am Montag, dem 11. März, die Arbeit niedergelegt. Nach Angaben der Gewerkschaft beteiligen sich 1.850 der 2.300 Beschäftigten am Streik.

„Wir lassen uns nicht länger hinhalten“, sagte Betriebsratschefin Greta Voss vor dem Werkstor. Die Produktion sei um 40,5 Prozent gesunken.
`

const russianPage = `Рабочие завода «Полярный металл» объявили забастовку

Опубликовано: 14 марта 2024, 17:20

Рабочие завода в Усть-Ярске в понедельник, 11 марта, прекратили работу. По данным профсоюза, в забастовке участвуют 1 850 из 2 300 сотрудников.

«Мы не вернёмся к работе без гарантий», — заявил председатель профсоюза Тимур Гайдаров. Производство сократилось на 40,5%.
`

const norwegianPage = `Enighet i lønnsoppgjøret ved Fjordverket

Publisert 3. mai 2024

Partene ved Fjordverket ble enige natt til fredag etter tolv timer med forhandlinger.

– Vi er svært fornøyde med resultatet, sier forbundsleder Kari Nesheim.

– Det har tatt lang tid, men nå kan vi se fremover, legger hun til.
`

func TestParseInTheArticlesLanguage(t *testing.T) {
	p := mustLanguagesParser(t)
	type fact struct{ sentence, text string }
	tests := []struct {
		name, page, lang string
		dates            map[string]string // date text -> value
		numbers          map[string]float64
		units            map[string]string
		speaker          string
		paragraphs       int
	}{
		{
			name: "French", page: frenchPage, lang: "fr",
			dates:   map[string]string{"lundi 30 octobre": "2023-10-30", "jeudi 16 novembre": "2023-11-16"},
			numbers: map[string]float64{"1 850 salariés": 1850, "40,5": 40.5},
			units:   map[string]string{"2 300": "salariés"},
			speaker: "Odile Ferrand", paragraphs: 3,
		},
		{
			name: "German", page: germanPage, lang: "de",
			dates:   map[string]string{"Montag, dem 11. März": "2024-03-11"},
			numbers: map[string]float64{"1.850": 1850, "40,5": 40.5},
			units:   map[string]string{"2.300 Beschäftigten": "Beschäftigten"},
			speaker: "Greta Voss", paragraphs: 2,
		},
		{
			name: "Russian", page: russianPage, lang: "ru",
			dates:   map[string]string{"понедельник, 11 марта": "2024-03-11"},
			numbers: map[string]float64{"1 850": 1850, "40,5": 40.5},
			units:   map[string]string{"2 300 сотрудников": "сотрудников"},
			speaker: "Тимур Гайдаров", paragraphs: 2,
		},
		{
			name: "Norwegian dialogue", page: norwegianPage, lang: "nb",
			speaker: "Kari Nesheim", paragraphs: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := p.Parse("page", []byte(tt.page))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if a.Lang != tt.lang || a.OtherLang != "" {
				t.Errorf("Lang = %q (other %q, %s), want %q", a.Lang, a.OtherLang, a.LangReason, tt.lang)
			}
			if len(a.Paragraphs) != tt.paragraphs {
				t.Errorf("%d paragraphs, want %d:\n%s", len(a.Paragraphs), tt.paragraphs, a.Text)
			}
			dates := map[string]string{}
			numbers := map[string]float64{}
			units := map[string]string{}
			speakers := map[string]bool{}
			for _, s := range a.Sentences {
				for _, d := range s.Facts.Dates {
					dates[d.Text] = d.Value
				}
				for _, n := range s.Facts.Numbers {
					numbers[n.Text], units[n.Text] = n.Value, n.Unit
				}
				if q := s.Facts.Quote; q != nil {
					speakers[q.Resolved] = true
				}
			}
			for text, v := range tt.dates {
				if dates[text] != v {
					t.Errorf("date %q = %q, want %q (dates: %v)", text, dates[text], v, dates)
				}
			}
			for text, v := range tt.numbers {
				if got, ok := numbers[text]; !ok || got != v {
					t.Errorf("number %q = %v (found %v), want %v (numbers: %v)", text, got, ok, v, numbers)
				}
			}
			for text, u := range tt.units {
				if units[text] != u {
					t.Errorf("unit of %q = %q, want %q", text, units[text], u)
				}
			}
			if !speakers[tt.speaker] {
				t.Errorf("speakers %v, want %q among them", speakers, tt.speaker)
			}
		})
	}
}

func TestArticleLanguageDeclaredForcedOrUnsupported(t *testing.T) {
	p := mustLanguagesParser(t)
	// A page that declares its language loses the line and keeps the rest.
	a, err := p.Parse("x", []byte("lang: fr\n\n"+frenchPage))
	if err != nil {
		t.Fatal(err)
	}
	if a.Lang != "fr" || !strings.Contains(a.LangReason, "declared") || strings.Contains(a.Text, "lang:") {
		t.Errorf("declared: Lang %q (%s); text starts %.40q", a.Lang, a.LangReason, a.Text)
	}
	// A declaration wins over the words.
	a, err = p.Parse("x", []byte("lang: it\n\n"+frenchPage))
	if err != nil {
		t.Fatal(err)
	}
	if a.Lang != "it" {
		t.Errorf("declared it: Lang %q (%s)", a.Lang, a.LangReason)
	}
	// A declared language qabot does not read is reported.
	a, err = p.Parse("x", []byte("lang: nl\n\n"+frenchPage))
	if err != nil {
		t.Fatal(err)
	}
	if a.OtherLang != "nl" || a.Lang != "fr" {
		t.Errorf("declared nl: Lang %q, OtherLang %q", a.Lang, a.OtherLang)
	}
	// The reader's choice wins over everything.
	p.Lang = "de"
	a, err = p.Parse("x", []byte("lang: it\n\n"+frenchPage))
	if err != nil {
		t.Fatal(err)
	}
	if a.Lang != "de" {
		t.Errorf("forced de: Lang %q (%s)", a.Lang, a.LangReason)
	}
}

func TestUnsupportedArticleLanguage(t *testing.T) {
	p := mustLanguagesParser(t)
	page := "Staking bij de scheepswerf\n\nDe werknemers van de scheepswerf hebben maandag het werk neergelegd nadat de directie een eenmalige uitkering had aangeboden. Volgens de vakbond doen 1.850 van de 2.300 werknemers mee aan de staking.\n"
	a, err := p.Parse("x", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if a.OtherLang == "" {
		t.Errorf("a Dutch page read as %s (%s) without OtherLang", a.Lang, a.LangReason)
	}
}

func TestGermanOrdinalDates(t *testing.T) {
	times, err := timex.LoadLanguages(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	s, err := corpus.NewSegmenterFor(lang.Data, "de", nil, times["de"])
	if err != nil {
		t.Fatal(err)
	}
	text := "Der Streik begann am 3. Oktober. Die Werft schloss am 12. Dezember. Im Jahr 2009. Danach nichts."
	var got []string
	for _, r := range s.Split(text) {
		got = append(got, text[r[0]:r[1]])
	}
	want := []string{"Der Streik begann am 3. Oktober.", "Die Werft schloss am 12. Dezember.", "Im Jahr 2009.", "Danach nichts."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Split(%q) = %q, want %q", text, got, want)
	}
}

// lastSentenceOf parses text as a page in lang under a one-word title and
// returns its last sentence, the one the speaker tests read.
func lastSentenceOf(t *testing.T, p *corpus.Parser, lang, text string) corpus.Sentence {
	t.Helper()
	a, err := p.Parse("page", []byte("lang: "+lang+"\n\nHalsholm\n\n"+text+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	return a.Sentences[len(a.Sentences)-1]
}

// TestQuoteSpeakersInTheirLanguage reads the speaker of a quotation with
// the words of the article's language where the speaker is not next to
// the verb: a date between them ("a déclaré mardi le syndicat", "sagte am
// Dienstag die ..."), or the pronoun of an inverted auxiliary ("a-t-il
// déclaré"), resolved to the person named before.
func TestQuoteSpeakersInTheirLanguage(t *testing.T) {
	p := mustLanguagesParser(t)
	tests := []struct {
		lang, text        string // the quote is read from the last paragraph
		speaker, resolved string
	}{
		{"fr", "« Le quai restera fermé », a déclaré mardi le syndicat.", "le syndicat", "le syndicat"},
		{"fr", "Le maire, Paul Astruc, a visité le quai lundi.\n\n« Nous rouvrirons le quai », a-t-il déclaré mardi.", "il", "Paul Astruc"},
		{"de", "„Der Kai bleibt gesperrt“, sagte am Dienstag die Hafenverwaltung.", "die Hafenverwaltung", "die Hafenverwaltung"},
		{"es", "«El muelle seguirá cerrado», dijo el martes la autoridad portuaria.", "la autoridad portuaria", "la autoridad portuaria"},
		{"it", "«Il molo resterà chiuso», ha dichiarato martedì il sindacato.", "il sindacato", "il sindacato"},
		{"pt", "«O cais vai continuar fechado», afirmou na terça-feira o sindicato.", "o sindicato", "o sindicato"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.speaker, func(t *testing.T) {
			s := lastSentenceOf(t, p, tt.lang, tt.text)
			if q := s.Facts.Quote; q == nil || q.Speaker != tt.speaker || q.Resolved != tt.resolved {
				t.Errorf("quote of %q = %+v, want speaker %q resolved %q", s.Text, q, tt.speaker, tt.resolved)
			}
		})
	}
}

// TestQuoteSpeakerNounPhrase reads a speaker after its verb with the
// adjectives and complements of its noun, up to the clause's end (a mark,
// a date, a function word that opens no complement), and cuts one longer
// than six words before a complement, not after its first noun.
func TestQuoteSpeakerNounPhrase(t *testing.T) {
	p := mustLanguagesParser(t)
	tests := []struct {
		lang, text, speaker string
	}{
		{"fr", "« Le quai restera fermé », selon le conseil régional.", "le conseil régional"},
		{"fr", "« La route restera fermée », a déclaré le syndicat des transporteurs mardi.", "le syndicat des transporteurs"},
		{"fr", "« Le quai reste fermé », selon les hydrologues du bureau des recherches côtières et portuaires de Lyon.", "les hydrologues du bureau"},
		{"en", "\"The quay stays shut,\" said the head of the harbour office on Monday.", "the head of the harbour office"},
		{"de", "„Der Kai bleibt gesperrt“, sagte am Dienstag die Sprecherin der Hafenverwaltung.", "die Sprecherin der Hafenverwaltung"},
		{"de", "„Der Kai bleibt gesperrt“, sagte die Sprecherin der Hafenverwaltung am Dienstag.", "die Sprecherin der Hafenverwaltung"},
		{"it", "«Il molo resterà chiuso», ha dichiarato martedì il sindacato dei portuali.", "il sindacato dei portuali"},
		{"pt", "«O cais vai continuar fechado», afirmou o presidente do sindicato dos estivadores.", "o presidente do sindicato dos estivadores"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.speaker, func(t *testing.T) {
			s := lastSentenceOf(t, p, tt.lang, tt.text)
			if q := s.Facts.Quote; q == nil || q.Speaker != tt.speaker || q.Resolved != tt.speaker {
				t.Errorf("quote of %q = %+v, want speaker %q", s.Text, q, tt.speaker)
			}
		})
	}
}

// TestPlaceOfTitleBeforePerson reads "мэр Заречинска Олег Ветров" as
// a title, the place of the title and the person who holds it: the place
// (a form of one the language knows, or of one the article writes after a
// place preposition) is not glued onto the person's name, and the person
// speaks the quotation.
func TestPlaceOfTitleBeforePerson(t *testing.T) {
	p := mustLanguagesParser(t)
	tests := []struct {
		lang, text, person string
	}{
		{"ru", "Авария произошла в Заречинске в понедельник.\n\n«Трубы заменят до осени», — заявил мэр Заречинска Олег Ветров журналистам.", "Олег Ветров"},
		{"ru", "«Переговоры продолжатся», — заявил министр Франции Пьер Латур журналистам.", "Пьер Латур"},
		{"en", "The storm flooded roads in Halsholm on Monday.\n\n\"The bridge will reopen,\" said the mayor of Halsholm Tom Rydal.", "Tom Rydal"},
		{"es", "La tormenta inundó calles en Villaseca el lunes.\n\n«El puente reabrirá», dijo el alcalde de Villaseca Juan Ortegal.", "Juan Ortegal"},
		// No place before the name: a person of three words stays whole.
		{"en", "The storm flooded roads in Halsholm on Monday.\n\n\"The bridge will reopen,\" said Mayor Ola Berg Rydal.", "Ola Berg Rydal"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.person, func(t *testing.T) {
			s := lastSentenceOf(t, p, tt.lang, tt.text)
			var persons []string
			for _, n := range s.Facts.Names {
				if n.Kind == corpus.NamePerson {
					persons = append(persons, n.Text)
				}
			}
			if len(persons) != 1 || persons[0] != tt.person {
				t.Errorf("persons of %q = %q, want %q", s.Text, persons, tt.person)
			}
			if q := s.Facts.Quote; q == nil || q.Resolved != tt.person {
				t.Errorf("quote of %q = %+v, want %q", s.Text, q, tt.person)
			}
		})
	}
}

// TestPersonEvidence reads what the article says of a name typed a person:
// a word of it written in lower case elsewhere casts doubt on it ("the
// county side", so "Derby County" is likely no person), unless the article
// also calls the name by its last word alone, as it calls people by their
// surname; a royal title before a name makes it a person in every
// language that lists one.
func TestPersonEvidence(t *testing.T) {
	p := mustLanguagesParser(t)
	tests := []struct {
		name, lang, text, person string
		doubted                  bool
	}{
		{"ordinary word", "en", "The county side won the cup.\n\nThe club lost to Derby County in 1899.", "Derby County", true},
		{"no ordinary word", "en", "The side won the cup.\n\nThe club lost to Derby County in 1899.", "Derby County", false},
		{"called by surname", "en", "Smith said his will was clear.\n\nThe club hired Will Smith in 1899.", "Will Smith", false},
		{"nb royal title", "nb", "Paret ble tatt imot av prins Charles på slottet.", "Charles", false},
		{"pt royal title", "pt", "O casal foi recebido pelo príncipe Carlos no palácio.", "Carlos", false},
		{"ru royal title", "ru", "Пару встретил принц Карл во дворце.", "Карл", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := lastSentenceOf(t, p, tt.lang, tt.text)
			i := slices.IndexFunc(s.Facts.Names, func(n corpus.Name) bool { return n.Text == tt.person })
			if i < 0 || s.Facts.Names[i].Kind != corpus.NamePerson {
				t.Fatalf("names of %q = %+v, want the person %q", s.Text, s.Facts.Names, tt.person)
			}
			if got := s.Facts.Names[i].Doubted; got != tt.doubted {
				t.Errorf("%q doubted = %v, want %v", tt.person, got, tt.doubted)
			}
		})
	}
}
