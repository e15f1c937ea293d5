package lang

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/lang/internal/conceptfile"
)

// TestConceptFiles checks every generated table: it parses, its keys are
// sorted with no repeats (or the binary search would miss keys), every
// key's senses are found by Senses and weigh 0-1, and every concept a
// key names has words in some language's table (genlex keeps only
// concepts that join two languages).
func TestConceptFiles(t *testing.T) {
	reg, err := Load(Data)
	if err != nil {
		t.Fatal(err)
	}
	words := map[Concept]bool{}
	senses := map[string][]Concept{}
	for _, l := range reg.Languages() {
		c := l.Concepts()
		if c.Empty() {
			t.Errorf("%s: no concept tables", l.Code)
			continue
		}
		prev, n := "", 0
		c.EachKey(func(key string, ss []Sense) bool {
			if n > 0 && key <= prev {
				t.Errorf("%s: key %q after %q: not sorted", l.Code, key, prev)
			}
			prev = key
			n++
			if !c.HasKey(key) || len(c.Senses(key)) != len(ss) || len(ss) == 0 {
				t.Errorf("%s: key %q: HasKey %v, Senses %v, listed with %v", l.Code, key, c.HasKey(key), c.Senses(key), ss)
			}
			for i, s := range ss {
				if s.Weight <= 0 || s.Weight > 1 || i > 0 && s.Weight > ss[i-1].Weight {
					t.Errorf("%s: %q senses %v: weights out of 0-1 or not heaviest first", l.Code, key, ss)
				}
				if len(senses[l.Code]) < 5000 {
					senses[l.Code] = append(senses[l.Code], s.Concept)
				}
			}
			return true
		})
		if n < 5000 {
			t.Errorf("%s: %d keys", l.Code, n)
		}
	}
	for _, l := range reg.Languages() {
		for _, cs := range senses {
			for _, c := range cs {
				if !words[c] && len(l.Concepts().Words(c)) > 0 {
					words[c] = true
				}
			}
		}
	}
	for code, cs := range senses {
		for _, c := range cs {
			if !words[c] {
				t.Errorf("%s: concept %d has no words in any language", code, c)
				break
			}
		}
	}
}

func TestConceptsLookup(t *testing.T) {
	reg, err := Load(Data)
	if err != nil {
		t.Fatal(err)
	}
	es, _ := reg.Get("es")
	de, _ := reg.Get("de")
	// "gobierno" and "Regierung" both mean the governing body first.
	gob := es.Concepts().Senses(Fold(es.Stem("gobierno")))
	reg2 := de.Concepts().Senses(Fold(de.Stem("Regierung")))
	if len(gob) == 0 || len(reg2) == 0 {
		t.Fatalf("Senses: gobierno %v, Regierung %v", gob, reg2)
	}
	shared := false
	for _, a := range gob {
		for _, b := range reg2 {
			shared = shared || a.Concept == b.Concept
		}
	}
	if !shared {
		t.Errorf("gobierno %v and Regierung %v share no concept", gob, reg2)
	}
	found := false
	for _, w := range de.Concepts().Words(gob[0].Concept) {
		found = found || strings.Join(w.Stems, " ") == Fold(de.Stem("Regierung"))
	}
	if !found {
		t.Errorf("the first concept of gobierno (%d) has no German word regier: %v", gob[0].Concept, de.Concepts().Words(gob[0].Concept))
	}
	if es.Concepts().HasKey("no such key") || es.Concepts().Senses("zzzz") != nil {
		t.Error("a missing key was found")
	}
}

// TestConceptsFromFile reads a small table written by conceptfile, as
// genlex writes them, and checks that a malformed file reads as empty.
func TestConceptsFromFile(t *testing.T) {
	data, err := conceptfile.Encode(
		map[string][]conceptfile.Sense{"zee": {{Concept: 1, Weight: 100}}, "sea": {{Concept: 1, Weight: 60}, {Concept: 7, Weight: 40}}},
		map[uint32][]conceptfile.Word{1: {{Stems: "sea", Weight: 100}, {Stems: "ocean", Weight: 50}}},
	)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for name, data := range map[string]string{
		"meta.json":     `{"code":"xx","name":"xx","english":"Xx","stemmer":"none"}`,
		"stopwords.txt": "de\n", "questions.tsv": "wie\twho\n", "messages.json": "{}",
		ConceptFile: string(data),
	} {
		fsys["data/xx/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	fsys["data/yy/"+ConceptFile] = &fstest.MapFile{Data: data[:len(data)-1]}
	for _, name := range []string{"meta.json", "stopwords.txt", "questions.tsv", "messages.json"} {
		fsys["data/yy/"+name] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(string(fsys["data/xx/"+name].Data), "xx", "yy"))}
	}
	reg, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	xx, _ := reg.Get("xx")
	got := xx.Concepts().Words(1)
	if len(got) != 2 || got[0].Stems[0] != "sea" || got[1].Weight != 0.5 {
		t.Errorf("Words(1) = %v", got)
	}
	if s := xx.Concepts().Senses("zee"); len(s) != 1 || s[0].Concept != 1 || s[0].Weight != 1 {
		t.Errorf("Senses(zee) = %v", s)
	}
	if s := xx.Concepts().Senses("sea"); len(s) != 2 || s[1].Concept != 7 || s[1].Weight != 0.4 {
		t.Errorf("Senses(sea) = %v", s)
	}
	// "ocean" is a word of concept 1, not a key.
	if xx.Concepts().HasKey("ocean") || xx.Concepts().Senses("ocean") != nil || xx.Concepts().Words(7) != nil {
		t.Error("a string that is no key has senses, or a concept without words has words")
	}
	yy, _ := reg.Get("yy")
	if !yy.Concepts().Empty() {
		t.Error("a truncated concept file reads as a table")
	}
}

// TestConceptWordsAreStems checks what lets a caller pool the words of
// several concepts by their WordRefs ids (qa's conceptTable.render): every
// string of every table is unique and written as stems joined by single
// spaces, so two ids never give the same stems; and WordRefs and Stems
// give what Words does.
func TestConceptWordsAreStems(t *testing.T) {
	reg, err := Load(Data)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range reg.Languages() {
		c := l.Concepts()
		seen := map[string]bool{}
		c.t.Each(func(key []byte, _ int) bool {
			s := string(key)
			if s == "" || strings.Join(strings.Fields(s), " ") != s || seen[s] {
				t.Errorf("%s: string %q: empty, repeated or not stems joined by single spaces", l.Code, s)
			}
			seen[s] = true
			return true
		})
		// The concepts of every 20th key.
		var concepts []Concept
		n := 0
		c.EachKey(func(_ string, ss []Sense) bool {
			if n++; n%20 == 0 {
				for _, s := range ss {
					concepts = append(concepts, s.Concept)
				}
			}
			return true
		})
		if len(concepts) < 100 {
			t.Fatalf("%s: %d concepts to check", l.Code, len(concepts))
		}
		var refs []ConceptWordRef
		for _, concept := range concepts {
			words := c.Words(concept)
			refs = c.WordRefs(concept, refs[:0])
			if len(refs) != len(words) {
				t.Fatalf("%s: concept %d: %d WordRefs, %d Words", l.Code, concept, len(refs), len(words))
			}
			for i, r := range refs {
				if got := c.Stems(r.ID); !slices.Equal(got, words[i].Stems) || r.Weight != words[i].Weight {
					t.Errorf("%s: concept %d word %d: Stems %q weight %v, Words %q weight %v", l.Code, concept, i, got, r.Weight, words[i].Stems, words[i].Weight)
				}
			}
		}
	}
}
