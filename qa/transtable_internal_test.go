package qa

import (
	"bytes"
	"flag"
	"maps"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/lang"
)

var updateTranslations = flag.Bool("update.translations", false, "rewrite translations.bin (go generate ./qa)")

// builtTranslations builds every language's table into English from the
// embedded data as a process did on the first question in that language
// before translations.bin.
func builtTranslations(t *testing.T) (map[string]*stemTable, *lang.Registry) {
	t.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	en, _ := reg.Get("en")
	glosses := newGlossStems(&analyzer{l: en, memo: map[string]string{}})
	tabs := map[string]*stemTable{}
	for _, l := range reg.Languages() {
		if l.Code != "en" {
			tabs[l.Code] = buildTranslations(&analyzer{l: l, memo: map[string]string{}}, glosses)
		}
	}
	return tabs, reg
}

// TestTranslationTablesUpToDate builds the translation tables from the
// embedded data and compares them with translations.bin, byte for byte,
// then reads every key back, whole and through match: a change to a
// lexicon, places or orgs file or to an analyzer needs go generate ./qa.
func TestTranslationTablesUpToDate(t *testing.T) {
	built, reg := builtTranslations(t)
	want := encodeTransTables(built)
	if *updateTranslations {
		if err := os.WriteFile("translations.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal([]byte(translationsBin), want) {
		t.Fatalf("translations.bin (%d bytes) is not the tables the data makes (%d bytes): run go generate ./qa", len(translationsBin), len(want))
	}
	en, _ := reg.Get("en")
	opt := cmp.AllowUnexported(alt{})
	for code, st := range built {
		l, _ := reg.Get(code)
		tab, err := embeddedTranslation(l, en)
		if err != nil || tab == nil {
			t.Fatalf("%s: embeddedTranslation = %v, %v", code, tab, err)
		}
		if len(st.m) == 0 {
			t.Errorf("%s: the built table is empty", code)
		}
		for k, alts := range st.m {
			row := tab.findKey(k)
			if row < 0 {
				t.Errorf("%s: key %q not found", code, k)
				continue
			}
			// reflect.DeepEqual first: cmp over every key of nine
			// tables took seconds.
			if got := tab.alternatives(row); !reflect.DeepEqual(alts, got) {
				t.Errorf("%s: alternatives of %q (-built +read):\n%s", code, k, cmp.Diff(alts, got, opt))
			}
			stems := append(strings.Fields(k), "zzzz", "yyyy")
			a1, n1 := st.match(stems)
			a2, n2 := tab.match(stems)
			if n1 != n2 || !reflect.DeepEqual(a1, a2) {
				t.Errorf("%s: match(%q) = %v, %d read; %v, %d built", code, stems, a2, n2, a1, n1)
			}
		}
		// Decoded whole, as composeTables and invertTranslations read it.
		dec := tab.stemTable()
		if !reflect.DeepEqual(st.m, dec.m) {
			t.Errorf("%s: decoded table (-built +decoded):\n%s", code, cmp.Diff(st.m, dec.m, opt))
		}
		if dec.maxWords != st.maxWords || !maps.Equal(dec.longer, st.longer) {
			t.Errorf("%s: decoded maxWords %d, %d longer keys; built %d, %d", code, dec.maxWords, len(dec.longer), st.maxWords, len(st.longer))
		}
		var keys []string
		tab.eachKey(func(k string) bool { keys = append(keys, k); return true })
		if len(keys) != len(st.m) || !slices.IsSorted(keys) {
			t.Errorf("%s: eachKey gave %d keys (sorted %t), the table has %d", code, len(keys), slices.IsSorted(keys), len(st.m))
		}
	}
	if tab, err := findTransTable([]byte(translationsBin), translationsBin, "xx"); tab != nil || err != nil {
		t.Errorf("findTransTable(xx) = %v, %v; want nil, nil", tab, err)
	}
}

// TestEmbeddedTranslationOnlyForEmbeddedData: languages read from other
// files than the embedded data (which may gloss other words) get no
// embedded table, so their translations are built from their files.
func TestEmbeddedTranslationOnlyForEmbeddedData(t *testing.T) {
	fsys := fstest.MapFS{}
	for _, code := range []string{"en", "fr"} {
		for _, f := range []string{"meta.json", "stopwords.txt", "questions.tsv", "messages.json", "lexicon.tsv"} {
			b, err := lang.Data.ReadFile("data/" + code + "/" + f)
			if err != nil {
				continue
			}
			fsys["data/"+code+"/"+f] = &fstest.MapFile{Data: b}
		}
	}
	reg, err := lang.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	en, _ := reg.Get("en")
	fr, _ := reg.Get("fr")
	if tab, err := embeddedTranslation(fr, en); tab != nil || err != nil {
		t.Errorf("embeddedTranslation(fr of a MapFS) = %v, %v; want nil, nil", tab, err)
	}
	r, err := NewResources(Options{Languages: reg})
	if err != nil {
		t.Fatal(err)
	}
	if lt := r.translations["fr"]; lt == nil || lt.embedded != nil {
		t.Fatalf("translations[fr] of a MapFS = %+v; want one built from its files", lt)
	}
	if st := r.translations["fr"].files(); st == nil || len(st.m) == 0 {
		t.Errorf("translations[fr] of a MapFS built no table")
	}
	// With a glossary, the tables are built too: it adds to them.
	emb, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	r, err = NewResources(Options{Languages: emb, Glossary: func(string) map[string][]string { return nil }})
	if err != nil {
		t.Fatal(err)
	}
	if lt := r.translations["fr"]; lt == nil || lt.embedded != nil {
		t.Errorf("translations[fr] with a glossary = %+v; want one built", lt)
	}
	r, err = NewResources(Options{Languages: emb})
	if err != nil {
		t.Fatal(err)
	}
	if lt := r.translations["fr"]; lt == nil || lt.embedded == nil {
		t.Errorf("translations[fr] of the embedded data: no embedded table")
	}
}

// TestTranslationTablesRefuseDamage cuts the embedded set short and points
// an entry outside it: each damaged set is refused, not read.
func TestTranslationTablesRefuseDamage(t *testing.T) {
	good := []byte(translationsBin)
	for _, n := range []int{0, 8, 11, 20, 40} {
		if _, err := findTransTable(good[:n], string(good[:n]), "fr"); err == nil {
			t.Errorf("findTransTable(first %d of %d bytes) = nil error", n, len(good))
		}
	}
	bad := slices.Clone(good)
	copy(bad[len(transMagic)+4+8:], []byte{0xff, 0xff, 0xff, 0x7f}) // the first table's offset
	if _, err := findTransTable(bad, string(bad), "de"); err == nil {
		t.Error("findTransTable(a table outside the set) = nil error")
	}
	if _, err := findTransTable(good[:len(good)-1], string(good[:len(good)-1]), "sv"); err == nil {
		t.Error("findTransTable(the last table cut short) = nil error")
	}
}
