package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/lang/internal/conceptfile"
)

// Params are the choices of the generator, measured on the real question
// sets (see data/README.md of lang for the figures).
type Params struct {
	// MaxSenses is the most concepts a word keeps, commonest first.
	MaxSenses int
	// MinWeight drops the senses that hold less of a word's meaning.
	MinWeight float64
	// Untagged is the weight of an English sense that SemCor never saw,
	// divided by its rank: WordNet lists a word's senses commonest first,
	// and the counts tell how much commoner.
	Untagged float64
	// PriorFloor is added to a concept's prior before it weighs the senses
	// of a word of another language: a rare concept still counts.
	PriorFloor float64
	// Related is how much a concept linked to one of the word's own
	// (derivation: attack/attacker, invade/invasion; pertainym;
	// participle) counts, times the weight of that sense.
	Related float64
	// Sources weighs the lists that give a word of another language a
	// concept; a pair two lists give counts for both.
	Sources map[string]float64
	// CollisionSupport weighs the words whose stems collide in one key
	// ("Staat" and "Staaten", "general" and "generales") by how many
	// concepts the lists give each, to this power, instead of alike (0),
	// per language code.
	CollisionSupport map[string]float64
	// Only, when set, limits the output to these languages (for tests).
	Only []string
}

// DefaultParams are the committed choices.
var DefaultParams = Params{
	MaxSenses:  8,
	MinWeight:  0.03,
	Untagged:   1,
	PriorFloor: 0.1,
	Related:    0.5,
	Sources:    map[string]float64{"wikt": 1, "wn": 1, "wikt-eng": 0},
	// Measured on the cross-lingual xquad-dev sets (de, es, ru questions
	// over English articles), sentence@1: fit 56.2 -> 56.7%, dev 63.0 ->
	// 63.5% (power 0.5: 56.3, 63.5%; 2: 56.5, 62.8%). The other languages
	// have no such real data, and on the seed questions French lost two
	// of 58 with it: they keep words alike. English weighs its lemmas by
	// their SemCor tags (englishSupport): "popul" is population before
	// populism, "honor" the noun and verb before "honorable"; English
	// questions over de/es/ru articles (en-over xquad-dev), sentence@1 /
	// top1, mean of the three: dev 57.4/72.8 -> 58.6/73.2%, fit 52.2/69.4
	// -> 53.2/70.1%
	// (power 2: dev 59.5/73.0, fit 52.5/70.1; 0.5: dev 58.3/73.0).
	CollisionSupport: map[string]float64{"de": 1, "es": 1, "ru": 1, "en": 1},
}

// languages maps the codes of lang/data to the ISO 639-3 codes of the
// Open Multilingual Wordnet files, and says which lists each has.
var languages = []struct {
	code, iso string
	wordnet   bool // a wordnet of its own besides the Wiktionary lists
}{
	{"de", "deu", false}, {"es", "spa", false}, {"fr", "fra", true}, {"hu", "hun", false},
	{"it", "ita", true}, {"nb", "nob", true}, {"pt", "por", true}, {"ru", "rus", false},
	{"sv", "swe", true},
}

// A vector is a word's meaning spread over concepts: concept index ->
// weight.
type vector map[int32]float64

// wordnet is what the generator knows of English.
type wordnet struct {
	ids    []string         // concept index -> synset "00001740-n"
	index  map[string]int32 // synset -> concept index
	lemmas [][]string       // concept index -> English lemmas, WordNet order
	// senses: lower-case lemma -> its senses, each pos in WordNet order.
	senses map[string][]sense
	links  []link
	exc    [][3]string // form, base, pos
	// omw maps the synsets of the Open Multilingual Wordnet's lists to
	// concept indexes (see align).
	omw map[string]int32
}

// omwFiles are every list of the Open Multilingual Wordnet the generator
// may read.
func omwFiles() []string {
	out := []string{"wn-wikt-eng.tab.gz"}
	for _, lg := range languages {
		out = append(out, "wn-wikt-"+lg.iso+".tab.gz")
		if lg.wordnet {
			out = append(out, "wn-data-"+lg.iso+".tab.gz")
		}
	}
	return out
}

// align maps the synset ids of the Open Multilingual Wordnet to those of
// wordnet30-synsets-en.tsv.gz. Both are WordNet 3.0 byte offsets, but the
// English list was read from Debian's wordnet-base, whose data.verb and
// data.adj were patched: after a patched gloss every offset moves by the
// bytes the patch added (+18 for a run of verbs, +1 for the adjectives
// after one, at the time of writing). Synsets keep their order, so the
// shift is found from the ids themselves: walking each part of speech in
// order, an id that is not an English synset takes the smallest shift
// that maps it and the next three ids onto English synsets, and keeps it
// until it fails. The test checks the result against the English
// Wiktionary list, whose words must then be words of their synset.
func (wn *wordnet) align(in fs.FS) error {
	ids := map[string]bool{}
	for _, name := range omwFiles() {
		if err := eachGzipLine(in, name, func(_ int, line string) error {
			if id, _, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(line, "#") && len(id) == 10 && id[8] == '-' {
				ids[id] = true
			}
			return nil
		}); err != nil {
			return err
		}
	}
	have := map[byte]map[int]bool{}
	for _, id := range wn.ids {
		off, _ := strconv.Atoi(id[:8])
		if have[id[9]] == nil {
			have[id[9]] = map[int]bool{}
		}
		have[id[9]][off] = true
	}
	byPos := map[byte][]int{}
	for id := range ids {
		off, err := strconv.Atoi(id[:8])
		if err != nil {
			continue
		}
		byPos[id[9]] = append(byPos[id[9]], off)
	}
	wn.omw = make(map[string]int32, len(ids))
	for pos, offs := range byPos {
		slices.Sort(offs)
		known := have[pos]
		shift := 0
		for i, off := range offs {
			if !known[off+shift] {
				shift = findShift(known, offs[i:min(len(offs), i+4)], shift)
			}
			if c, ok := wn.index[fmt.Sprintf("%08d-%c", off+shift, pos)]; ok {
				wn.omw[fmt.Sprintf("%08d-%c", off, pos)] = c
			}
		}
	}
	return nil
}

// maxShift bounds the search for the shift of a run of synsets.
const maxShift = 3000

// findShift returns the smallest shift (by size) that maps every offset
// of run onto a known one, or old when none does.
func findShift(known map[int]bool, run []int, old int) int {
	for d := 0; d <= maxShift; d++ {
		for _, s := range []int{d, -d} {
			ok := true
			for _, off := range run {
				if !known[off+s] {
					ok = false
					break
				}
			}
			if ok {
				return s
			}
		}
	}
	return old
}

type sense struct {
	concept int32
	pos     byte
	rank    int // 0 for the commonest sense of the lemma in its pos
	count   int // SemCor tag count
}

type link struct {
	from, to           int32
	fromLemma, toLemma string
}

// Generate reads the inputs and returns the files to write, by path
// relative to the language data folder ("en/concepts.bin").
func Generate(in fs.FS, reg *lang.Registry, p Params) (map[string][]byte, error) {
	wn, err := readWordnet(in)
	if err != nil {
		return nil, err
	}
	if err := wn.align(in); err != nil {
		return nil, err
	}
	g := &generator{wn: wn, p: p, prior: make([]float64, len(wn.ids))}
	en := g.englishVectors()
	// A concept's prior is how dominant it is among the senses of its
	// English words: the first sense of some word is a common concept.
	for _, v := range en {
		for c, w := range normalise(v) {
			g.prior[c] = max(g.prior[c], w)
		}
	}
	for lemma, v := range en {
		en[lemma] = g.cut(v)
	}
	out := map[string][]byte{}
	l, ok := reg.Get("en")
	if !ok {
		return nil, fmt.Errorf("language data has no en")
	}
	if p.Sources["wikt-eng"] > 0 {
		extra, err := g.readLists(in, []string{"wn-wikt-eng.tab.gz"}, []string{"wikt-eng"})
		if err != nil {
			return nil, err
		}
		for lemma, v := range g.foreignVectors(extra) {
			if _, ok := en[lemma]; !ok {
				en[lemma] = v
			}
		}
	}
	g.addRelated(en, true)
	g.addInflections(en)
	if p.CollisionSupport["en"] > 0 {
		g.support = g.englishSupport()
	}
	tables := map[*lang.Language]*table{l: g.table(l, en)}
	g.support = nil
	for _, lg := range languages {
		l, ok := reg.Get(lg.code)
		if !ok {
			return nil, fmt.Errorf("language data has no %s", lg.code)
		}
		files, kinds := []string{"wn-wikt-" + lg.iso + ".tab.gz"}, []string{"wikt"}
		if lg.wordnet {
			files, kinds = append(files, "wn-data-"+lg.iso+".tab.gz"), append(kinds, "wn")
		}
		lists, err := g.readLists(in, files, kinds)
		if err != nil {
			return nil, err
		}
		if p.CollisionSupport[lg.code] > 0 {
			g.support = map[string]float64{}
		}
		v := g.foreignVectors(lists)
		g.addRelated(v, false)
		tables[l] = g.table(l, v)
		g.support = nil
	}
	prune(tables)
	for l, t := range tables {
		if p.Only != nil && !slices.Contains(p.Only, l.Code) {
			continue
		}
		data, err := conceptfile.Encode(t.senses, t.words)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", l.Code, err)
		}
		out[l.Code+"/"+lang.ConceptFile] = data
	}
	return out, nil
}

// A table is a language's concept tables before they are written.
type table struct {
	senses map[string][]conceptfile.Sense // key -> senses, heaviest first
	words  map[uint32][]conceptfile.Word  // concept -> words, heaviest first
}

// prune drops what no pair of two languages can use: the engine renders a
// question word of one language in the words of another (the same
// language has its own synonyms), so a concept counts in a language's keys
// only when another language has words for it, and in its words only when
// another language's keys name it. A key left without senses goes too.
// The renderings of every pair stay exactly what they were.
func prune(tables map[*lang.Language]*table) {
	named := map[uint32]map[*lang.Language]bool{} // concept -> languages whose keys name it
	said := map[uint32]map[*lang.Language]bool{}  // concept -> languages with words for it
	mark := func(m map[uint32]map[*lang.Language]bool, c uint32, l *lang.Language) {
		if m[c] == nil {
			m[c] = map[*lang.Language]bool{}
		}
		m[c][l] = true
	}
	for l, t := range tables {
		for _, ss := range t.senses {
			for _, s := range ss {
				mark(named, s.Concept, l)
			}
		}
		for c := range t.words {
			mark(said, c, l)
		}
	}
	other := func(m map[*lang.Language]bool, l *lang.Language) bool {
		return len(m) > 1 || len(m) == 1 && !m[l]
	}
	for l, t := range tables {
		for key, ss := range t.senses {
			ss = slices.DeleteFunc(ss, func(s conceptfile.Sense) bool { return !other(said[s.Concept], l) })
			if len(ss) == 0 {
				delete(t.senses, key)
			} else {
				t.senses[key] = ss
			}
		}
		for c := range t.words {
			if !other(named[c], l) {
				delete(t.words, c)
			}
		}
	}
}

type generator struct {
	wn    *wordnet
	p     Params
	prior []float64 // concept index -> prior
	// support is how many list entries give a word of the language being
	// read its concepts (CollisionSupport); nil for English.
	support map[string]float64
}

// englishVectors spreads every English lemma over its senses: a sense's
// SemCor count plus Untagged/(rank+1), not yet normalised.
func (g *generator) englishVectors() map[string]vector {
	out := make(map[string]vector, len(g.wn.senses))
	for lemma, ss := range g.wn.senses {
		v := vector{}
		for _, s := range ss {
			v[s.concept] += float64(s.count) + g.p.Untagged/float64(s.rank+1)
		}
		out[lemma] = v
	}
	return out
}

// englishSupport is how common each English lemma is: one plus the
// SemCor tags of all its senses. Lemmas whose stems collide in one key
// ("population", "popular", "populism" in "popul") then share the key by
// how often each is used, not alike (CollisionSupport).
func (g *generator) englishSupport() map[string]float64 {
	out := make(map[string]float64, len(g.wn.senses))
	for lemma, ss := range g.wn.senses {
		n := 1.0
		for _, s := range ss {
			n += float64(s.count)
		}
		out[lemma] = n
	}
	return out
}

// cut normalises a vector to sum 1 and keeps its MaxSenses heaviest
// concepts above MinWeight (the heaviest is always kept).
func (g *generator) cut(v vector) vector {
	type cw struct {
		c int32
		w float64
	}
	list := make([]cw, 0, len(v))
	for c, w := range v {
		list = append(list, cw{c, w})
	}
	slices.SortFunc(list, func(a, b cw) int {
		if a.w != b.w {
			if a.w > b.w {
				return -1
			}
			return 1
		}
		return int(a.c - b.c)
	})
	total := 0.0 // summed in a fixed order: the same bits every run
	for _, x := range list {
		total += x.w
	}
	if total <= 0 {
		return vector{}
	}
	out := vector{}
	for i, x := range list {
		w := x.w / total
		if i > 0 && (i >= g.p.MaxSenses || w < g.p.MinWeight) {
			break
		}
		out[x.c] = w
	}
	return out
}

// normalise returns v divided by its sum, summed in a fixed order.
func normalise(v vector) vector {
	cs := make([]int32, 0, len(v))
	for c := range v {
		cs = append(cs, c)
	}
	slices.Sort(cs)
	total := 0.0
	for _, c := range cs {
		total += v[c]
	}
	out := make(vector, len(v))
	for c, w := range v {
		out[c] = w / total
	}
	return out
}

// lists: lemma -> concept -> support.
type lists map[string]map[int32]float64

func (g *generator) readLists(in fs.FS, files, kinds []string) (lists, error) {
	out := lists{}
	for i, name := range files {
		weight := g.p.Sources[kinds[i]]
		if weight <= 0 {
			continue
		}
		// Within one list a lemma counts once per concept.
		seen := map[string]bool{}
		err := eachGzipLine(in, name, func(n int, line string) error {
			if strings.HasPrefix(line, "#") {
				return nil
			}
			f := strings.Split(line, "\t")
			if len(f) != 3 || f[1] != "lemma" && !strings.HasSuffix(f[1], ":lemma") {
				return nil // definitions and examples of some wordnets
			}
			c, ok := g.wn.omw[f[0]]
			lemma := strings.TrimSpace(f[2])
			if !ok || lemma == "" {
				return nil
			}
			if k := f[0] + "\t" + lemma; !seen[k] {
				seen[k] = true
				if out[lemma] == nil {
					out[lemma] = map[int32]float64{}
				}
				out[lemma][c] += weight
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// foreignVectors spreads each word of another language over the concepts
// the lists give it, each weighed by its support times its prior.
func (g *generator) foreignVectors(ls lists) map[string]vector {
	out := make(map[string]vector, len(ls))
	for lemma, cs := range ls {
		v := vector{}
		for c, support := range cs {
			v[c] = support * (g.prior[c] + g.p.PriorFloor)
		}
		out[lemma] = g.cut(v)
		if g.support != nil {
			g.support[lemma] = total(cs)
		}
	}
	return out
}

// total sums a word's support in a fixed order: the same bits every run.
func total(cs map[int32]float64) float64 {
	ids := make([]int32, 0, len(cs))
	for c := range cs {
		ids = append(ids, c)
	}
	slices.Sort(ids)
	sum := 0.0
	for _, c := range ids {
		sum += cs[c]
	}
	return sum
}

// addRelated adds to each vector the concepts linked to its senses, at
// Related times the sense's weight. English links join lemmas; other
// languages take the links of their concepts.
func (g *generator) addRelated(vs map[string]vector, english bool) {
	if g.p.Related <= 0 {
		return
	}
	byLemma := map[string][]link{}
	byConcept := map[int32][]int32{}
	for _, l := range g.wn.links {
		byLemma[l.fromLemma] = append(byLemma[l.fromLemma], l)
		byConcept[l.from] = append(byConcept[l.from], l.to)
	}
	for lemma, v := range vs {
		add := vector{}
		for c, w := range v {
			if english {
				for _, l := range byLemma[strings.ToLower(lemma)] {
					if l.from == c {
						add[l.to] = max(add[l.to], g.p.Related*w)
					}
				}
				continue
			}
			for _, to := range byConcept[c] {
				add[to] = max(add[to], g.p.Related*w)
			}
		}
		for c, w := range add {
			if w > v[c] {
				v[c] = w
			}
		}
	}
}

// addInflections gives the irregular forms of WordNet's exception lists
// (took, children, better) the senses of their base in its part of speech.
func (g *generator) addInflections(vs map[string]vector) {
	pos := func(c int32) byte { id := g.wn.ids[c]; return id[len(id)-1] }
	forms := map[string]vector{}
	for _, e := range g.wn.exc {
		base, ok := vs[e[1]]
		if !ok || e[0] == e[1] {
			continue
		}
		v := forms[e[0]]
		if v == nil {
			v = vector{}
			forms[e[0]] = v
		}
		for c, w := range base {
			if pos(c) == e[2][0] {
				v[c] = max(v[c], w)
			}
		}
	}
	for form, v := range forms {
		if len(v) == 0 {
			continue
		}
		if old, ok := vs[form]; ok {
			// "found" is a verb of its own and the past of "find".
			for c, w := range v {
				old[c] = max(old[c], w)
			}
			continue
		}
		vs[form] = v
	}
}

// table renders a language's vectors as its concept tables.
func (g *generator) table(l *lang.Language, vs map[string]vector) *table {
	keys := map[string]vector{}                // key -> summed vector
	concepts := map[int32]map[string]float64{} // concept -> content stems -> weight
	lemmas := make([]string, 0, len(vs))
	for lemma := range vs {
		lemmas = append(lemmas, lemma)
	}
	slices.Sort(lemmas) // sums in a fixed order: the same bytes every run
	for _, lemma := range lemmas {
		v := vs[lemma]
		toks := lang.Tokens(lemma)
		if len(toks) == 0 || len(toks) > lang.MaxConceptWords {
			continue
		}
		own := make([]string, len(toks))
		bare := make([]string, len(toks))
		var content []string
		for i, t := range toks {
			f := lang.Fold(t.Text)
			own[i] = lang.Fold(l.Stem(t.Text))
			bare[i] = lang.Fold(l.Stem(f))
			if !isStop(l, f) && !isClitic(f) {
				content = append(content, own[i])
			}
		}
		if len(content) == 0 {
			continue // stop words only: grammar, not meaning
		}
		for _, key := range slices.Compact([]string{strings.Join(own, " "), strings.Join(bare, " ")}) {
			k := keys[key]
			if k == nil {
				k = vector{}
				keys[key] = k
			}
			sw := 1.0
			if g.support != nil && g.support[lemma] > 0 {
				sw = math.Pow(g.support[lemma], g.p.CollisionSupport[l.Code])
			}
			for c, w := range v {
				k[c] += sw * w
			}
		}
		stems := strings.Join(content, " ")
		for c, w := range v {
			m := concepts[c]
			if m == nil {
				m = map[string]float64{}
				concepts[c] = m
			}
			m[stems] = max(m[stems], w)
		}
	}

	senses := make(map[string][]conceptfile.Sense, len(keys))
	for key, v := range keys {
		v = g.cut(v)
		for _, c := range byWeight(v) {
			senses[key] = append(senses[key], conceptfile.Sense{Concept: uint32(c), Weight: quantize(v[c])})
		}
	}
	words := make(map[uint32][]conceptfile.Word, len(concepts))
	for c, m := range concepts {
		list := make([]string, 0, len(m))
		for s := range m {
			list = append(list, s)
		}
		slices.SortFunc(list, func(a, b string) int {
			if qa, qb := quantize(m[a]), quantize(m[b]); qa != qb {
				return qb - qa
			}
			return strings.Compare(a, b)
		})
		for _, s := range list {
			words[uint32(c)] = append(words[uint32(c)], conceptfile.Word{Stems: s, Weight: quantize(m[s])})
		}
	}
	return &table{senses: senses, words: words}
}

// byWeight lists a vector's concepts heaviest first (quantized, so the
// order is the order a reader of the file sees), ties by id.
func byWeight(v vector) []int32 {
	list := make([]int32, 0, len(v))
	for c := range v {
		list = append(list, c)
	}
	slices.SortFunc(list, func(a, b int32) int {
		if qa, qb := quantize(v[a]), quantize(v[b]); qa != qb {
			return qb - qa
		}
		// Ties in base-36 order, as the first tables were written.
		return strings.Compare(strconv.FormatInt(int64(a), 36), strconv.FormatInt(int64(b), 36))
	})
	return list
}

func quantize(w float64) int { return max(1, min(100, int(math.Round(w*100)))) }

// isStop and isClitic read a folded word as the engine's analyzer does
// (qa/analyzer.go): a stop word, a hyphenated run of stop words and
// letters ("a-t-elle"), or an elided piece ("l'", "'s").
func isStop(l *lang.Language, folded string) bool {
	if l.IsStopword(folded) {
		return true
	}
	if !strings.Contains(folded, "-") {
		return false
	}
	for part := range strings.SplitSeq(folded, "-") {
		if utf8.RuneCountInString(part) > 1 && !l.IsStopword(part) {
			return false
		}
	}
	return true
}

func isClitic(folded string) bool {
	return strings.HasPrefix(folded, "'") || strings.HasSuffix(folded, "'")
}

func readWordnet(in fs.FS) (*wordnet, error) {
	wn := &wordnet{index: map[string]int32{}, senses: map[string][]sense{}}
	type row struct {
		id     string
		lemmas []string
	}
	var rows []row
	if err := eachGzipLine(in, "wordnet30-synsets-en.tsv.gz", func(n int, line string) error {
		id, rest, ok := strings.Cut(line, "\t")
		if !ok || len(id) != 10 || id[8] != '-' {
			return fmt.Errorf("line %d: want synset<TAB>lemmas, got %q", n, line)
		}
		var lemmas []string
		for l := range strings.SplitSeq(rest, "|") {
			if l = stripMarker(strings.TrimSpace(l)); l != "" {
				lemmas = append(lemmas, l)
			}
		}
		rows = append(rows, row{id, lemmas})
		return nil
	}); err != nil {
		return nil, err
	}
	slices.SortFunc(rows, func(a, b row) int { return strings.Compare(a.id, b.id) })
	for i, r := range rows {
		if _, dup := wn.index[r.id]; dup {
			return nil, fmt.Errorf("wordnet30-synsets-en.tsv.gz: synset %s twice", r.id)
		}
		wn.index[r.id] = int32(i)
		wn.ids = append(wn.ids, r.id)
		wn.lemmas = append(wn.lemmas, r.lemmas)
	}
	if err := eachGzipLine(in, "wn30-senses.tsv.gz", func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 3 || len(f[1]) != 1 {
			return fmt.Errorf("line %d: want lemma<TAB>pos<TAB>senses, got %q", n, line)
		}
		for rank, s := range strings.Fields(f[2]) {
			off, cnt, _ := strings.Cut(s, ":")
			c, ok := wn.index[off+"-"+f[1]]
			if !ok {
				return fmt.Errorf("line %d: unknown synset %s-%s", n, off, f[1])
			}
			count := 0
			if cnt != "" {
				var err error
				if count, err = strconv.Atoi(cnt); err != nil {
					return fmt.Errorf("line %d: bad count %q", n, cnt)
				}
			}
			wn.senses[f[0]] = append(wn.senses[f[0]], sense{concept: c, pos: f[1][0], rank: rank, count: count})
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if err := eachGzipLine(in, "wn30-links.tsv.gz", func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return fmt.Errorf("line %d: want type<TAB>synset<TAB>lemma<TAB>synset<TAB>lemma, got %q", n, line)
		}
		a, ok1 := wn.index[f[1]]
		b, ok2 := wn.index[f[3]]
		if !ok1 || !ok2 {
			return fmt.Errorf("line %d: unknown synset in %q", n, line)
		}
		// Every kind of link joins the two words both ways: a question
		// may use either.
		wn.links = append(wn.links, link{a, b, f[2], f[4]}, link{b, a, f[4], f[2]})
		return nil
	}); err != nil {
		return nil, err
	}
	if err := eachGzipLine(in, "wn30-exc.tsv.gz", func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return fmt.Errorf("line %d: want form<TAB>base<TAB>pos, got %q", n, line)
		}
		wn.exc = append(wn.exc, [3]string{f[0], f[1], f[2]})
		return nil
	}); err != nil {
		return nil, err
	}
	return wn, nil
}

func eachGzipLine(in fs.FS, name string, fn func(n int, line string) error) error {
	f, err := in.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		if line := strings.TrimRight(sc.Text(), "\r"); line != "" {
			if err := fn(n, line); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	if err := sc.Err(); err != nil && err != io.EOF {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
