package qa

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

// cues holds what the engine knows about the articles' language beyond
// stems: words that introduce an answer (cues.tsv), negations and
// opposites (antonyms.tsv), nouns that name a class of names (classes.tsv).
type cues struct {
	an        *analyzer
	phrases   map[string][][]string // kind -> cue phrases as folded words
	byFirst   map[string][]cueRef   // first word -> the phrases it opens
	speech    map[string]bool       // stems of verbs that report speech, as questions use them (cues.tsv)
	accusing  map[string]bool       // stems of verbs of accusing (one word)
	negations [][]string            // negation words and phrases, folded
	antonyms  map[string]map[string]bool
	classes   map[string]corpus.NameKind // stem of "country", "official" -> kind
	// measures.tsv: what a unit measures ("km" -> distance), and what a
	// question word asks for ("far" -> distance, "cost" -> money).
	unitMeasure, askMeasure map[string]string
	// saying holds the words of saying an article writes, folded, as
	// written: the fact extractor's broad list (facts.txt, "speech") and
	// the one-word quote cues. Written forms, not stems: a stem would
	// also take the infinitive ("à déplorer") for reported speech.
	saying map[string]bool
	// sayingWritten holds the same words lower-cased but not folded: a
	// stop word is a verb of saying only as written ("сказал" in Russian;
	// Swedish "sa", not "så", which folds onto it).
	sayingWritten map[string]bool
	// determiners and pronouns (facts.txt) may open a speaker read after
	// its verb ("a déclaré le syndicat", "sagte er"); another function
	// word ("insisted that ...") opens what was said.
	determiners, pronouns map[string]bool
}

// A cueRef is one cue phrase and its kind.
type cueRef struct {
	kind  string
	words []string
}

// readData reads data/<code>/<name> from fsys. A missing file is not an
// error: the data is optional and the engine works, less well, without it.
func readData(fsys fs.FS, code, name string) ([]byte, error) {
	b, err := fs.ReadFile(fsys, "data/"+code+"/"+name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s/%s: %w", code, name, err)
	}
	return b, nil
}

// eachRow calls fn with the two fields of every line of a
// "left<TAB>right" file, skipping blank lines and # comments. section is
// the text of the last "#name" comment line, for files with sections.
func eachRow(data []byte, fn func(section, left, right string)) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	section := ""
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "#") {
			if f := strings.Fields(strings.TrimPrefix(line, "#")); len(f) == 1 {
				section = strings.ToLower(f[0])
			}
			continue
		}
		left, right, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		fn(section, strings.TrimSpace(left), strings.TrimSpace(right))
	}
}

func loadCues(fsys fs.FS, an *analyzer) (*cues, error) {
	c := &cues{an: an, phrases: map[string][][]string{}, byFirst: map[string][]cueRef{}, speech: map[string]bool{}, saying: map[string]bool{}, sayingWritten: map[string]bool{}, determiners: map[string]bool{}, pronouns: map[string]bool{}, accusing: map[string]bool{}, antonyms: map[string]map[string]bool{}}
	code := an.l.Code
	data, err := readData(fsys, code, "cues.tsv")
	if err != nil {
		return nil, err
	}
	eachRow(data, func(_, kind, phrase string) {
		words := foldedWords(phrase)
		if len(words) == 0 {
			return
		}
		c.phrases[kind] = append(c.phrases[kind], words)
		c.byFirst[words[0]] = append(c.byFirst[words[0]], cueRef{kind, words})
		if kind == "quote" && len(words) == 1 {
			c.speech[an.stem(words[0])] = true
			c.saying[words[0]] = true
			c.sayingWritten[strings.ToLower(strings.TrimSpace(phrase))] = true
		}
		if kind == "accuse" && len(words) == 1 {
			c.accusing[an.stem(words[0])] = true
		}
	})
	// The fact extractor's words of saying (facts.txt, "speech") are the
	// broad list of each language.
	data, err = readData(fsys, code, "facts.txt")
	if err != nil {
		return nil, err
	}
	eachRow(data, func(_, list, words string) {
		for w := range strings.SplitSeq(words, "|") {
			f := foldedWords(w)
			if len(f) != 1 {
				continue
			}
			switch list {
			case "speech":
				// Not a function word: German "so" ("so der Sprecher"),
				// French "a-t-il" name no verb of their own.
				if !an.isStop(f[0]) {
					c.saying[f[0]] = true
					c.sayingWritten[strings.ToLower(strings.TrimSpace(w))] = true
				}
			case "determiner":
				c.determiners[f[0]] = true
			case "pronoun":
				c.pronouns[f[0]] = true
			}
		}
	})
	data, err = readData(fsys, code, "antonyms.tsv")
	if err != nil {
		return nil, err
	}
	eachRow(data, func(section, left, right string) {
		if strings.EqualFold(right, "NEG") || section == "negation" {
			// "failed to", "instead of": phrases, matched whole, so "to"
			// and "of" do not become negations.
			if words := foldedWords(left); len(words) > 0 {
				c.negations = append(c.negations, words)
			}
			return
		}
		a := an.stem(left)
		for _, o := range strings.Split(right, "|") {
			b := an.stem(strings.TrimSpace(o))
			c.link(a, b)
			c.link(b, a)
		}
	})
	data, err = readData(fsys, code, "classes.tsv")
	if err != nil {
		return nil, err
	}
	kinds := map[string]corpus.NameKind{"person": corpus.NamePerson, "place": corpus.NamePlace, "org": corpus.NameOrg}
	c.classes = map[string]corpus.NameKind{}
	var bad []string
	eachRow(data, func(_, kind, noun string) {
		k, ok := kinds[kind]
		if !ok {
			bad = append(bad, kind)
			return
		}
		c.classes[an.stem(noun)] = k
	})
	if len(bad) > 0 {
		return nil, fmt.Errorf("%s/classes.tsv: unknown kinds %q (want person, place or org)", code, bad)
	}
	data, err = readData(fsys, code, "measures.tsv")
	if err != nil {
		return nil, err
	}
	c.unitMeasure, c.askMeasure = map[string]string{}, map[string]string{}
	eachRow(data, func(section, measure, words string) {
		for _, w := range strings.Split(words, "|") {
			w = strings.ToLower(strings.TrimSpace(w))
			switch section {
			case "units":
				c.unitMeasure[w] = measure
			case "asks":
				c.askMeasure[an.stem(w)] = measure
			}
		}
	})
	return c, nil
}

// measureOf returns what a quantity measures: "money" for an amount,
// "distance" for "190 kilometers"; "" for a count ("300 people").
func (c *cues) measureOf(n corpus.Number) string {
	if n.Money {
		return "money"
	}
	return c.unitMeasure[strings.ToLower(n.Unit)]
}

// class returns the kind of name a class noun asks for: person for
// "official", place for "country". ok is false when stems name no class.
func (c *cues) class(stems []string) (kind corpus.NameKind, ok bool) {
	if len(stems) != 1 {
		return 0, false
	}
	kind, ok = c.classes[stems[0]]
	return kind, ok
}

func (c *cues) link(a, b string) {
	if c.antonyms[a] == nil {
		c.antonyms[a] = map[string]bool{}
	}
	c.antonyms[a][b] = true
}

func foldedWords(s string) []string {
	var out []string
	for _, t := range lang.Tokens(s) {
		out = append(out, lang.Fold(t.Text))
	}
	return out
}

func (c *cues) isSpeech(stem string) bool { return c.speech[stem] }

// says reports whether a word of an article is a verb of saying. A stop
// word (no stem) is matched as written, not folded: stop-word removal must
// not hide "сказал", nor folding make Swedish "så" say.
func (c *cues) says(t docToken) bool {
	if t.stem == "" {
		return c.sayingWritten[strings.ToLower(t.Text)]
	}
	return c.saying[t.folded]
}

// negationEnds returns where each negation among folded words ends: "not",
// "never", "failed to", "no longer".
func (c *cues) negationEnds(words []string) []int {
	var ends []int
	for i := 0; i < len(words); i++ {
		for _, neg := range c.negations {
			if i+len(neg) <= len(words) && slices.Equal(words[i:i+len(neg)], neg) {
				i += len(neg) - 1
				ends = append(ends, i+1)
				break
			}
		}
	}
	return ends
}

func (c *cues) opposite(a, b string) bool { return c.antonyms[a][b] }

// cut returns the clause of a sentence that a cue of the given kind
// introduces: "because of ..." up to the next comma or the end. Words
// quoted right after the cue are the clause ("accused of "activities
// harmful to national security""); a clause that says nothing but a date
// ("since December 2018") is a time, not a cause, and is passed over. It
// returns "" when no cue introduces a clause.
func (c *cues) cut(d *doc, kind string) string {
	text := d.sentence.Text
	for i := range d.toks {
		for _, cue := range c.phrases[kind] {
			if !matchWords(d.toks[i:], cue) {
				continue
			}
			after := d.toks[i+len(cue)-1].End
			body := len(text) - len(strings.TrimLeft(text[after:], " "+corpus.QuoteMarks))
			end := clauseEnd(text, body)
			if !c.saysMore(d, body, end) {
				continue
			}
			if r, n := utf8.DecodeRuneInString(text[end:]); body > after+1 && corpus.IsQuoteMark(r) {
				end += n // the quotation's closing mark
			}
			return strings.TrimSpace(text[d.toks[i].Start:end])
		}
	}
	return ""
}

// after reports whether a cue of the given kind ends right before offset
// start of d's sentence, an article between them allowed: "not far from
// (the) Strelsau" for the landmark kind.
func (c *cues) after(d *doc, start int, kind string) bool {
	end := -1
	for i, t := range d.toks {
		if t.Start >= start {
			end = i
			break
		}
	}
	if end < 0 {
		return false
	}
	if end > 0 {
		for _, a := range c.phrases["article"] {
			if len(a) == 1 && d.toks[end-1].folded == a[0] {
				end--
				break
			}
		}
	}
	for _, cue := range c.phrases[kind] {
		if k := end - len(cue); k >= 0 && matchWords(d.toks[k:end], cue) {
			return true
		}
	}
	return false
}

// saysMore reports whether text[start:end] of a sentence has a content
// word outside its dates.
func (c *cues) saysMore(d *doc, start, end int) bool {
	for _, t := range d.toks {
		if t.Start < start || t.End > end || t.stem == "" {
			continue
		}
		inDate := false
		for _, x := range d.sentence.Facts.Dates {
			inDate = inDate || x.Start <= t.Start && t.End <= x.End
		}
		if !inDate {
			return true
		}
	}
	return false
}

func matchWords(toks []docToken, words []string) bool {
	if len(toks) < len(words) {
		return false
	}
	for i, w := range words {
		if toks[i].folded != w {
			return false
		}
	}
	return true
}

// clauseEnd returns the offset of the end of the clause that runs on from
// i: the next comma, semicolon, full stop or closing quote.
func clauseEnd(text string, i int) int {
	if j := strings.IndexAny(text[i:], ",;.!?"+corpus.QuoteMarks); j >= 0 {
		return i + j
	}
	return len(text)
}

// apposition returns the description that follows a name: "the WMO, a
// United Nations agency based in Geneva" gives "a United Nations agency
// based in Geneva". It needs a define cue right after the comma.
func (c *cues) apposition(text string, end int) string {
	rest := text[end:]
	if !strings.HasPrefix(rest, ", ") && !strings.HasPrefix(rest, "), ") {
		return ""
	}
	rest = rest[strings.Index(rest, ", ")+2:]
	words := foldedWords(rest)
	for _, cue := range c.phrases["define"] {
		if hasPrefixWords(words, cue) {
			return strings.TrimSpace(rest[:clauseEnd(rest, 0)])
		}
	}
	return ""
}

// opposites returns the stems listed as opposites of a stem, sorted.
func (c *cues) opposites(a string) []string {
	out := make([]string, 0, len(c.antonyms[a]))
	for o := range c.antonyms[a] {
		out = append(out, o)
	}
	slices.Sort(out)
	return out
}
