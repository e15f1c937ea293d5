package lang

import (
	"errors"
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
)

func TestLoadEmbedded(t *testing.T) {
	r := mustLoad(t)
	var codes []string
	for _, l := range r.Languages() {
		codes = append(codes, l.Code)
		if l.Name == "" || l.English == "" || l.Stopwords() == 0 || l.Questions().Len() == 0 || len(l.langid) == 0 {
			t.Errorf("language %s is missing data: name %q english %q stop words %d question phrases %d langid bytes %d",
				l.Code, l.Name, l.English, l.Stopwords(), l.Questions().Len(), len(l.langid))
		}
	}
	want := []string{"de", "en", "es", "fr", "hu", "it", "nb", "pt", "ru", "sv"}
	if diff := cmp.Diff(want, codes); diff != "" {
		t.Errorf("Languages() codes mismatch (-want +got):\n%s", diff)
	}
	if _, ok := r.Get("xx"); ok {
		t.Errorf("Get(%q) found a language", "xx")
	}
	if l, ok := r.Get("FR"); !ok || l.Code != "fr" {
		t.Errorf("Get(%q) = %v, %v; want fr", "FR", l, ok)
	}
}

// TestEmbedded: a language read from Data says so, one read from other
// files (even a copy of Data's) does not, so tables built from Data when
// qabot is built are never applied to other data.
func TestEmbedded(t *testing.T) {
	for _, l := range mustLoad(t).Languages() {
		if !l.Embedded() {
			t.Errorf("%s read from Data: Embedded() = false", l.Code)
		}
	}
	r, err := Load(minimal())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range r.Languages() {
		if l.Embedded() {
			t.Errorf("%s read from a MapFS: Embedded() = true", l.Code)
		}
	}
}

func TestForLocale(t *testing.T) {
	r := mustLoad(t)
	tests := []struct {
		locale string
		want   string // "" means not found
	}{
		{"pt-BR", "pt"},
		{"pt-PT", "pt"},
		{"es-ES", "es"},
		{"es-419", "es"},
		{"sv-SE", "sv"},
		{"no", "nb"},
		{"nb-NO", "nb"},
		{"en-US", "en"},
		{"en-GB", "en"},
		{"en_us", "en"},
		{"fr", "fr"},
		{"fr-CA", "fr"},
		{"de", "de"},
		{"it", "it"},
		{"hu", "hu"},
		{"ru", "ru"},
		{"da", ""},
		{"zh-CN", ""},
		{"", ""},
	}
	for _, tt := range tests {
		l, ok := r.ForLocale(tt.locale)
		got := ""
		if ok {
			got = l.Code
		}
		if got != tt.want {
			t.Errorf("ForLocale(%q) = %q, want %q", tt.locale, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	r := mustLoad(t)
	tests := []struct {
		lang, word, want string
	}{
		{"en", "relations", "relat"},
		{"en", "running", "run"},
		{"en", "Cyberattacks", "cyberattack"},
		{"en", "is", "is"},
		{"en", "NATO", "nato"},
		{"en", "2022", "2022"},
		{"en", "24-hour", "24-hour"},
		{"fr", "diplomatiques", "diplomat"},
		{"fr", "accusé", "accus"},
		{"fr", "où", "où"},
		{"es", "relaciones", "relacion"},
		{"es", "diplomáticas", "diplomat"},
		{"ru", "отношения", "отношен"},
		{"ru", "Албании", "албан"},
		{"ru", "он", "он"},
		{"sv", "relationerna", "relation"},
		{"sv", "diplomatiska", "diplomatisk"},
		{"nb", "forbindelsene", "forbind"},
		{"nb", "angrepet", "angrep"},
		{"hu", "kapcsolatait", "kapcsolat"},
		{"hu", "támadások", "támadás"},
		{"hu", "ön", "ön"},
		{"de", "Beziehungen", "bezieh"},
		{"de", "diplomatischen", "diplomat"},
		{"it", "relazioni", "relazion"},
		{"it", "attacchi", "attacc"},
		{"pt", "ataques", "ataqu"},
		{"pt", "acusou", "acus"},
	}
	for _, tt := range tests {
		l := mustGet(t, r, tt.lang)
		if got := l.Stem(tt.word); got != tt.want {
			t.Errorf("%s.Stem(%q) = %q, want %q", tt.lang, tt.word, got, tt.want)
		}
	}
}

// TestStemShortWords checks that words of one or two letters come back
// lower-cased and unchanged whatever their byte length, in every language.
func TestStemShortWords(t *testing.T) {
	r := mustLoad(t)
	for _, l := range r.Languages() {
		for _, w := range []string{"on", "ön", "Öl", "à", "ja", "да"} {
			if got, want := l.Stem(w), Fold(w); got != want && got != lower(w) {
				t.Errorf("%s.Stem(%q) = %q, want %q", l.Code, w, got, lower(w))
			}
		}
	}
}

func TestIsStopword(t *testing.T) {
	r := mustLoad(t)
	tests := []struct {
		lang, word string
		want       bool
	}{
		{"en", "the", true},
		{"en", "The", true},
		{"en", "Albania", false},
		{"fr", "été", true},
		{"fr", "ete", true},
		{"de", "über", true},
		{"ru", "и", true},
		{"hu", "és", true},
		{"pt", "não", true},
		{"sv", "och", true},
		{"nb", "og", true},
		{"it", "della", true},
		{"es", "también", true},
	}
	for _, tt := range tests {
		if got := mustGet(t, r, tt.lang).IsStopword(tt.word); got != tt.want {
			t.Errorf("%s.IsStopword(%q) = %v, want %v", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestIsSeparableParticle(t *testing.T) {
	r := mustLoad(t)
	tests := []struct {
		lang, word string
		want       bool
	}{
		{"de", "statt", true},
		{"de", "Teil", true},
		{"de", "zurück", true},
		{"de", "zuruck", true}, // folded
		{"de", "Treffen", false},
		{"de", "#", false},  // the file's comments are no particles
		{"en", "up", false}, // English lists none
	}
	for _, tt := range tests {
		if got := mustGet(t, r, tt.lang).IsSeparableParticle(tt.word); got != tt.want {
			t.Errorf("%s.IsSeparableParticle(%q) = %v, want %v", tt.lang, tt.word, got, tt.want)
		}
	}
}

func TestQuestionKind(t *testing.T) {
	r := mustLoad(t)
	tests := []struct {
		lang, q string
		want    Kind // "" means no question phrase
	}{
		{"en", "When did Albania cut ties with Iran?", KindWhen},
		{"en", "how many people live in Ashraf 3", KindHowMany},
		{"en", "How much did the strike cost?", KindHowMuch},
		{"en", "how long did the strike last", KindHowLong},
		{"en", "What year did Albania join NATO?", KindWhen},
		{"en", "Who is Edi Rama?", KindWho},
		{"en", "who's the spokeswoman", KindWho},
		{"en", "Did Iran deny it?", KindYesNo},
		{"en", "And is the port closed?", KindYesNo},
		{"en", "The port is closed", ""},
		// A data phrase that ends in an elided word ("qu'") matches it
		// before a verb as running text tokenizes it.
		{"fr", "qu'a dit la porte-parole ?", KindWhat},
		{"fr", "Qu’ont décidé les ministres ?", KindWhat},
		{"en", "whats the reason they cut ties", KindWhy},
		{"en", "how much time did they have", KindHowLong},
		{"de", "was ist der grund für den abbruch", KindWhy},
		{"pt", "que tipo de provas a albania tem", KindWhich},
		{"nb", "hva slags bevis har de", KindWhich},
		{"en", "edi rama - what's his job", KindDefine},
		{"es", "¿a qué se dedica Anna Kovac?", KindDefine},
		// Spellings of chat.
		{"pt", "qdo foi o ataque", KindWhen},
		{"pt", "qntas pessoas morreram", KindHowMany},
		{"es", "xq rompieron", KindWhy},
		{"it", "xke hanno rotto", KindWhy},
		{"en", "What is a cyberattack?", KindDefine},
		{"en", "In which country is Kolvik?", KindWhere},
		{"en", "Which country was attacked?", KindWhich},
		{"en", "Why did they leave?", KindWhy},
		{"fr", "Où est l'ambassade ?", KindWhere},
		{"fr", "ou est l'ambassade", KindWhere},
		{"fr", "L'Albanie ou l'Iran ?", ""},
		{"fr", "Rama est où ?", KindWhere},
		{"fr", "Combien de personnes ?", KindHowMany},
		{"fr", "combien de temps a duré la grève", KindHowLong},
		{"fr", "Qu'est-ce que l'OTAN ?", KindWhat},
		{"fr", "Est-ce que l'Iran a nié ?", KindYesNo},
		{"fr", "Quand est-ce que ça s'est passé ?", KindWhen},
		{"fr", "c'est quoi la FILP", KindDefine},
		{"es", "¿Cuándo rompió Albania con Irán?", KindWhen},
		{"es", "cuando rompio albania con iran", KindWhen},
		{"es", "¿Cuántos bomberos murieron?", KindHowMany},
		{"es", "¿Es cierto que Irán lo negó?", KindYesNo},
		{"es", "¿Qué dijo Rama?", KindWhat},
		{"es", "Rama dijo que no", ""},
		{"es", "¿Cómo reaccionó Irán?", KindWhat},
		{"ru", "Когда Албания порвала с Ираном?", KindWhen},
		{"ru", "Сколько пожарных погибло?", KindHowMany},
		{"ru", "Правда ли, что Иран всё отрицал?", KindYesNo},
		{"ru", "Разорвала ли Албания отношения?", KindYesNo},
		{"sv", "Hur många dog?", KindHowMany},
		{"sv", "Var ligger Kolvik?", KindWhere},
		{"sv", "Vem var där?", KindWho},
		{"nb", "Hvor mange døde?", KindHowMany},
		{"nb", "hvornår skete det", KindWhen},
		{"nb", "Hvor ligger Kolvik?", KindWhere},
		{"hu", "Mikor szakított Albánia Iránnal?", KindWhen},
		{"hu", "Hány ember halt meg?", KindHowMany},
		{"hu", "Mennyibe került a sztrájk?", KindHowMuch},
		{"de", "Wann hat Albanien gebrochen?", KindWhen},
		{"de", "Wie viele Menschen leben dort?", KindHowMany},
		{"de", "Wieviel hat es gekostet?", KindHowMuch},
		{"de", "Ist Albanien in der NATO?", KindYesNo},
		{"it", "Quando l'Albania ha rotto con l'Iran?", KindWhen},
		{"it", "Quanti pompieri sono morti?", KindHowMany},
		{"it", "Perche hanno espulso i diplomatici?", KindWhy},
		{"it", "dov'è l'ambasciata", KindWhere},
		{"pt", "Quando a Albânia rompeu com o Irã?", KindWhen},
		{"pt", "Quantos bombeiros morreram?", KindHowMany},
		{"pt", "O que significa FILP?", KindDefine},
		{"pt", "Por que o porto fechou?", KindWhy},
	}
	for _, tt := range tests {
		got, _ := mustGet(t, r, tt.lang).QuestionKind(tt.q)
		if got != tt.want {
			t.Errorf("%s.QuestionKind(%q) = %q, want %q", tt.lang, tt.q, got, tt.want)
		}
	}
}

func TestQuestionPhrasesOffsets(t *testing.T) {
	fr := mustGet(t, mustLoad(t), "fr")
	q := "Et combien de temps, et pourquoi ?"
	got := fr.QuestionPhrases(q)
	want := []QuestionMatch{
		{Kind: KindHowLong, Start: 3, End: 19, AtStart: true},
		{Kind: KindWhy, Start: 24, End: 32, AtStart: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("QuestionPhrases(%q) mismatch (-want +got):\n%s", q, diff)
	}
}

func TestParseNumber(t *testing.T) {
	r := mustLoad(t)
	tests := []struct {
		lang    string
		words   []string
		value   int64
		n       int
		ordinal bool
		ok      bool
	}{
		{"en", []string{"twenty", "one"}, 21, 2, false, true},
		{"en", []string{"two", "hundred", "thousand", "people"}, 200000, 3, false, true},
		{"en", []string{"one", "hundred", "and", "five"}, 105, 4, false, true},
		{"en", []string{"forty-five"}, 45, 1, false, true},
		{"en", []string{"third"}, 3, 1, true, true},
		{"en", []string{"twenty-first"}, 21, 1, true, true},
		{"en", []string{"and", "five"}, 0, 0, false, false},
		{"en", []string{"five", "and"}, 5, 1, false, true},
		{"en", []string{"people"}, 0, 0, false, false},
		{"fr", []string{"quatre-vingt-douze"}, 92, 1, false, true},
		{"fr", []string{"vingt", "et", "un"}, 21, 3, false, true},
		{"fr", []string{"deux", "cents"}, 200, 2, false, true},
		{"fr", []string{"troisieme"}, 3, 1, true, true},
		{"de", []string{"einundzwanzig"}, 21, 1, false, true},
		{"de", []string{"neunzehnhundert"}, 1900, 1, false, true},
		{"de", []string{"zweitausend"}, 2000, 1, false, true},
		{"es", []string{"mil", "novecientos", "noventa"}, 1990, 3, false, true},
		{"es", []string{"treinta", "y", "dos"}, 32, 3, false, true},
		{"it", []string{"ventotto"}, 28, 1, false, true},
		{"it", []string{"duemila"}, 2000, 1, false, true},
		{"it", []string{"millenovecento"}, 1900, 1, false, true},
		{"pt", []string{"cento", "e", "vinte"}, 120, 3, false, true},
		{"hu", []string{"huszonegy"}, 21, 1, false, true},
		{"hu", []string{"ezerkilencszazkilencven"}, 1990, 1, false, true},
		{"sv", []string{"tjugoett"}, 21, 1, false, true},
		{"nb", []string{"tjueen"}, 21, 1, false, true},
		{"ru", []string{"двадцать", "один"}, 21, 2, false, true},
		{"ru", []string{"три", "тысячи"}, 3000, 2, false, true},
	}
	for _, tt := range tests {
		value, n, ordinal, ok := mustGet(t, r, tt.lang).ParseNumber(tt.words)
		if value != tt.value || n != tt.n || ordinal != tt.ordinal || ok != tt.ok {
			t.Errorf("%s.ParseNumber(%q) = %d, %d, %v, %v; want %d, %d, %v, %v",
				tt.lang, tt.words, value, n, ordinal, ok, tt.value, tt.n, tt.ordinal, tt.ok)
		}
	}
}

func TestNumber(t *testing.T) {
	r := mustLoad(t)
	tests := []struct {
		lang, word string
		want       Number
		ok         bool
	}{
		{"en", "Three", Number{Value: 3}, true},
		{"fr", "troisième", Number{Value: 3, Ordinal: true}, true},
		{"fr", "et", Number{}, false}, // a conjunction is not a number
		{"de", "Dreißig", Number{Value: 30}, true},
		{"de", "dreissig", Number{Value: 30}, true},
		{"hu", "száz", Number{Value: 100}, true},
		{"ru", "тысяча", Number{Value: 1000}, true},
		{"en", "Albania", Number{}, false},
	}
	for _, tt := range tests {
		got, ok := mustGet(t, r, tt.lang).Number(tt.word)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s.Number(%q) = %+v, %v; want %+v, %v", tt.lang, tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMessagesComplete(t *testing.T) {
	r := mustLoad(t)
	en := mustGet(t, r, "en")
	required := []string{"answer_label", "quote_label", "source_label", "paragraph_label", "not_in_article",
		"closest_sentences", "yes", "no", "help_text", "unsupported_language", "empty_question",
		"question_too_long", "invalid_input", "rate_limited", "internal_error", "timeline_title",
		"timeline_empty", "source_title", "greeting", "thanks_reply", "capabilities", "clarify_which",
		"choice_first", "choice_second", "more_label", "no_more", "prompt", "goodbye"}
	for _, id := range required {
		if !en.HasMessage(id) {
			t.Errorf("en has no message %q", id)
		}
	}
	for _, l := range r.Languages() {
		for _, id := range en.MessageIDs() {
			text, ok := l.messages[id]
			if !ok || text == "" {
				t.Errorf("%s has no message %q", l.Code, id)
				continue
			}
			if got, want := placeholders(text), placeholders(en.messages[id]); !slices.Equal(got, want) {
				t.Errorf("%s message %q has placeholders %v, want %v", l.Code, id, got, want)
			}
			if l.Code != "en" && id != "source_label" && id != "no" && id != "article_label" && text == en.messages[id] && len(text) > 12 {
				t.Errorf("%s message %q is the English text %q", l.Code, id, text)
			}
		}
		if got, want := len(l.MessageIDs()), len(en.MessageIDs()); got != want {
			t.Errorf("%s has %d messages, en has %d", l.Code, got, want)
		}
	}
}

func TestMessage(t *testing.T) {
	r := mustLoad(t)
	tests := []struct {
		lang, id string
		args     map[string]string
		want     string
	}{
		{"en", "paragraph_label", map[string]string{"n": "3"}, "Paragraph 3"},
		{"hu", "paragraph_label", map[string]string{"n": "3"}, "3. bekezdés"},
		{"fr", "clarify_which", map[string]string{"first": "Rama", "second": "Pence"}, "Vous voulez dire Rama ou Pence ?"},
		{"en", "paragraph_label", nil, "Paragraph {n}"},
		{"en", "no_such_message", nil, "no_such_message"},
		{"de", "yes", nil, "Ja"},
	}
	for _, tt := range tests {
		if got := mustGet(t, r, tt.lang).Message(tt.id, tt.args); got != tt.want {
			t.Errorf("%s.Message(%q, %v) = %q, want %q", tt.lang, tt.id, tt.args, got, tt.want)
		}
	}
}

func TestExpand(t *testing.T) {
	tests := []struct {
		tmpl string
		args map[string]string
		want string
	}{
		{"{a} and {b}", map[string]string{"a": "1", "b": "2"}, "1 and 2"},
		{"{a} and {a}", map[string]string{"a": "x"}, "x and x"},
		{"{missing}", map[string]string{"a": "x"}, "{missing}"},
		{"{not a name} {a}", map[string]string{"a": "x", "not a name": "y"}, "{not a name} x"},
		{"unclosed {a", map[string]string{"a": "x"}, "unclosed {a"},
		{"{a}", map[string]string{"a": "{b}", "b": "no"}, "{b}"},
	}
	for _, tt := range tests {
		if got := expand(tt.tmpl, tt.args); got != tt.want {
			t.Errorf("expand(%q, %v) = %q, want %q", tt.tmpl, tt.args, got, tt.want)
		}
	}
}

// minimal returns the files of a small valid language xx.
func minimal() fstest.MapFS {
	return fstest.MapFS{
		"data/en/meta.json":      {Data: []byte(`{"code":"en","name":"English","english":"English","stemmer":"english","locales":["en-US"]}`)},
		"data/en/stopwords.txt":  {Data: []byte("# comment\nthe\na\n")},
		"data/en/questions.tsv":  {Data: []byte("when\twhen\nhow many\thow_many\ndid\tyes_no\tstart\n")},
		"data/en/messages.json":  {Data: []byte(`{"hello":"Hello {name}","bye":"Bye"}`)},
		"data/xx/meta.json":      {Data: []byte(`{"code":"xx","name":"Xx","english":"Xish","stemmer":"none","locales":["xx-XX"]}`)},
		"data/xx/stopwords.txt":  {Data: []byte("le\n")},
		"data/xx/questions.tsv":  {Data: []byte("kan\twhen\n")},
		"data/xx/messages.json":  {Data: []byte(`{"hello":"Hallo {name}","bye":"Doei"}`)},
		"data/other/zz.txt":      {Data: []byte("zzz zzz\n")},
		"data/other/README.md":   {Data: []byte("not a profile")},
		"data/xx/numbers.tsv":    {Data: []byte("een\t1\n")},
		"data/xx/translit.tsv":   {Data: []byte("ж\tzh|j\n")},
		"data/xx/langid.txt":     {Data: []byte("kan le zee\n")},
		"data/xx/lexicon.tsv":    {Data: []byte("# word<TAB>english\nzee\tsea|ocean\nzee\tsea\nde zee\tthe sea\n")},
		"data/xx/places.tsv":     {Data: []byte("Tiranë\tTirana\n")},
		"data/xx/orgs.tsv":       {Data: []byte("NAVO\tNATO|North Atlantic Treaty Organization\n")},
		"data/xx/time.json":      {Data: []byte(`{"months":["jan"]}`)},
		"data/en/unrelated.file": {Data: []byte("ignored")},
	}
}

func TestLoadMinimal(t *testing.T) {
	r, err := Load(minimal())
	if err != nil {
		t.Fatalf("Load(minimal) = %v", err)
	}
	xx := mustGet(t, r, "xx")
	if got := xx.Stem("Zeeën"); got != "zeeën" {
		t.Errorf("none stemmer: Stem(%q) = %q, want %q", "Zeeën", got, "zeeën")
	}
	if got, _ := xx.Lexicon().Lookup("Zee"); !slices.Equal(got, []string{"sea", "ocean"}) {
		t.Errorf("Lexicon().Lookup(%q) = %q, want [sea ocean]", "Zee", got)
	}
	if v, n, ok := xx.Lexicon().Match([]string{"de", "zee", "is"}); !ok || n != 2 || !slices.Equal(v, []string{"the sea"}) {
		t.Errorf("Lexicon().Match(de zee is) = %q, %d, %v; want [the sea], 2, true", v, n, ok)
	}
	if got, ok := xx.Places().Lookup("tirane"); !ok || !slices.Equal(got, []string{"Tirana"}) {
		t.Errorf("Places().Lookup(%q) = %q, %v; want [Tirana]", "tirane", got, ok)
	}
	if got, _ := xx.Orgs().Lookup("navo"); !slices.Equal(got, []string{"NATO", "North Atlantic Treaty Organization"}) {
		t.Errorf("Orgs().Lookup(%q) = %q", "navo", got)
	}
	if got := xx.Transliterate("Жаба"); got != "zhаба" {
		t.Errorf("Transliterate(%q) = %q, want %q", "Жаба", got, "zhаба")
	}
	en := mustGet(t, r, "en")
	if en.Lexicon().Len() != 0 || en.Places().Len() != 0 {
		t.Errorf("en without lexicon or places: Lexicon().Len() = %d, Places().Len() = %d",
			en.Lexicon().Len(), en.Places().Len())
	}
	if _, ok := r.others["zz"]; !ok || len(r.others) != 1 {
		t.Errorf("unsupported-language profiles = %v, want just zz", len(r.others))
	}
	if l, ok := r.ForLocale("xx-XX"); !ok || l != xx {
		t.Errorf("ForLocale(%q) = %v, %v; want xx", "xx-XX", l, ok)
	}
}

func TestLoadErrors(t *testing.T) {
	type where struct {
		Path string
		Line int
	}
	tests := []struct {
		name   string
		change fstest.MapFS
		want   []where
		// loaded is whether language xx survives the errors.
		loaded bool
	}{
		{"unknown kind", fstest.MapFS{"data/xx/questions.tsv": {Data: []byte("kan\twhen\nwie\twho\nwat\twaht\n")}},
			[]where{{"data/xx/questions.tsv", 3}}, true},
		{"bad start flag", fstest.MapFS{"data/xx/questions.tsv": {Data: []byte("kan\twhen\tbegin\n")}},
			[]where{{"data/xx/questions.tsv", 1}}, true},
		{"conflicting phrase", fstest.MapFS{"data/xx/questions.tsv": {Data: []byte("kan\twhen\nKan\twho\n")}},
			[]where{{"data/xx/questions.tsv", 2}}, true},
		{"unknown stemmer", fstest.MapFS{"data/xx/meta.json": {Data: []byte(`{"code":"xx","name":"Xx","english":"Xish","stemmer":"klingon"}`)}},
			[]where{{"data/xx/meta.json", 0}}, false},
		{"code mismatch", fstest.MapFS{"data/xx/meta.json": {Data: []byte(`{"code":"yy","name":"Xx","english":"Xish","stemmer":"none"}`)}},
			[]where{{"data/xx/meta.json", 0}}, false},
		{"unknown meta field", fstest.MapFS{"data/xx/meta.json": {Data: []byte(`{"code":"xx","name":"Xx","english":"Xish","stemmer":"none","stemer":"x"}`)}},
			[]where{{"data/xx/meta.json", 0}}, false},
		{"missing message", fstest.MapFS{"data/xx/messages.json": {Data: []byte(`{"hello":"Hallo {name}"}`)}},
			[]where{{"data/xx/messages.json", 0}}, true},
		{"placeholder mismatch and extra id", fstest.MapFS{"data/xx/messages.json": {Data: []byte(`{"hello":"Hallo {naam}","bye":"Doei","extra":"x"}`)}},
			[]where{{"data/xx/messages.json", 0}, {"data/xx/messages.json", 0}}, true},
		{"missing required file", fstest.MapFS{"data/xx/stopwords.txt": nil},
			[]where{{"data/xx/stopwords.txt", 0}}, true},
		{"bad number", fstest.MapFS{"data/xx/numbers.tsv": {Data: []byte("een\t1\ntwee\ttwo\ndrie\t3\tordinaal\n")}},
			[]where{{"data/xx/numbers.tsv", 2}, {"data/xx/numbers.tsv", 3}}, true},
		{"bad lexicon line", fstest.MapFS{"data/xx/lexicon.tsv": {Data: []byte("zee\tsea\nlonely\n")}},
			[]where{{"data/xx/lexicon.tsv", 2}}, true},
		{"duplicate locale", fstest.MapFS{"data/xx/meta.json": {Data: []byte(`{"code":"xx","name":"Xx","english":"Xish","stemmer":"none","locales":["en-US"]}`)}},
			[]where{{"data/xx/meta.json", 0}}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimal()
			for name, f := range tt.change {
				if f == nil {
					delete(fsys, name)
					continue
				}
				fsys[name] = f
			}
			r, err := Load(fsys)
			var list ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Load() error = %v, want an ErrorList", err)
			}
			var got []where
			for _, e := range list {
				got = append(got, where{e.Path, e.Line})
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Load() errors mismatch (-want +got):\n%s\nerrors: %v", diff, list)
			}
			if _, ok := r.Get("xx"); ok != tt.loaded {
				t.Errorf("after errors, Get(xx) found = %v, want %v", ok, tt.loaded)
			}
			if _, ok := r.Get("en"); !ok {
				t.Errorf("a problem in xx lost en too")
			}
		})
	}
}

func TestLoadNoData(t *testing.T) {
	r, err := Load(fstest.MapFS{})
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(empty) error = %v, want fs.ErrNotExist", err)
	}
	if r == nil || len(r.Languages()) != 0 {
		t.Errorf("Load(empty) registry = %v, want an empty registry", r)
	}
}

func TestErrorListErr(t *testing.T) {
	var l ErrorList
	if err := l.Err(); err != nil {
		t.Errorf("empty ErrorList.Err() = %v, want nil", err)
	}
	l.Add("data/xx/a.tsv", 3, errors.New("bad"))
	l.Add("data/xx/a.tsv", 1, errors.New("worse"))
	l.Sort()
	if l[0].Line != 1 {
		t.Errorf("after Sort, first error is line %d, want 1", l[0].Line)
	}
	if err := l.Err(); err == nil {
		t.Errorf("ErrorList with 2 errors: Err() = nil")
	}
}

func FuzzStem(f *testing.F) {
	r := mustLoad(f)
	for _, s := range []string{"relations", "Beziehungen", "отношения", "támadások", "a\xffb", "ёёё", "'''", "ßßß", "İİİ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		for _, l := range r.Languages() {
			l.Stem(word) // must not panic on any input
		}
	})
}

// TestEmbeddedGlossesClean checks every line of the embedded bilingual
// tables as Load checks other data's: Load skips that for the embedded
// data, so a bad line must fail here.
func TestEmbeddedGlossesClean(t *testing.T) {
	var errs ErrorList
	n := 0
	for _, l := range mustLoad(t).Languages() {
		for _, base := range glossFiles {
			p := "data/" + l.Code + "/" + base
			data, err := fs.ReadFile(Data, p)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			checkGlosses(data, p, &errs)
			n++
		}
	}
	if n == 0 {
		t.Fatal("no embedded bilingual table checked")
	}
	if err := errs.Err(); err != nil {
		t.Errorf("the embedded bilingual tables have lines Load would report: %v", err)
	}
}
