package qa

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

func TestCutWhy(t *testing.T) {
	tests := []struct {
		sentence, want string
	}{
		{"The match was postponed because of heavy rain.", "because of heavy rain"},
		{`Since May 2018, four officials have been expelled, accused of "spying for a rival".`, `accused of "spying for a rival"`},
		{"Since 2019, the port has grown.", ""},
		{"The mayor resigned over the scandal, his aide said.", "over the scandal"},
		{"The new bridge opened to traffic in March 2020, the city said.", ""},
	}
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			article := "Title of the page\n\nAFP - JOHN ROE\n\n" + tt.sentence + "\n"
			e, err := Load(fstest.MapFS{"a.txt": {Data: []byte(article)}}, Options{Languages: reg})
			if err != nil {
				t.Fatal(err)
			}
			d := -1
			for i, doc := range e.idx.docs {
				if doc.sentence.Text == tt.sentence {
					d = i
				}
			}
			if d < 0 {
				t.Fatalf("sentence %q not indexed as one sentence", tt.sentence)
			}
			if got := e.cues.cut(&e.idx.docs[d], "why"); got != tt.want {
				t.Errorf("cut(why) = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestClassesFile(t *testing.T) {
	e := storeEngine(t)
	for _, tt := range []struct {
		noun string
		want corpus.NameKind
	}{{"officials", corpus.NamePerson}, {"country", corpus.NamePlace}, {"agency", corpus.NameOrg}} {
		if got, ok := e.cues.class([]string{e.article.stem(tt.noun)}); !ok || got != tt.want {
			t.Errorf("class(%q) = %v, %v; want %v", tt.noun, got, ok, tt.want)
		}
	}
	if _, ok := e.cues.class([]string{e.article.stem("river")}); !ok {
		t.Errorf("class(river) not found; want place")
	}
	if _, ok := e.cues.class([]string{e.article.stem("deal")}); ok {
		t.Errorf("class(deal) found; want none")
	}
	bad := fstest.MapFS{"data/en/classes.tsv": {Data: []byte("animal\tdog\n")}}
	if _, err := loadCues(bad, e.article); err == nil {
		t.Error("loadCues accepted a classes.tsv with an unknown kind")
	}
}

func TestHyphenatedStopWords(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	fr, _ := reg.Get("fr")
	an := &analyzer{l: fr, memo: map[string]string{}}
	for w, want := range map[string]bool{"a-t-elle": true, "a-t-il": true, "est-ce": true, "porte-parole": false, "vice-president": false, "elle": true, "otan": false} {
		if got := an.isStop(w); got != want {
			t.Errorf("fr isStop(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestAfterLandmarkCue(t *testing.T) {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	const sentence = "The settlers built a city not far from the Tarnow river and named it Brova in 2019."
	e, err := Load(fstest.MapFS{"a.txt": {Data: []byte("Title of the page\n\nAFP - JOHN ROE\n\n" + sentence + "\n")}}, Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	d := &e.idx.docs[len(e.idx.docs)-1]
	if d.sentence.Text != sentence {
		t.Fatalf("last sentence = %q", d.sentence.Text)
	}
	for word, want := range map[string]bool{"Tarnow": true, "Brova": false, "city": false} {
		if got := e.cues.after(d, strings.Index(sentence, word), "landmark"); got != want {
			t.Errorf("after(%q, landmark) = %v, want %v", word, got, want)
		}
	}
}
