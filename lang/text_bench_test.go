package lang_test

import (
	"io/fs"
	"testing"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/seeds"
)

// seedText returns the first embedded seed article, a real scraped page.
func seedText(b *testing.B) string {
	b.Helper()
	names, err := fs.Glob(seeds.FS, "*.txt")
	if err != nil || len(names) == 0 {
		b.Fatalf("no seed articles: %v", err)
	}
	data, err := fs.ReadFile(seeds.FS, names[0])
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

func BenchmarkTokens(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []lang.Token
	for b.Loop() {
		buf = lang.AppendTokens(buf[:0], text)
	}
}

func BenchmarkFold(b *testing.B) {
	toks := lang.Tokens(seedText(b) + " Tiranë Téhéran Straße Эди Рама")
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range toks {
			lang.Fold(t.Text)
		}
	}
}
