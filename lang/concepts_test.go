package lang

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestFindLine(t *testing.T) {
	data := []byte("a\t1\nb c\t2\nbb\t3\nd\t4\n")
	for _, tc := range []struct {
		key, want string
		ok        bool
	}{
		{"a", "1", true}, {"b c", "2", true}, {"bb", "3", true}, {"d", "4", true},
		{"", "", false}, {"b", "", false}, {"c", "", false}, {"e", "", false}, {"0", "", false},
	} {
		got, ok := findLine(data, tc.key)
		if got != tc.want || ok != tc.ok {
			t.Errorf("findLine(%q) = %q, %v; want %q, %v", tc.key, got, ok, tc.want, tc.ok)
		}
	}
	if _, ok := findLine(nil, "a"); ok {
		t.Error("findLine(nil) found a line")
	}
	if got, ok := findLine([]byte("x\ty"), "x"); !ok || got != "y" {
		t.Errorf("findLine without a final newline = %q, %v", got, ok)
	}
}

// TestConceptFiles checks every generated table: sorted by its first field
// with no repeats (or the binary search would miss keys), well-formed, and
// every concept a word names has words in the other file.
func TestConceptFiles(t *testing.T) {
	reg, err := Load(Data)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range reg.Languages() {
		c := l.Concepts()
		if c.Empty() {
			t.Errorf("%s: no concept tables", l.Code)
			continue
		}
		for _, f := range []struct {
			name string
			data []byte
		}{{conceptWordsFile, c.words}, {conceptFile, c.concepts}} {
			prev := ""
			for i, line := range strings.Split(strings.TrimSuffix(string(f.data), "\n"), "\n") {
				key, rest, ok := strings.Cut(line, "\t")
				if !ok || key == "" || rest == "" || strings.Contains(rest, "\t") {
					t.Errorf("%s/%s:%d: bad line %q", l.Code, f.name, i+1, line)
					continue
				}
				if i > 0 && key <= prev {
					t.Errorf("%s/%s:%d: %q after %q: not sorted", l.Code, f.name, i+1, key, prev)
				}
				prev = key
			}
		}
		n := 0
		c.Keys(func(key string) bool {
			n++
			senses := c.Senses(key)
			if len(senses) == 0 {
				t.Errorf("%s: key %q has no senses", l.Code, key)
			}
			for _, s := range senses {
				if s.Weight <= 0 || s.Weight > 1 {
					t.Errorf("%s: %q sense %v", l.Code, key, s)
				}
			}
			return n < 2000
		})
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
		t.Errorf("the first concept of gobierno (%s) has no German word regier: %v", gob[0].Concept, de.Concepts().Words(gob[0].Concept))
	}
	if es.Concepts().HasKey("no such key") || es.Concepts().Senses("zzzz") != nil {
		t.Error("a missing key was found")
	}
}

func TestConceptFilesComeTogether(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, data := range map[string]string{
		"meta.json":     `{"code":"xx","name":"xx","english":"Xx","stemmer":"none"}`,
		"stopwords.txt": "de\n", "questions.tsv": "wie\twho\n", "messages.json": "{}",
		"concepts.tsv": "zee\t1:100\n",
	} {
		fsys["data/xx/"+name] = &fstest.MapFile{Data: []byte(data)}
	}
	_, err := Load(fsys)
	if err == nil || !strings.Contains(err.Error(), "concept-words.tsv") {
		t.Errorf("Load with concepts.tsv alone: err = %v, want one naming concept-words.tsv", err)
	}
	fsys["data/xx/concept-words.tsv"] = &fstest.MapFile{Data: []byte("1\tsea:100|ocean:50\n")}
	reg, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	xx, _ := reg.Get("xx")
	got := xx.Concepts().Words("1")
	if len(got) != 2 || got[0].Stems[0] != "sea" || got[1].Weight != 0.5 {
		t.Errorf("Words(1) = %v", got)
	}
	if s := xx.Concepts().Senses("zee"); len(s) != 1 || s[0].Concept != "1" || s[0].Weight != 1 {
		t.Errorf("Senses(zee) = %v", s)
	}
}
