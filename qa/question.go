package qa

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

// A query is a question analysed for retrieval: its kind, and its content
// words as groups of ways to say each of them in the articles' language.
type query struct {
	text string
	lang *lang.Language // the language the question is written in
	// out is the language of the reply when the user chose one
	// (Question.Reply); nil replies in lang. Read it through reply().
	out *lang.Language
	// target is the language of the articles the words are said in
	// (a merged query: of the commonest one).
	target *analyzer
	kind   Kind
	toks   []lang.Token
	group  []termGroup
	// focus holds the stems of the words right after the question phrase
	// ("how many PEOPLE", "which COUNTRY"): what the answer must be.
	focus map[string]bool
	// focusWord is the first focus word as the question writes it,
	// folded: "year" of "in what year", "país" of "¿qué país?".
	focusWord string
	// focusNext is set when the focus word stands right after the
	// question phrase ("what GOVERNMENT did ..."), unset when a word
	// without a stem stands between ("what did INTERNET portals remove"):
	// that word is mostly an auxiliary verb, and the focus the subject of
	// the question, not the kind of thing it asks for.
	focusNext bool
	// phrase is the question phrase that decided the kind, folded, its
	// words joined by "_" ("in_what_year"), and after the word after it as
	// the span features see words ("did", "<w>"); "" for none.
	phrase, after string
	// whAt is the index in toks of the first word of the question phrase
	// that decided the kind, -1 when none: the question's words before it
	// stand before the answer in a sentence that says the same in the
	// same order ("a tax ON WHAT was lifted?": "a tax on [imports]").
	whAt int
	// prepBefore is the stop word right before the question phrase,
	// folded ("on" of "a tax on what"), and prepIn the phrase's first word
	// when it is a stop word and the phrase has more ("in" of "in what
	// year"): the word a sentence may write before the answer. "" for none.
	prepBefore, prepIn string
	// mentioned holds every English stem the question used, so an answer
	// never just repeats the question ("who is Anna Kovac?" is not "Anna Kovac").
	mentioned map[string]bool
	numbers   []string // numbers written in the question, as digits
	// class is the kind of name a class noun right after the question
	// phrase asks for ("which COUNTRY", "what American OFFICIAL");
	// hasClass is unset when there is none.
	class    corpus.NameKind
	hasClass bool
	// fromFrame holds the words a follow-up takes from the conversation's
	// frame that its text does not say ("harbour", "reopen" for "when
	// did that happen?"), as they were first written: the question
	// the engine answers is the text with them (resolvedRunes).
	fromFrame []string
}

// resolvedRunes is the length in runes of the question the engine
// answers: a standalone question's text, or a follow-up's with the frame's
// words it stands for, so that the calibration, fitted on standalone
// questions, does not read "when?" as a short, vague question.
func (q *query) resolvedRunes() int {
	n := utf8.RuneCountInString(q.text)
	for _, w := range q.fromFrame {
		n += 1 + utf8.RuneCountInString(w)
	}
	return n
}

// reply returns the language to write the answer in: dates, numbers,
// yes and no.
func (q *query) reply() *lang.Language {
	if q.out != nil {
		return q.out
	}
	return q.lang
}

// A termGroup is one content word (or phrase) of the question with its
// alternatives; a sentence scores the best alternative it contains.
type termGroup struct {
	surface string
	alts    []alt
	idf     float64 // how much the group weighs in coverage
	unknown bool    // nothing the engine knows matched the word
	at, n   int     // the tokens of the question it reads: toks[at:at+n]
}

// reads reports whether the group reads the token at at, as the group of
// another reading of the question starting there: a group of no token
// (n 0) reads its own.
func (g *termGroup) reads(at int) bool { return at >= g.at && at < g.at+max(g.n, 1) }

// Weights of alternatives by where they come from.
const (
	weightExact      = 1.0
	weightTranslated = 1.0
	weightCorrected  = 0.9 // a misspelling put right
	weightSynonym    = 0.6
	weightCognate    = 0.8 // a foreign word spelt almost like an article word
	weightCompound   = 0.6 // "attack" for "cyberattack"
	weightOpposite   = 0.7 // "failed" for "succeed", in yes/no questions
	weightUnknown    = 0.6 // share of coverage an unknown foreign word costs
)

// parse analyses a question written in l for the articles: in their
// language, or, when they are in several, in each of them (mergeQueries).
// What does not depend on the articles' language (its words, their stems,
// its question phrases) is read once for all of them, and the readings
// gather the stems the question used in one set.
func (e *Engine) parse(text string, l *lang.Language) *query {
	w := e.readWords(text, l)
	if len(e.articleLangs) <= 1 {
		q := e.parseFor(text, l, e.article, w)
		q.mentioned = mentionedIn(q)
		return q
	}
	qs := make([]*query, len(e.articleLangs))
	for i, code := range e.articleLangs {
		qs[i] = e.parseFor(text, l, e.analyzers[code], w)
	}
	mentioned := mentionedIn(qs...)
	q := mergeQueries(qs)
	q.mentioned = mentioned
	return q
}

// mentionedIn returns the stems the readings qs of a question use: of
// every alternative of their words but the opposites a yes/no question
// adds (addOpposites), which the question does not say. The set is made
// once, at the size of what it may hold: filled reading by reading, it
// grew and rehashed several times for a question read in four languages,
// a tenth of reading it over BenchmarkScale's 100 articles.
func mentionedIn(qs ...*query) map[string]bool {
	n := 0
	for _, q := range qs {
		for _, g := range q.group {
			for _, a := range g.alts {
				n += len(a.stems)
			}
		}
	}
	mentioned := make(map[string]bool, n)
	for _, q := range qs {
		for _, g := range q.group {
			for _, a := range g.alts {
				if a.opposite {
					continue
				}
				for _, s := range a.stems {
					mentioned[s] = true
				}
			}
		}
	}
	return mentioned
}

// questionWords is what a question written in l is read as before the
// articles' language matters: its tokens, folded and stemmed in l, and
// its question phrases. parseFor reads it and never writes it.
type questionWords struct {
	toks          []lang.Token
	folded, stems []string
	phrases       []lang.QuestionMatch
	// memo keeps what the readings find of a word alike (wordMemo).
	memo *wordMemo
}

func (e *Engine) readWords(text string, l *lang.Language) questionWords {
	w := questionWords{toks: lang.Tokens(text), memo: &wordMemo{}}
	w.folded = make([]string, len(w.toks))
	for i, t := range w.toks {
		w.folded[i] = lang.Fold(t.Text)
	}
	an := e.analyzers[l.Code]
	w.stems = make([]string, len(w.toks))
	for i, t := range w.toks {
		w.stems[i] = an.stem(t.Text)
	}
	w.phrases = l.QuestionPhrases(text)
	return w
}

// parseFor analyses a question written in l, read as w, for articles in
// the language of target: its words become ways to say them in that
// language. It leaves the query's mentioned to its caller (mentionedIn).
func (e *Engine) parseFor(text string, l *lang.Language, target *analyzer, w questionWords) *query {
	q := &query{text: text, lang: l, target: target, focus: map[string]bool{}}
	q.toks = w.toks
	folded, stems := w.folded, w.stems
	an := e.analyzers[l.Code]

	table := e.synonymsOf(target)
	if lt := e.translation(l, target); lt != nil {
		table = lt.get()
	}
	q.toks, folded, stems = e.splitHyphens(l, target, table, q.toks, folded, stems)
	q.toks, folded, stems = e.joinSeparable(l, target, table, w.phrases, q.toks, folded, stems)
	q.toks, folded, stems = e.splitCompounds(l, target, table, q.toks, folded, stems)

	skip := make([]bool, len(q.toks))
	focusAt := -1
	q.whAt = -1
	for _, m := range w.phrases {
		k := m.Kind
		// The first question phrase decides, except that a later one that
		// asks what something stands for ("what does ACT stand for") or
		// a question word after a yes/no opener ("do you know WHEN") is
		// more telling; a word that is also a conjunction is not ("igaz
		// hogy ..., hogy ...": "is it true that ..., that ...").
		if q.kind == "" || q.kind == KindYesNo && k != KindYesNo && !m.StartOnly || k == KindDefine {
			q.kind = k
			q.phrase, q.after = phraseWords(q.toks, folded, an, m.Start, m.End)
			q.whAt, q.prepBefore, q.prepIn = phrasePlace(q.toks, folded, an, m.Start, m.End)
		}
		for i, t := range q.toks {
			if t.Start >= m.Start && t.End <= m.End {
				// "combien coûte", "wie viel kostet": a how-much phrase
				// may hold the verb that says what is measured; it stays a
				// word of the question when the articles use it.
				if k == KindHowMuch && t.Start > m.Start && !an.isStop(folded[i]) && e.phraseWordKnown(l, target, stems[i]) {
					continue
				}
				skip[i] = true
				if focusAt <= i {
					focusAt = i + 1
				}
			}
		}
	}
	if q.kind == "" {
		// A question with no question word is a yes/no question in every
		// language qabot speaks ("les moudjahidines ont revendiqué
		// l'attentat ?", "ligger byen nær Oslo?"); without a question
		// mark it is more likely a topic ("the attack on the port").
		q.kind = KindWhat
		if strings.HasSuffix(strings.TrimSpace(text), "?") {
			q.kind = KindYesNo
		}
	}

	for i := 0; i < len(q.toks); {
		if skip[i] {
			i++
			continue
		}
		g, n := e.group(q, l, table, w.memo, q.toks, folded, stems, i)
		if n == 0 {
			i++
			continue
		}
		if i == focusAt || i == focusAt+1 && len(q.group) == 0 {
			if q.focusWord == "" {
				q.focusWord = folded[i]
				q.focusNext = i == focusAt
			}
			for _, a := range g.alts {
				for _, s := range a.stems {
					q.focus[s] = true
				}
			}
		}
		if focusAt >= 0 && i >= focusAt && i < focusAt+maxClassOffset && !q.hasClass && len(g.alts) > 0 &&
			(q.kind != KindWhat || !stopSince(skip, folded, an, focusAt, i)) {
			q.class, q.hasClass = e.cues.class(g.alts[0].stems)
		}
		g.at, g.n = i, n
		q.group = append(q.group, g)
		i += n
	}
	if q.kind == KindYesNo {
		e.addOpposites(q)
	}
	if (q.kind == KindWho || q.kind == KindWhat) && e.onlyNames(q) {
		// "who is Anna Kovac?", "what is the WMO?": a name and nothing
		// else asks what the name is.
		q.kind = KindDefine
	}
	return q
}

// maxClassOffset is how far after the question phrase a class noun may
// stand: "which COUNTRY", "which US POLITICIAN", "what senior US OFFICIAL".
const maxClassOffset = 3

// stopSince reports whether a stop word stands between the question
// phrase (ending before from) and token i: "what did the minister say"
// asks what was said, not which minister. "Which of the cities" and "the
// name of the city" have no such doubt.
func stopSince(skip []bool, folded []string, an *analyzer, from, i int) bool {
	for k := from; k < i; k++ {
		if skip[k] || an.isStop(folded[k]) {
			return true
		}
	}
	return false
}

// addOpposites lets a yes/no question match the sentence that denies it:
// "did the attack succeed?" is answered by "the attack failed".
func (e *Engine) addOpposites(q *query) {
	for i := range q.group {
		g := &q.group[i]
		n := len(g.alts)
		for _, a := range g.alts[:n] {
			if len(a.stems) != 1 {
				continue
			}
			for _, o := range e.cues.opposites(a.stems[0]) {
				g.alts = append(g.alts, alt{stems: []string{o}, weight: a.weight * weightOpposite, opposite: true})
			}
		}
	}
}

// phraseWordKnown reports whether a word of a question phrase, read as a
// content word, would match the articles: itself, or a translation.
func (e *Engine) phraseWordKnown(l *lang.Language, target *analyzer, stem string) bool {
	lt := e.translation(l, target)
	if lt == nil {
		_, ok := e.idx.termID(stem)
		return ok
	}
	alts, _ := lt.get().match([]string{stem})
	return e.known(alts)
}

// onlyNames reports whether every content word of the question is part of
// a name the corpus knows.
func (e *Engine) onlyNames(q *query) bool {
	if len(q.group) == 0 || len(q.group) > 4 {
		return false
	}
	names := 0
	for _, g := range q.group {
		named := false
		for _, a := range g.alts {
			for _, st := range a.stems {
				named = named || e.idx.nameStems[st]
			}
		}
		switch {
		case named:
			names++
		case g.unknown:
			// A word nothing knows ("egentlig", "é" untranslated) is
			// more likely a filler or a verb than a topic.
		default:
			return false
		}
	}
	return names > 0
}

// group reads the content word or phrase at toks[i] and returns it as a
// term group, with the number of tokens it covers (0 for a word to skip).
func (e *Engine) group(q *query, l *lang.Language, table phraseMatcher, memo *wordMemo, toks []lang.Token, folded, stems []string, i int) (termGroup, int) {
	g := termGroup{surface: toks[i].Text}

	// Numbers, in digits or in words, match digits.
	if toks[i].Kind == lang.TokenNumber {
		d := numberKey(toks[i].Text)
		q.numbers = append(q.numbers, d)
		g.alts = []alt{{stems: []string{d}, weight: weightExact}}
		g.idf = e.groupIDF(g.alts)
		return g, 1
	}

	if isClitic(folded[i]) {
		return g, 0
	}
	alts, n := table.match(stems[i:])
	if l.Code == q.target.l.Code {
		return e.readGroup(q, l, table, memo, toks, folded, stems, i, alts, n, nil)
	}
	return e.groups.read(e, q, l, table, memo, toks, folded, stems, i, alts, n)
}

// readGroup reads the word or phrase at toks[i] that the table matched as
// alts, n tokens long (group). It sets *spanned when the group's surface
// is the question's text over the tokens it reads rather than the token's
// own (groupMemo keeps which).
func (e *Engine) readGroup(q *query, l *lang.Language, table phraseMatcher, memo *wordMemo, toks []lang.Token, folded, stems []string, i int, alts []alt, n int, spanned *bool) (termGroup, int) {
	an := e.analyzers[l.Code]
	en := q.target
	g := termGroup{surface: toks[i].Text}
	native := l.Code == en.l.Code
	var word *memoWord // what the readings find of the word alike
	if !native {
		word = memo.word(toks[i].Text, folded[i], stems[i])
	}
	if !native && n <= 1 && !(an.isStop(folded[i]) && !allUpper(toks[i].Text)) {
		// A name the article uses ("Kovac", "Geneva", "Рама" for
		// "Rama") is that name, even when the question's language also
		// has a word spelt so.
		if st, ok := e.nameSpelt(l, word); ok {
			g.alts = append([]alt{{stems: []string{st}, weight: weightExact}}, alts...)
			g.idf = e.groupIDF(g.alts)
			return g, 1
		}
		if names := e.scriptAltsOf(l, word, true); len(names) > 0 {
			g.alts = append(names, alts...)
			g.idf = e.groupIDF(g.alts)
			return g, 1
		}
		// A capitalised word whose translations the article lacks may be a
		// name it spells a little differently ("Lutero", "Luther"); one
		// edit away only when the word is no word of its own language
		// ("Seven" is not "Северной").
		if i > 0 && !e.known(alts) {
			if names := e.nearNamesOf(l, word, word.nearLimitOf(l)); len(names) > 0 {
				g.alts = append(names, alts...)
				g.idf = e.groupIDF(g.alts)
				return g, 1
			}
		}
	}
	// A single English word takes the native path below, which puts a
	// misspelling right before looking for its synonyms.
	if n > 1 || n == 1 && !native && !an.isStop(folded[i]) {
		if native {
			// The phrase itself, then its synonyms.
			own := alt{weight: weightExact}
			for k := i; k < i+n; k++ {
				if !an.isStop(folded[k]) {
					own.stems = append(own.stems, stems[k])
				}
			}
			g.alts = append(g.alts, own)
			g.alts = append(g.alts, alts...)
		} else {
			// The renderings' synonyms are looked up first, so that the
			// group's alternatives are made once at about their number:
			// grown by appending, a word of a dozen renderings with a
			// dozen synonyms each was copied over and over.
			synonyms := e.synonymsOf(en)
			syns := make([][]alt, len(alts))
			size := 2 * len(alts) // each rendering, and about one variant or compound
			for k, a := range alts {
				if len(a.stems) == 1 {
					syns[k], _ = synonyms.match(a.stems)
					size += len(syns[k]) + len(e.idx.bySuffix[a.stems[0]])
				}
			}
			g.alts = make([]alt, 0, size)
			for k, a := range alts {
				g.alts = append(g.alts, a)
				if len(a.stems) == 1 {
					for _, v := range e.idx.stemVariants(a.stems[0]) {
						g.alts = append(g.alts, alt{stems: []string{v}, weight: a.weight * weightVariant})
					}
					// A rendering's synonyms and compounds weigh as
					// much less as the rendering itself does.
					for _, s := range syns[k] {
						g.alts = append(g.alts, alt{stems: s.stems, weight: a.weight * s.weight * 0.9})
					}
					for _, c := range e.idx.bySuffix[a.stems[0]] {
						g.alts = append(g.alts, alt{stems: []string{c}, weight: a.weight * weightCompound})
					}
					for _, c := range e.idx.parts.partsOf(a.stems[0]) {
						if !slices.Contains(e.idx.bySuffix[a.stems[0]], c) {
							g.alts = append(g.alts, alt{stems: []string{c}, weight: a.weight * weightCompound})
						}
					}
				}
			}
		}
		if !native && n == 1 {
			// The article may write the word as a cognate
			// ("реконструкция", "reconstruction"), whether or not it has
			// a rendering the tables give, which may be of another
			// sense; a rendering spelt as a cognate is the word's sense
			// in the article, and weighs at least as a cognate does.
			for _, c := range e.cognatesOf(l, word) {
				found := false
				for k := range g.alts {
					if len(g.alts[k].stems) == 1 && g.alts[k].stems[0] == c.stems[0] {
						g.alts[k].weight = max(g.alts[k].weight, c.weight)
						found = true
					}
				}
				if !found {
					g.alts = append(g.alts, c)
				}
			}
		}
		g.surface = spanText(q.text, toks[i:i+n])
		if spanned != nil {
			*spanned = true
		}
		g.idf = e.groupIDF(g.alts)
		return g, n
	}
	if an.isStop(folded[i]) || isClitic(folded[i]) {
		return g, 0
	}
	if v, ok := l.Number(folded[i]); ok && !v.Ordinal {
		d := strconv.FormatInt(v.Value, 10)
		q.numbers = append(q.numbers, d)
		g.alts = []alt{{stems: []string{d}, weight: weightExact}, {stems: []string{en.stem(toks[i].Text)}, weight: weightExact}}
		g.idf = e.groupIDF(g.alts)
		return g, 1
	}

	if native {
		st := stems[i]
		if _, ok := e.idx.termID(st); !ok {
			if c, n := e.repair(en, folded, i); n > 0 {
				g.alts = append(g.alts, alt{stems: []string{c}, weight: weightCorrected})
				e.addSynonyms(en, &g, c)
				if n == 1 {
					g.alts = e.compoundAlts(an, g.alts, toks[i].Text, st)
				}
				g.idf = e.groupIDF(g.alts)
				return g, n
			}
		}
		g.alts = append(g.alts, alt{stems: []string{st}, weight: weightExact})
		g.alts = e.compoundAlts(an, g.alts, toks[i].Text, st)
		e.addSynonyms(en, &g, st)
		g.idf = e.groupIDF(g.alts)
		g.unknown = !e.known(g.alts)
		return g, 1
	}

	// A foreign word the lexicon does not know: a name spelt as in the
	// article, a name in another script, a misspelt word of the lexicon,
	// or a cognate.
	for _, cand := range spellings(l, folded[i]) {
		if st, ok := e.idx.vocab[cand]; ok {
			g.alts = append(g.alts, alt{stems: []string{st}, weight: weightExact})
			g.idf = e.groupIDF(g.alts)
			return g, 1
		}
	}
	if alts := e.scriptAltsOf(l, word, false); len(alts) > 0 {
		g.alts = alts
		g.idf = e.groupIDF(g.alts)
		return g, 1
	}
	if alts := e.nearNamesOf(l, word, 2); len(alts) > 0 {
		g.alts = alts
		g.idf = e.groupIDF(g.alts)
		return g, 1
	}
	if alts := e.respell(l, an, e.translation(l, en), table, folded[i]); len(alts) > 0 {
		g.alts = alts
		g.idf = e.groupIDF(g.alts)
		return g, 1
	}
	if alts := e.cognatesOf(l, word); len(alts) > 0 {
		g.alts = alts
		g.idf = e.groupIDF(g.alts)
		return g, 1
	}
	for _, cand := range spellings(l, folded[i]) {
		if utf8.RuneCountInString(cand) < 5 {
			continue
		}
		if w, _, ok := e.idx.fuzzy.correct(cand); ok {
			g.alts = append(g.alts, alt{stems: []string{e.idx.fuzzy.stemOf(w)}, weight: weightCognate})
			g.idf = e.groupIDF(g.alts)
			return g, 1
		}
	}
	if utf8.RuneCountInString(folded[i]) <= 3 {
		return g, 0 // a short word no table knows: more likely grammar than meaning
	}
	g.alts = []alt{{stems: []string{folded[i]}, weight: weightExact}}
	g.idf = (1 + e.idx.meanIDF) * weightUnknown
	g.unknown = true
	return g, 1
}

// respell puts a misspelt foreign word right against its language's
// lexicon ("isolemnt" for "isolement", "expluse" for "expulse") and returns
// the glosses of the word it stands for, by stem.
func (e *Engine) respell(l *lang.Language, an *analyzer, lt *lazyTable, table phraseMatcher, folded string) []alt {
	st := an.stem(folded)
	// Short stems are too close to too many words to be corrected
	// ("egentlig" is no "agent").
	if lt == nil || l.IsStopword(folded) || utf8.RuneCountInString(st) < minSpelledStem {
		return nil
	}
	w, _, ok := lt.speller().correct(st)
	if !ok {
		return nil
	}
	found, _ := table.match([]string{w})
	out := make([]alt, 0, len(found))
	for _, a := range found {
		out = append(out, alt{stems: a.stems, weight: a.weight * weightCorrected})
	}
	return out
}

// minSpelledStem is the shortest stem a foreign word must have to be put
// right against its lexicon.
const minSpelledStem = 6

// isClitic reports an elided or clitic piece split off a word: "'s",
// "n't", "l'", "dell'". Such pieces are grammar, not content.
func isClitic(folded string) bool {
	return strings.HasPrefix(folded, "'") || strings.HasSuffix(folded, "'")
}

// repair puts right a misspelt English question word: two words the
// article writes as one ("cyber attack" / "cyberattack"), or a typo.
func (e *Engine) repair(target *analyzer, folded []string, i int) (string, int) {
	if i+1 < len(folded) {
		if st, ok := e.idx.vocab[folded[i]+folded[i+1]]; ok {
			return st, 2
		}
	}
	if _, ok := e.idx.vocab[folded[i]]; ok {
		return "", 0
	}
	// A real word the article does not use is not a typo: "supposed" is
	// not "support", nor "near" "year".
	if !e.isWord(target, folded[i]) {
		if w, _, ok := e.idx.fuzzy.correct(folded[i]); ok {
			return e.idx.fuzzy.stemOf(w), 1
		}
		if w, _, ok := e.idx.fuzzy.correct(target.stem(folded[i])); ok {
			return e.idx.fuzzy.stemOf(w), 1
		}
	}
	// A shorter form of a longer article word: "dictator" and
	// "dictatorship", "organis" and "organisation".
	if st := target.stem(folded[i]); utf8.RuneCountInString(st) >= 5 {
		if w, ok := e.idx.prefixed(st); ok {
			return w, 1
		}
	}
	return "", 0
}

func (e *Engine) addSynonyms(target *analyzer, g *termGroup, stem string) {
	syn, _ := e.synonymsOf(target).match([]string{stem})
	g.alts = append(g.alts, syn...)
	for _, c := range e.idx.bySuffix[stem] {
		g.alts = append(g.alts, alt{stems: []string{c}, weight: weightCompound})
	}
}

// known reports whether any alternative of a group is a word of the corpus.
func (e *Engine) known(alts []alt) bool {
	for _, a := range alts {
		for _, s := range a.stems {
			if _, ok := e.idx.termID(s); ok {
				return true
			}
		}
	}
	return false
}

// groupIDF is the weight of a group in coverage: one for being a content
// word, plus the idf of its rarest known word. A word the corpus does not
// have weighs as an average word: it may be a gap in the synonyms as much
// as a sign that the article does not say.
func (e *Engine) groupIDF(alts []alt) float64 {
	best, known := 0.0, false
	for _, a := range alts {
		for _, s := range a.stems {
			if id, ok := e.idx.termID(s); ok {
				best = max(best, e.idx.idf[id]*a.weight)
				known = true
			}
		}
	}
	if !known {
		return 1 + e.idx.meanIDF
	}
	return 1 + best
}

// spellings returns the ways a foreign word may be written in the
// article: itself, and for other scripts its transliterations.
func spellings(l *lang.Language, folded string) []string {
	out := []string{folded}
	for _, r := range folded {
		if r > unicode.MaxLatin1 && unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
			return append(out, l.TransliterateVariants(folded, 6)...)
		}
	}
	return out
}

// numberKey writes a number the one way the index stores it: without
// thousands separators ("3,000", "3 000", "3.000" -> "3000") but with its
// decimal point ("7.5", "7,5" -> "7.5").
func numberKey(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			out = append(out, c)
		case c == ',' || c == '.':
			// A separator followed by exactly three digits groups
			// thousands; any other is a decimal point.
			j := i + 1
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			if j-i-1 != 3 {
				out = append(out, '.')
			}
		}
	}
	if len(out) == 0 {
		return s
	}
	return string(out)
}

func spanText(text string, toks []lang.Token) string {
	if len(toks) == 0 {
		return ""
	}
	return text[toks[0].Start:toks[len(toks)-1].End]
}

// phraseWords returns the question phrase within bytes [start, end) of a
// question, folded words joined by "_", and the word right after it: a
// stop word itself, another word as its class.
func phraseWords(toks []lang.Token, folded []string, an *analyzer, start, end int) (phrase, after string) {
	var words []string
	for i, t := range toks {
		switch {
		case t.Start >= start && t.End <= end:
			words = append(words, folded[i])
		case t.Start >= end && after == "":
			switch {
			case t.Kind != lang.TokenWord:
				after = "<num>"
			case an.isStop(folded[i]):
				after = folded[i]
			default:
				after = "<w>"
			}
		}
	}
	return strings.Join(words, "_"), after
}

// phrasePlace returns where the question phrase of bytes [start, end)
// begins among toks, the stop word right before it and its first word when
// that is a stop word followed by more of the phrase (phrasePlace's
// fields of query: whAt, prepBefore, prepIn).
func phrasePlace(toks []lang.Token, folded []string, an *analyzer, start, end int) (at int, before, in string) {
	at = -1
	for i, t := range toks {
		if t.Start >= start && t.End <= end {
			at = i
			break
		}
	}
	if at < 0 {
		return -1, "", ""
	}
	if at > 0 && toks[at-1].Kind == lang.TokenWord && an.isStop(folded[at-1]) {
		before = folded[at-1]
	}
	if at+1 < len(toks) && toks[at+1].End <= end && an.isStop(folded[at]) {
		in = folded[at]
	}
	return at, before, in
}

// allUpper reports whether a word is written in capitals only ("WHO").
func allUpper(word string) bool {
	letters := 0
	for _, r := range word {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters > 1
}
