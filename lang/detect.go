package lang

import (
	"math"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Detector identifies the language of short chat messages: three to
// fifteen words, casual, often without accents, with foreign names inside.
//
// It is a naive Bayes classifier over character 1- to 4-grams and folded
// words, trained when it is built from each language's langid.txt, and
// from data/other/<code>.txt for languages qabot does not support, so that
// an Albanian or Dutch question is reported as unsupported instead of as
// its nearest supported neighbour. Letters a language never uses (ø for
// French, ñ for German) weigh heavily through the n-gram statistics, and
// question words at the start of a message add a cue of their own. Text in
// a script no model knows (Arabic, Chinese, ...) is unsupported at once.
//
// A Detector is read-only once built and safe for concurrent use.
type Detector struct {
	models []model // supported languages first, then other languages
	tune   DetectorTuning
	// grams and words map an n-gram's hash and a folded word to their
	// counts in each model; opens holds, for each word row, the models
	// whose questions start with the word (a little-endian uint32 mask).
	grams, words table
	opens        []byte
	// logCount[c] is log(c+α) for every count c that occurs: scoring then
	// looks logarithms up instead of computing one per gram and model.
	logCount []float64
	// blob is the encoded detector the tables above are views of (see
	// detect_table.go): the precomputed one embedded in the binary, or
	// one just trained.
	blob []byte
}

type model struct {
	code      string
	supported bool
	romanised bool // trained on a transliteration into Latin letters
	script    string
	// logDen[n] is log(N + α·V) for n-grams of order n, the denominator of
	// every n-gram probability; wordDen the same for words.
	logDen  [maxOrder + 1]float64
	wordDen float64
}

const (
	maxOrder   = 4
	alpha      = 0.5 // additive smoothing of n-gram and word counts
	minLetters = 3   // fewer letters than this: no guess
)

// DetectorTuning holds the weights of a detector's evidence. The defaults
// (DefaultDetectorTuning) are chosen by internal/tunedetect over labelled
// questions: lang/testdata/langid_dev, the seed tuning questions and the
// fit split of testdata/realdata.
type DetectorTuning struct {
	WordWeight   float64 // weight of the word model against the n-grams
	OpenerBonus  float64 // log-odds added for a known question word up front
	NameWeight   float64 // how much a word that looks like a name counts
	UnknownFloor float64 // mean log-probability per n-gram below which no model fits
	// UnsupportedMargin is how many nats an unsupported-language profile
	// must beat every supported language by to be believed: the small
	// profiles are a catch-all for odd text otherwise.
	UnsupportedMargin float64
	// NameInfixWords and NameInfixLetters bound the lower-case words read
	// as part of the names around them: at most NameInfixWords words of at
	// most NameInfixLetters letters each between two names ("Phantom of
	// the Opera", "Christian von Ehrenfels") are the name's, not the
	// question's language. 0 reads none so.
	NameInfixWords, NameInfixLetters int
}

// DefaultDetectorTuning returns the weights chosen by internal/tunedetect.
func DefaultDetectorTuning() DetectorTuning {
	return DetectorTuning{WordWeight: 2, OpenerBonus: 4, NameWeight: 0.2, UnknownFloor: -8.5, UnsupportedMargin: 3,
		NameInfixWords: 2, NameInfixLetters: 3}
}

// Tuning returns the detector's weights.
func (d *Detector) Tuning() DetectorTuning { return d.tune }

// WithTuning returns a detector with the same models and other weights,
// for tuning them (internal/tunedetect); d is unchanged.
func (d *Detector) WithTuning(t DetectorTuning) *Detector {
	c := *d
	c.tune = t
	return &c
}

// Scored is one language's share of a guess.
type Scored struct {
	Lang  string
	Score float64 // posterior probability among the supported languages
}

// Guess is the result of Detect. Three outcomes are possible:
//   - Lang is a supported language's code;
//   - Lang is "" and Unsupported is true: the text is in a language or
//     script qabot does not support (Other may name it, Script says which
//     script it is in);
//   - Lang is "" and Unsupported is false: there is too little to tell
//     (names only, a number, an emoji), and the caller should fall back on
//     the conversation's language or the user's locale.
type Guess struct {
	Lang string
	// Confidence is the probability of Lang among the supported languages,
	// from the text alone: 0 when Lang is "", and low when the prior was
	// chosen for want of evidence.
	Confidence float64
	// Ranked lists the supported languages, most likely first; empty when
	// the text gave no evidence at all.
	Ranked []Scored
	// Script is the main script of the text's letters: "Latin",
	// "Cyrillic", "Arabic", "Han", ... ("" when there are no letters).
	Script string
	// Unsupported reports text in a language or script qabot cannot read.
	Unsupported bool
	// Other is the ISO 639-1 code of the unsupported language the text
	// looks like ("sq", "nl"), when one of the detector's profiles
	// matched; "" otherwise.
	Other string
}

// Detect guesses the language of text.
func (d *Detector) Detect(text string) Guess {
	return d.detect(text, "")
}

// DetectWithPrior is Detect for a conversation already in language prior
// (a code): when the text is too short or the guess unsure, and prior is a
// plausible reading of it, the prior wins. Text that clearly is another
// language still switches, and text in an unsupported script or language
// still reports it.
func (d *Detector) DetectWithPrior(text, prior string) Guess {
	return d.detect(text, prior)
}

func (d *Detector) detect(text, prior string) Guess {
	var buf [32]dword
	words := detectWords(text, buf[:0])
	markNameInfixes(words, d.tune.NameInfixWords, d.tune.NameInfixLetters)
	// The script is that of most letters outside names, so a Russian
	// question about "Australian Open" is still Cyrillic.
	scripts := map[string]int{}
	nameScripts := map[string]int{}
	letters := 0
	for _, w := range words {
		for _, r := range w.text {
			if !isLetter(r) {
				continue
			}
			letters++
			if w.name {
				nameScripts[scriptOf(r)]++
			} else {
				scripts[scriptOf(r)]++
			}
		}
	}
	if len(scripts) == 0 {
		scripts = nameScripts
	}
	g := Guess{Script: majority(scripts)}
	p := d.index(prior, g.Script)
	if letters < minLetters {
		return d.fallback(g, p)
	}
	scores, n := d.score(words, g.Script)
	if n == 0 {
		// No model reads this script; a prior cannot change that.
		g.Unsupported = true
		return g
	}
	s, u := -1, -1 // best supported and best unsupported model
	for i, sc := range scores {
		switch {
		case math.IsInf(sc, -1):
		case d.models[i].supported && (s < 0 || sc > scores[s]):
			s = i
		case !d.models[i].supported && (u < 0 || sc > scores[u]):
			u = i
		}
	}
	if s >= 0 {
		g.Ranked = d.rank(scores, n)
	}
	known, plain := d.evidence(words)
	margin := d.tune.UnsupportedMargin
	if p >= 0 {
		margin += priorMargin(n)
	}
	unsure := s < 0 || g.Ranked[0].Score < 0.95
	switch {
	case known == 0 && plain < 3 && unsure:
		// Names, acronyms or a word or two that no model knows, and no
		// language stands out (Cyrillic does: only Russian writes it).
		return d.fallback(g, p)
	case s < 0 || (u >= 0 && scores[u]-scores[s] > margin):
		g.Unsupported = true
		if u >= 0 {
			g.Other = d.models[u].code
		}
		return g
	case scores[s]/float64(n) < d.tune.UnknownFloor:
		// Several words that fit no model: a language we have no
		// profile for.
		if p >= 0 && plain <= 3 {
			return d.fallback(g, p)
		}
		g.Unsupported = true
		return g
	}
	g.Lang = d.models[s].code
	g.Confidence = share(g.Ranked, g.Lang)
	if p >= 0 && p != s && ((plain <= 3 && d.allKnownTo(p, words)) ||
		(letters < 12 || g.Confidence < 0.8) && scores[p] > scores[s]-priorMargin(n)) {
		// A short reply in the conversation's own words ("non", "ok
		// merci"), or an unsure guess the prior explains nearly as well.
		g.Lang = d.models[p].code
		g.Confidence = share(g.Ranked, g.Lang)
	}
	return g
}

// evidence counts the words of a text that any model knows, and the words
// that do not look like names.
func (d *Detector) evidence(words []dword) (known, plain int) {
	for _, w := range words {
		if w.name {
			continue
		}
		plain++
		if _, ok := d.words.row(wordKey(Fold(w.text))); ok {
			known++
		}
	}
	return known, plain
}

// allKnownTo reports whether model m's word list has every word of words
// that is not a name.
func (d *Detector) allKnownTo(m int, words []dword) bool {
	for _, w := range words {
		if w.name {
			continue
		}
		row, ok := d.words.row(wordKey(Fold(w.text)))
		if !ok || d.words.count(row, m) == 0 {
			return false
		}
	}
	return true
}

// priorMargin is how far behind the best model a prior may be and still
// win: a few nats for short texts, more for long ones.
func priorMargin(nGrams int) float64 { return 2 + 0.05*float64(nGrams) }

// fallback answers when the text gives no evidence: the prior, if any and
// if the text's script (if any) is the prior's.
func (d *Detector) fallback(g Guess, prior int) Guess {
	if prior >= 0 && (g.Script == "" || g.Script == d.models[prior].script) {
		g.Lang = d.models[prior].code
		g.Confidence = share(g.Ranked, g.Lang)
	}
	return g
}

// index returns the model of supported language code for text in script,
// or its first model when none is of that script; -1 when code is not
// supported.
func (d *Detector) index(code, script string) int {
	found := -1
	if code == "" {
		return found
	}
	for i, m := range d.models {
		if !m.supported || m.code != code {
			continue
		}
		if m.script == script {
			return i
		}
		if found < 0 {
			found = i
		}
	}
	return found
}

// score returns every model's log-likelihood of words and the number of
// n-grams scored. Models of another script score -Inf.
func (d *Detector) score(words []dword, script string) ([]float64, int) {
	k := len(d.models)
	scores := make([]float64, k)
	active := make([]bool, k)
	any := false
	for i, m := range d.models {
		active[i] = m.script == script
		any = any || active[i]
		if !active[i] {
			scores[i] = math.Inf(-1)
		}
	}
	if !any {
		return scores, 0
	}
	n := 0
	// lcs[i] is model i's log count of the gram or word at hand.
	var lcs [maxModels]float64
	lc0 := d.logCount[0]
	counts := func(t *table, row int, ok bool) {
		for i := range k {
			lcs[i] = lc0
		}
		if ok {
			for e, end := t.span(row); e < end; e++ {
				lcs[t.model[e]] = d.logCount[le16(t.counts, e)]
			}
		}
	}
	for _, dw := range words {
		w := dw.text
		weight := 1.0
		if dw.name {
			weight = d.tune.NameWeight
		}
		grams(w, func(h uint64, order int) {
			n++
			row, ok := d.grams.row(h)
			counts(&d.grams, row, ok)
			for i := range k {
				if active[i] {
					scores[i] += weight * (lcs[i] - d.models[i].logDen[order])
				}
			}
		})
		row, ok := d.words.row(wordKey(Fold(w)))
		counts(&d.words, row, ok)
		for i := range k {
			if active[i] {
				scores[i] += weight * d.tune.WordWeight * (lcs[i] - d.models[i].wordDen)
			}
		}
	}
	if len(words) > 0 {
		if row, ok := d.words.row(wordKey(Fold(words[0].text))); ok {
			for mask := le32(d.opens, row); mask != 0; mask &= mask - 1 {
				scores[bits.TrailingZeros32(mask)] += d.tune.OpenerBonus
			}
		}
	}
	return scores, n
}

// temper divides log-likelihoods before the softmax: the n-gram features
// of one text are far from independent, so raw naive Bayes odds are wildly
// overconfident.
func temper(n int) float64 { return math.Max(1, math.Sqrt(float64(n))/2) }

// rank returns the supported models by posterior probability among
// themselves.
func (d *Detector) rank(scores []float64, n int) []Scored {
	t := temper(n)
	top := math.Inf(-1)
	for i, s := range scores {
		if d.models[i].supported && s > top {
			top = s
		}
	}
	var out []Scored
	sum := 0.0
	for i, s := range scores {
		if !d.models[i].supported || math.IsInf(s, -1) {
			continue
		}
		p := math.Exp((s - top) / t)
		sum += p
		out = append(out, Scored{Lang: d.models[i].code, Score: p})
	}
	for i := range out {
		out[i].Score /= sum
	}
	slices.SortStableFunc(out, func(a, b Scored) int {
		switch {
		case a.Score > b.Score:
			return -1
		case a.Score < b.Score:
			return 1
		}
		return strings.Compare(a.Lang, b.Lang)
	})
	return out
}

func share(ranked []Scored, code string) float64 {
	for _, s := range ranked {
		if s.Lang == code {
			return s.Score
		}
	}
	return 0
}

// dword is a word of a text to identify.
type dword struct {
	text string
	name bool // looks like a name or acronym, so counts less
}

// markNameInfixes marks as names the runs of at most maxWords lower-case
// words of at most maxLetters letters each that stand between two names:
// the "of the" of "the Phantom of the Opera" in a Norwegian question, the
// "von" of "Christian von Ehrenfels" in an English one belong to the
// title or name, not to the language of the question around it.
func markNameInfixes(words []dword, maxWords, maxLetters int) {
	for i := 0; i < len(words); i++ {
		if !words[i].name {
			continue
		}
		j := i + 1
		for j < len(words) && !words[j].name && j-i-1 < maxWords && utf8.RuneCountInString(words[j].text) <= maxLetters {
			j++
		}
		if j > i+1 && j < len(words) && words[j].name {
			for k := i + 1; k < j; k++ {
				words[k].name = true
			}
			i = j - 1
		}
	}
}

// detectWords returns the lower-case words of text for the detector:
// runs of letters and marks, with inner apostrophes kept ("l'otan",
// "qu'est") because elision is a strong cue. Digits and symbols separate
// words. At most 64 words are kept: more adds nothing to a guess.
func detectWords(text string, dst []dword) []dword {
	const maxWords = 64
	var b strings.Builder
	upper, letters := 0, 0
	flush := func() {
		if b.Len() > 0 {
			// A capitalised word after the first, or an acronym, is most
			// likely a name: it tells little about the language around it.
			name := upper > 0 && (len(dst) > 0 || upper == letters && letters > 1)
			dst = append(dst, dword{text: b.String(), name: name})
			b.Reset()
		}
		upper, letters = 0, 0
	}
	var prev rune
	for i := 0; i < len(text) && len(dst) < maxWords; {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			flush()
		case isLetter(r):
			if unicode.IsUpper(r) && (letters == 0 || upper == letters) {
				upper++
			}
			letters++
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsMark(r) && b.Len() > 0:
			b.WriteRune(r)
		case isApostrophe(r) && isLetter(prev) && isLetter(nextRune(text, i)):
			b.WriteByte('\'')
		default:
			flush()
		}
		prev = r
	}
	flush()
	return dst
}

// grams calls fn with the hash and order of every 1- to 4-gram of word,
// padded with a space at each end so that beginnings and endings count.
func grams(word string, fn func(h uint64, n int)) {
	var rs [66]rune
	runes := rs[:0]
	runes = append(runes, ' ')
	for _, r := range word {
		if len(runes) == len(rs)-1 {
			break // very long "words" are noise; their start is enough
		}
		runes = append(runes, r)
	}
	runes = append(runes, ' ')
	for i := range runes {
		h := uint64(14695981039346656037)
		for n := 1; n <= maxOrder && i+n <= len(runes); n++ {
			h ^= uint64(runes[i+n-1])
			h *= 1099511628211
			if n == 1 && runes[i] == ' ' {
				continue // a lone space says nothing
			}
			fn(h&^(7<<61)|uint64(n)<<61, n)
		}
	}
}

func gramOrder(h uint64) int { return int(h >> 61 & 7) }

func eachLineText(text string, fn func(string)) {
	for line := range strings.SplitSeq(text, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		fn(t)
	}
}

func majority(counts map[string]int) string {
	best, n := "", 0
	for s, c := range counts {
		if c > n || (c == n && s < best) {
			best, n = s, c
		}
	}
	return best
}

// scriptOf names the script of a letter.
func scriptOf(r rune) string {
	switch {
	case r < 0x250 || (r >= 0x1e00 && r < 0x1f00):
		return "Latin"
	case unicode.Is(unicode.Cyrillic, r):
		return "Cyrillic"
	case unicode.Is(unicode.Greek, r):
		return "Greek"
	case unicode.Is(unicode.Arabic, r):
		return "Arabic"
	case unicode.Is(unicode.Hebrew, r):
		return "Hebrew"
	case unicode.Is(unicode.Han, r):
		return "Han"
	case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
		return "Kana"
	case unicode.Is(unicode.Hangul, r):
		return "Hangul"
	case unicode.Is(unicode.Devanagari, r):
		return "Devanagari"
	case unicode.Is(unicode.Thai, r):
		return "Thai"
	case unicode.Is(unicode.Armenian, r):
		return "Armenian"
	case unicode.Is(unicode.Georgian, r):
		return "Georgian"
	case unicode.Is(unicode.Latin, r):
		return "Latin"
	}
	return "Other"
}
