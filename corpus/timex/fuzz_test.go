package timex_test

import (
	"os"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus/timex"
)

func FuzzExtract(f *testing.F) {
	langs := mustLanguages(f)
	codes := make([]string, 0, len(langs))
	for c := range langs {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	for _, s := range []string{
		"on Wednesday, September 7", "07/11/2024 - 18:25", "2022. szeptember 7.", "в начале 1990-х годов",
		"l'année dernière", "GLACIS-3 at 09:14", "3,000 people", "mid-", "the '", "2014–", "1990-", "every",
		"\xff\xfe 2009", "😀 in 2009 😀", "Ende", "var 11:e", "between 2014 and", "XXe siècle", "7.", "a",
		"earlier this", "later in the", "said on", ", usually in July and", "every summer", "az év végén", "jövő év",
	} {
		f.Add(s, uint8(0))
		f.Add(s, uint8(5))
	}
	if raw, err := os.ReadFile("../../seeds/000_3025b2289f4c8319.txt"); err == nil {
		f.Add(string(raw), uint8(1))
	}
	f.Fuzz(func(t *testing.T, text string, li uint8) {
		l := langs[codes[int(li)%len(codes)]]
		x := &timex.Extractor{Lang: l}
		prev := 0
		for _, e := range x.Extract(text, testRef) {
			if e.Start < prev || e.Start >= e.End || e.End > len(text) {
				t.Fatalf("Extract(%q): bad offsets %d:%d after %d", text, e.Start, e.End, prev)
			}
			if e.Text != text[e.Start:e.End] {
				t.Fatalf("Extract(%q): Text %q != input[%d:%d]", text, e.Text, e.Start, e.End)
			}
			if utf8.ValidString(text) && !utf8.ValidString(e.Text) {
				t.Fatalf("Extract(%q): Text %q cuts a character", text, e.Text)
			}
			prev = e.End
			_ = l.Format(e)
		}
		r := &timex.Resolver{Lang: l}
		doc := r.Document([]string{text}, strings.Split(text, "\n"))
		for _, s := range doc.Sentences {
			for _, e := range s {
				_ = l.Format(e)
			}
		}
	})
}

func seedSentences(tb testing.TB) []string {
	tb.Helper()
	raw, err := os.ReadFile("../../seeds/000_3025b2289f4c8319.txt")
	if err != nil {
		tb.Fatalf("read seed: %v", err)
	}
	return blocks(string(raw))
}

func BenchmarkExtract(b *testing.B) {
	langs := mustLanguages(b)
	raw, err := os.ReadFile("../../seeds/000_3025b2289f4c8319.txt")
	if err != nil {
		b.Fatalf("read seed: %v", err)
	}
	text := string(raw)
	x := &timex.Extractor{Lang: langs["en"]}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		x.Extract(text, testRef)
	}
}

func BenchmarkDocument(b *testing.B) {
	langs := mustLanguages(b)
	sentences := seedSentences(b)
	r := &timex.Resolver{Lang: langs["en"]}
	anchors := []string{"Albanian Prime Minister Edi Rama, June 23, 2022 in Brussels."}
	n := 0
	for _, s := range sentences {
		n += len(s)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		r.Document(anchors, sentences)
	}
}

func BenchmarkLoadLanguages(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadLangs(); err != nil {
			b.Fatal(err)
		}
	}
}
