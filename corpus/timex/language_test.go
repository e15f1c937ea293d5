package timex_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/qabot/qabot/corpus/timex"
)

// minimal is the smallest usable time.json: a made-up language whose
// words are easy to tell apart.
const minimal = `# a comment line
{
  "months": [
    {"label": "m1", "forms": ["mone"]}, {"label": "m2", "forms": ["mtwo"]}, {"label": "m3", "forms": ["mthree"]},
    {"label": "m4", "forms": ["mfour"]}, {"label": "m5", "forms": ["mfive"]}, {"label": "m6", "forms": ["msix"]},
    {"label": "m7", "forms": ["mseven"]}, {"label": "m8", "forms": ["meight"]}, {"label": "m9", "forms": ["mnine"]},
    {"label": "m10", "forms": ["mten"]}, {"label": "m11", "forms": ["meleven"]}, {"label": "m12", "forms": ["mtwelve"]}
  ],
  "weekdays": [
    {"label": "d1", "forms": ["done"]}, {"label": "d2", "forms": ["dtwo"]}, {"label": "d3", "forms": ["dthree"]},
    {"label": "d4", "forms": ["dfour"]}, {"label": "d5", "forms": ["dfive"]}, {"label": "d6", "forms": ["dsix"]},
    {"label": "d7", "forms": ["dseven"]}
  ],
  "seasons": [{"label": "s1", "forms": ["sone"]}, {"label": "s2", "forms": ["stwo"]}, {"label": "s3", "forms": ["sthree"]}, {"label": "s4", "forms": ["sfour"]}],
  "units": {"year": {"singular": ["yr"], "plural": ["yrs"], "labels": {"one": "yr", "other": "yrs"}}},
  "preps": {"point": ["at"]},
  "render": {"day": "{y}/{month}/{d}"}
}`

func TestLoadLanguages(t *testing.T) {
	fsys := fstest.MapFS{
		"data/xx/time.json":  {Data: []byte(minimal)},
		"data/xx/other.txt":  {Data: []byte("not read")},
		"data/yy/stopwords":  {Data: []byte("no time.json here")},
		"data/zz/time.json~": {Data: []byte("backup, not read")},
	}
	langs, err := timex.LoadLanguages(fsys)
	if err != nil {
		t.Fatalf("LoadLanguages: %v", err)
	}
	if len(langs) != 1 || langs["xx"] == nil || langs["xx"].Code != "xx" {
		t.Fatalf("LoadLanguages = %v, want only xx", langs)
	}
	x := &timex.Extractor{Lang: langs["xx"]}
	exprs := x.Extract("it was at 7 mnine 2022 for 3 yrs", testRef)
	if len(exprs) != 2 || exprs[0].Value != "2022-09-07" || exprs[1].Value != "P3Y" {
		t.Errorf("Extract with the minimal language = %+v, want 2022-09-07 and P3Y", exprs)
	}
	if got := langs["xx"].Format(exprs[0]); got != "2022/m9/7" {
		t.Errorf("Format = %q, want %q", got, "2022/m9/7")
	}
}

func TestLoadLanguagesErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
	}{
		{"bad json", `{"months": [`},
		{"unknown field", strings.Replace(minimal, `"preps"`, `"prepositions"`, 1)},
		{"too few months", strings.Replace(minimal, `{"label": "m12", "forms": ["mtwelve"]}`, ``, 1)},
		{"unknown unit", strings.Replace(minimal, `"units": {"year"`, `"units": {"fortnight"`, 1)},
		{"unknown prep role", strings.Replace(minimal, `"preps": {"point"`, `"preps": {"around"`, 1)},
		{"wrong code", strings.Replace(minimal, `"months"`, `"code": "en", "months"`, 1)},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{"data/xx/time.json": {Data: []byte(tt.data)}}
		if langs, err := timex.LoadLanguages(fsys); err == nil {
			t.Errorf("LoadLanguages(%s) = %d languages, want an error", tt.name, len(langs))
		}
	}
	if _, err := timex.LoadLanguages(fstest.MapFS{}); err == nil {
		t.Errorf("LoadLanguages(empty) succeeded, want an error")
	}
}

func TestNilSafety(t *testing.T) {
	var x *timex.Extractor
	if got := x.Extract("in 2009", testRef); got != nil {
		t.Errorf("nil Extractor.Extract = %v, want nil", got)
	}
	if got := (&timex.Extractor{}).Extract("in 2009", testRef); got != nil {
		t.Errorf("Extractor without language .Extract = %v, want nil", got)
	}
	var r *timex.Resolver
	doc := r.Document(nil, []string{"in 2009"})
	if len(doc.Sentences) != 1 || doc.Sentences[0] != nil {
		t.Errorf("nil Resolver.Document = %+v, want one empty sentence", doc)
	}
}

// TestConcurrentUse runs extractors and resolvers that share languages from
// several goroutines; run with -race.
func TestConcurrentUse(t *testing.T) {
	langs := mustLanguages(t)
	sentences := []string{"Albania cut ties on Wednesday, September 7.", "A month earlier, in July, talks failed.", "Since 2013 it hosts 3,000 people."}
	done := make(chan struct{})
	for g := 0; g < 4; g++ {
		go func() {
			defer func() { done <- struct{}{} }()
			for _, l := range langs {
				(&timex.Extractor{Lang: l}).Extract("in 2009, last year, 7 September 2022", testRef)
				doc := (&timex.Resolver{Lang: l}).Document([]string{"June 23, 2022"}, sentences)
				for _, s := range doc.Sentences {
					for _, e := range s {
						l.Format(e)
					}
				}
			}
		}()
	}
	for g := 0; g < 4; g++ {
		<-done
	}
}

func TestUnit(t *testing.T) {
	l, err := timex.ParseLanguage("xx", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		word string
		want timex.Precision
		ok   bool
	}{
		{"yr", timex.Year, true},
		{"YRS", timex.Year, true},
		{"mone", timex.PrecisionNone, false}, // a month, not a unit
		{"2022", timex.PrecisionNone, false},
		{"yr yr", timex.PrecisionNone, false},
		{"", timex.PrecisionNone, false},
	} {
		got, ok := l.Unit(tc.word)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Unit(%q) = %v, %v; want %v, %v", tc.word, got, ok, tc.want, tc.ok)
		}
	}
}

// TestOpenLanguages reads each language on first use: a broken time.json
// fails only its own language, with its path, and All fails on it.
func TestOpenLanguages(t *testing.T) {
	fsys := fstest.MapFS{
		"data/xx/time.json": {Data: []byte(minimal)},
		"data/yy/time.json": {Data: []byte("{not json")},
	}
	s, err := timex.OpenLanguages(fsys)
	if err != nil {
		t.Fatalf("OpenLanguages: %v", err)
	}
	if l, err := s.Get("xx"); err != nil || l == nil || l.Code != "xx" {
		t.Errorf("Get(xx) = %v, %v; want the minimal language", l, err)
	}
	if _, err := s.Get("yy"); err == nil || !strings.Contains(err.Error(), "data/yy/time.json") {
		t.Errorf("Get(yy) error = %v; want one naming data/yy/time.json", err)
	}
	if l, err := s.Get("zz"); l != nil || err != nil {
		t.Errorf("Get(zz) = %v, %v; want nil, nil", l, err)
	}
	if _, err := s.All(); err == nil {
		t.Error("All() with a broken file = nil error")
	}
	var none *timex.Languages
	if l, err := none.Get("en"); l != nil || err != nil {
		t.Errorf("nil set Get(en) = %v, %v; want nil, nil", l, err)
	}
}
