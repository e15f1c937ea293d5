// Package gencorpus writes corpora of invented news articles of any size,
// for benchmarks that measure how qabot scales: 10,000 articles that are
// not copies of one another, with names, places, organisations, numbers
// and dates drawn afresh for each, in English, French, German and Spanish
// (about seven English articles in ten, as a multilingual server would
// hold), and questions whose answer is one known sentence.
//
// Everything is invented: the names are made of syllables, and no article
// says anything true. The same size and seed give the same corpus.
//
//	go run ./internal/gencorpus/write -n 1000 -out /tmp/corpus1000
package gencorpus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing/fstest"
)

// An Article is one generated page: a title line, a blank line, and
// paragraphs separated by blank lines, as a scraped page reads.
type Article struct {
	Name string // file name, "00042-en.txt"
	Lang string
	Text string
}

// A Question is asked about a generated article and answered by one of its
// sentences, quoted exactly in Gold.
type Question struct {
	Lang, Text, Gold, Article string
}

// A Corpus is the generated articles and questions about them.
type Corpus struct {
	Articles  []Article
	Questions []Question
}

// FS returns the articles as a file system for corpus.Load and qa.Load.
func (c *Corpus) FS() fstest.MapFS {
	fs := fstest.MapFS{}
	for _, a := range c.Articles {
		fs[a.Name] = &fstest.MapFile{Data: []byte(a.Text), Mode: 0o644}
	}
	return fs
}

// Sentences per article: a title and eight paragraphs of three.
const paragraphs, perParagraph = 8, 3

// Generate returns n articles and up to perArticle questions about each,
// from seed. The size seeds the draw too, so corpora of two sizes share
// no article; First gives corpora that grow one from another.
func Generate(n int, seed uint64, perArticle int) *Corpus {
	return generate(n, rand.NewPCG(seed, uint64(n)), perArticle)
}

// First returns the first n articles of the corpus that seed draws without
// end, and up to perArticle questions about each: First(n) begins with
// First(m) for every m below n, articles and questions alike, so that a
// benchmark over several sizes asks the same questions at every size.
func First(n int, seed uint64, perArticle int) *Corpus {
	return generate(n, rand.NewPCG(seed, firstStream), perArticle)
}

// firstStream is First's second seed of the generator, where Generate
// puts the corpus size.
const firstStream = 1<<64 - 1

func generate(n int, src rand.Source, perArticle int) *Corpus {
	g := &gen{r: rand.New(src)}
	c := &Corpus{}
	for i := range n {
		l := languages[0]
		if x := g.r.IntN(100); x >= 70 {
			l = languages[1+(x-70)/10]
		}
		a, qs := g.article(i, l, perArticle)
		c.Articles = append(c.Articles, a)
		c.Questions = append(c.Questions, qs...)
	}
	return c
}

type gen struct{ r *rand.Rand }

func (g *gen) pick(s []string) string { return s[g.r.IntN(len(s))] }

// word makes a name-like word of 2 or 3 syllables.
func (g *gen) word() string {
	var b strings.Builder
	for range 2 + g.r.IntN(2) {
		b.WriteString(g.pick(onsets))
		b.WriteString(g.pick(vowels))
	}
	b.WriteString(g.pick(codas))
	w := b.String()
	return strings.ToUpper(w[:1]) + w[1:]
}

func (g *gen) person() string { return g.word() + " " + g.word() }
func (g *gen) place() string  { return g.word() + g.pick(placeEnds) }

// facts are the slot values of one article: its main place, person and
// organisation recur, as the subject of a story does.
type facts struct {
	place, place2, city, person, person2, org string
	role, thing                               int // indices into the language's lists
}

func (g *gen) article(i int, l *language, perArticle int) (Article, []Question) {
	// The story is about one town; once every template has been used, it
	// goes on about a neighbouring one, so that no two sentences say
	// different things about the same subject.
	rounds := (paragraphs*perParagraph + len(l.sentences) - 1) / len(l.sentences)
	all := make([]facts, rounds)
	for r := range all {
		f := facts{place: g.place(), place2: g.place(), city: g.place(), person: g.person(), person2: g.person(), role: g.r.IntN(len(l.roles)), thing: g.r.IntN(len(l.things))}
		f.org = fmt.Sprintf(l.orgPattern, f.place, g.pick(l.orgKinds))
		all[r] = f
	}
	f := all[0]
	var (
		b     strings.Builder
		qs    []Question
		name  = fmt.Sprintf("%05d-%s.txt", i, l.code)
		order = g.r.Perm(len(l.sentences))
	)
	fmt.Fprintf(&b, l.title+"\n\n", f.place, l.things[f.thing])
	k := 0
	for p := range paragraphs {
		if p > 0 {
			b.WriteString("\n\n")
		}
		for s := range perParagraph {
			t := l.sentences[order[k%len(order)]]
			text, q := t(g, l, &all[k/len(order)])
			k++
			if s > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(text)
			// A template's second use in an article says the same thing
			// with other values: only its first can be asked about.
			if q != "" && k <= len(order) && len(qs) < perArticle {
				qs = append(qs, Question{Lang: l.code, Text: q, Gold: text, Article: name})
			}
		}
	}
	b.WriteString("\n")
	return Article{Name: name, Lang: l.code, Text: b.String()}, qs
}

// number writes n with the language's thousands separator.
func number(l *language, n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + l.thousands + s[i:]
	}
	return s
}

func (g *gen) year() int  { return 1950 + g.r.IntN(75) }
func (g *gen) count() int { return 2 + g.r.IntN(40)*g.pickInt(1, 10, 100, 1000) }

func (g *gen) pickInt(v ...int) int { return v[g.r.IntN(len(v))] }

func (g *gen) date(l *language) string {
	return fmt.Sprintf(l.datePattern, 1+g.r.IntN(28), l.months[g.r.IntN(12)], g.year())
}

// A template writes a sentence from the article's facts and fresh values,
// and the question it answers ("" for none).
type template func(g *gen, l *language, f *facts) (sentence, question string)

type language struct {
	code, title, orgPattern, datePattern, thousands string
	months, roles, things, orgKinds                 []string
	sentences                                       []template
}

var (
	onsets    = []string{"b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kl", "st", "tr", "sk"}
	vowels    = []string{"a", "e", "i", "o", "u", "a", "e", "ai", "ou", "ei"}
	codas     = []string{"", "", "n", "r", "s", "l", "k", "th", "m"}
	placeEnds = []string{"by", "stad", "ville", "ton", "burg", "ia", "holm", "mouth", "ford", "era"}
)

var languages = []*language{english, french, german, spanish}

var english = &language{
	code: "en", title: "%s %s plan draws crowds and criticism", orgPattern: "%s %s", datePattern: "%d %s %d", thousands: ",",
	months:   []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	roles:    []string{"mayor", "director", "chairwoman", "spokesman", "minister", "governor"},
	things:   []string{"bridge", "harbour", "stadium", "library", "railway", "hospital", "museum", "power plant"},
	orgKinds: []string{"Water Authority", "Transport Board", "Chamber of Commerce", "Farmers' Union", "Port Company", "Heritage Trust"},
	sentences: []template{
		func(g *gen, l *language, f *facts) (string, string) {
			y := g.year()
			return fmt.Sprintf("%s was elected %s of %s in %d with %d percent of the vote.", f.person, l.roles[f.role], f.place, y, 30+g.r.IntN(60)),
				fmt.Sprintf("When was %s elected %s of %s?", f.person, l.roles[f.role], f.place)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("%s has a population of %s people, according to the %s.", f.place, number(l, g.count()*37), f.org),
				fmt.Sprintf("How many people live in %s?", f.place)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("The agreement between %s and %s was signed in %s on %s.", f.place, f.place2, f.city, g.date(l)),
				fmt.Sprintf("Where was the agreement between %s and %s signed?", f.place, f.place2)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("The new %s in %s cost %s million dollars and took %d years to build.", l.things[f.thing], f.place, number(l, g.count()), 2+g.r.IntN(12)),
				fmt.Sprintf("How much did the new %s in %s cost?", l.things[f.thing], f.place)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("Officials said %d people were injured when part of the old %s collapsed on %s.", 2+g.r.IntN(90), l.things[g.r.IntN(len(l.things))], g.date(l)),
				""
		},
		func(g *gen, l *language, f *facts) (string, string) {
			y := g.year()
			return fmt.Sprintf("The %s, founded in %d, employs %s workers in %d countries.", f.org, y, number(l, g.count()), 2+g.r.IntN(30)),
				fmt.Sprintf("When was the %s founded?", f.org)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("%q, %s told reporters, adding that work would resume in %s.", "We will not give up", f.person2, l.months[g.r.IntN(12)]),
				""
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("According to %s, the %s will open before %s %d.", f.person, l.things[f.thing], l.months[g.r.IntN(12)], 2025+g.r.IntN(10)),
				fmt.Sprintf("When will the %s of %s open?", l.things[f.thing], f.place)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("Residents of %s protested outside the town hall for %d days.", f.place2, 2+g.r.IntN(20)),
				fmt.Sprintf("How long did residents of %s protest?", f.place2)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("The decision drew criticism from the %s and from %s.", f.org, f.person2), ""
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("Prices in %s rose by %d.%d percent last year, the highest rate since %d.", f.city, 1+g.r.IntN(15), g.r.IntN(10), g.year()),
				fmt.Sprintf("By how much did prices rise in %s?", f.city)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("Work on the site continued through the winter despite heavy snow in %s.", l.months[g.r.IntN(12)]), ""
		},
	},
}

var french = &language{
	code: "fr", title: "%s : le projet de %s divise les habitants", orgPattern: "%[2]s de %[1]s", datePattern: "%d %s %d", thousands: " ",
	months:   []string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	roles:    []string{"maire", "directeur", "présidente", "porte-parole", "ministre", "préfet"},
	things:   []string{"pont", "port", "stade", "bibliothèque", "gare", "hôpital", "musée", "barrage"},
	orgKinds: []string{"Régie des eaux", "Chambre de commerce", "Syndicat agricole", "Office du tourisme"},
	sentences: []template{
		func(g *gen, l *language, f *facts) (string, string) {
			y := g.year()
			return fmt.Sprintf("%s a été élu %s de %s en %d avec %d %% des voix.", f.person, l.roles[f.role], f.place, y, 30+g.r.IntN(60)),
				fmt.Sprintf("Quand %s a-t-il été élu %s de %s ?", f.person, l.roles[f.role], f.place)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("%s compte %s habitants, selon la %s.", f.place, number(l, g.count()*37), f.org),
				fmt.Sprintf("Combien d'habitants compte %s ?", f.place)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("L'accord entre %s et %s a été signé à %s le %s.", f.place, f.place2, f.city, g.date(l)),
				fmt.Sprintf("Où l'accord entre %s et %s a-t-il été signé ?", f.place, f.place2)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("Le nouveau %s de %s a coûté %s millions d'euros.", l.things[f.thing], f.place, number(l, g.count())),
				fmt.Sprintf("Combien a coûté le nouveau %s de %s ?", l.things[f.thing], f.place)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("Les habitants de %s ont manifesté devant la mairie pendant %d jours.", f.place2, 2+g.r.IntN(20)), ""
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("La décision a été critiquée par %s.", f.person2), ""
		},
	},
}

var german = &language{
	code: "de", title: "%s: Streit um den Bau von %s", orgPattern: "%[2]s %[1]s", datePattern: "%d. %s %d", thousands: ".",
	months:   []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	roles:    []string{"Bürgermeister", "Direktor", "Vorsitzende", "Sprecher", "Minister", "Landrat"},
	things:   []string{"Brücke", "Hafen", "Stadion", "Bibliothek", "Bahnhof", "Krankenhaus", "Museum", "Kraftwerk"},
	orgKinds: []string{"Wasserverband", "Handelskammer", "Bauernverband", "Hafengesellschaft"},
	sentences: []template{
		func(g *gen, l *language, f *facts) (string, string) {
			y := g.year()
			return fmt.Sprintf("%s wurde %d mit %d Prozent der Stimmen zum %s von %s gewählt.", f.person, y, 30+g.r.IntN(60), l.roles[f.role], f.place),
				fmt.Sprintf("Wann wurde %s zum %s von %s gewählt?", f.person, l.roles[f.role], f.place)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("%s hat nach Angaben des %s %s Einwohner.", f.place, f.org, number(l, g.count()*37)),
				fmt.Sprintf("Wie viele Einwohner hat %s?", f.place)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("Das Abkommen zwischen %s und %s wurde am %s in %s unterzeichnet.", f.place, f.place2, g.date(l), f.city),
				fmt.Sprintf("Wo wurde das Abkommen zwischen %s und %s unterzeichnet?", f.place, f.place2)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("Der Bau in %s kostete %s Millionen Euro.", f.place, number(l, g.count())), ""
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("Die Entscheidung wurde von %s kritisiert.", f.person2), ""
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("Die Arbeiten gingen trotz starken Schneefalls im %s weiter.", l.months[g.r.IntN(12)]), ""
		},
	},
}

var spanish = &language{
	code: "es", title: "%s: polémica por el nuevo %s", orgPattern: "%[2]s de %[1]s", datePattern: "%d de %s de %d", thousands: ".",
	months:   []string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"},
	roles:    []string{"alcalde", "director", "presidenta", "portavoz", "ministro", "gobernador"},
	things:   []string{"puente", "puerto", "estadio", "hospital", "museo", "aeropuerto"},
	orgKinds: []string{"Autoridad del Agua", "Cámara de Comercio", "Sindicato Agrícola", "Compañía Portuaria"},
	sentences: []template{
		func(g *gen, l *language, f *facts) (string, string) {
			y := g.year()
			return fmt.Sprintf("%s fue elegido %s de %s en %d con el %d %% de los votos.", f.person, l.roles[f.role], f.place, y, 30+g.r.IntN(60)),
				fmt.Sprintf("¿Cuándo fue elegido %s %s de %s?", f.person, l.roles[f.role], f.place)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("%s tiene %s habitantes, según la %s.", f.place, number(l, g.count()*37), f.org),
				fmt.Sprintf("¿Cuántos habitantes tiene %s?", f.place)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("El acuerdo entre %s y %s se firmó en %s el %s.", f.place, f.place2, f.city, g.date(l)),
				fmt.Sprintf("¿Dónde se firmó el acuerdo entre %s y %s?", f.place, f.place2)
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("El nuevo %s de %s costó %s millones de euros.", l.things[f.thing], f.place, number(l, g.count())), ""
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("La decisión fue criticada por %s.", f.person2), ""
		},
		func(g *gen, l *language, f *facts) (string, string) {
			return fmt.Sprintf("Los vecinos de %s protestaron frente al ayuntamiento durante %d días.", f.place2, 2+g.r.IntN(20)), ""
		},
	},
}
