package main_test

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/internal/realdata"
	"github.com/qabot/qabot/lang"
)

// TestDataCopiesNoArticle fails when an entry of the language or corpus
// data (lexicons, synonyms, cues, measures, classes, furniture rules...)
// copies a phrase of three words or more from the seed article or the
// test articles: such an entry was written for the questions about that
// article, and makes the figures on it say nothing about other articles
// (issue 9). Data is fitted on real data (../shared/lexical, the sets of
// testdata/realdata), never on the articles we test with.
//
// Two kinds of shared phrase are not copies: phrases the articles write
// as proper names ("European Space Agency": every word capitalised, a
// name any list of organisations has), and phrases of general English,
// that also occur in the English texts of testdata/realdata (2,600
// Wikipedia paragraphs and pages that nobody here chose: "the end of",
// "for more than"). The few common phrases that text happens to lack are
// listed in generalPhrases, each with its reason.
func TestDataCopiesNoArticle(t *testing.T) {
	articles := map[string]*trigramSource{}
	for _, pattern := range []string{"seeds/*.txt", "testdata/articles/*.txt"} {
		files, err := filepath.Glob(pattern)
		if err != nil || len(files) == 0 {
			t.Fatalf("no articles in %s", pattern)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			addTrigrams(articles, filepath.Base(f), string(b))
		}
	}
	general := backgroundTrigrams(t)

	var data []string
	for _, root := range []string{"lang/data", "corpus/data"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			switch name := d.Name(); {
			case name == "langid.txt" || name == "messages.json":
				// The language detector's training text and the bot's own
				// replies: text, not entries the answering reads.
				return nil
			case strings.HasPrefix(name, "concept"):
				// Generated from WordNet and the Open Multilingual Wordnet
				// by lang/internal/genlex: general by construction.
				return nil
			case !strings.HasSuffix(name, ".tsv") && !strings.HasSuffix(name, ".txt") && !strings.HasSuffix(name, ".json"):
				return nil // not a text data file
			case strings.HasPrefix(name, "license") || strings.HasPrefix(name, "NOTICE") || strings.HasPrefix(name, "README"):
				return nil
			}
			data = append(data, p)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(data) < 50 {
		t.Fatalf("only %d data files found", len(data))
	}
	used := map[string]bool{}
	for _, file := range data {
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for n := 1; sc.Scan(); n++ {
			line := sc.Text()
			if strings.HasPrefix(strings.TrimSpace(line), "#") {
				continue
			}
			for _, field := range strings.FieldsFunc(line, func(r rune) bool { return r == '\t' || r == '|' }) {
				words := dataWords(field)
				for i := 0; i+3 <= len(words); i++ {
					tri := strings.Join(words[i:i+3], " ")
					src, ok := articles[tri]
					if !ok || src.name || general[tri] {
						continue
					}
					if p := generalPhrase(file, words, i); p != "" {
						used[filepath.ToSlash(file)+"\t"+p] = true
						continue
					}
					t.Errorf("%s:%d: %q copies %q of %s", file, n, strings.TrimSpace(field), tri, src.article)
					break
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	// An exemption nothing needs any more goes.
	for file, phrases := range generalPhrases {
		for _, p := range phrases {
			if !used[file+"\t"+p] {
				t.Errorf("generalPhrases: %s no longer has %q: remove the exemption", file, p)
			}
		}
	}
}

// generalPhrases are phrases of the data that the test articles share and
// the background text lacks, but that are general news English, not
// copies, by file.
var generalPhrases = map[string][]string{
	// Reporting cues: "X said in a statement" is how wire copy attributes.
	"lang/data/en/cues.tsv": {"in a statement", "said in a statement"},
	// A duration any date reader knows.
	"lang/data/en/time.json": {"a quarter of a century"},
	// Page furniture every news site prints.
	"corpus/data/furniture.txt": {"more on this story", "more on this topic", "contributed to this report"},
}

// generalPhrase returns the phrase of generalPhrases[file] that covers
// words[i:i+3], or "".
func generalPhrase(file string, words []string, i int) string {
	for _, p := range generalPhrases[filepath.ToSlash(file)] {
		pw := strings.Fields(p)
		for start := max(0, i+3-len(pw)); start <= i && start+len(pw) <= len(words); start++ {
			if slices.Equal(words[start:start+len(pw)], pw) {
				return p
			}
		}
	}
	return ""
}

// A trigramSource says where an article trigram comes from, and whether
// the articles write it as (part of) a proper name somewhere.
type trigramSource struct {
	article string
	name    bool
}

func addTrigrams(m map[string]*trigramSource, article, text string) {
	for line := range strings.SplitSeq(text, "\n") {
		toks := lang.Tokens(line)
		var words []string
		var caps []bool
		for _, t := range toks {
			for _, w := range dataWords(t.Text) {
				words = append(words, w)
				r := []rune(t.Text)[0]
				caps = append(caps, unicode.IsUpper(r) || unicode.IsDigit(r))
			}
		}
		for i := 0; i+3 <= len(words); i++ {
			tri := strings.Join(words[i:i+3], " ")
			// Part of a name: every word capitalised but for a short
			// function word ("Organization of Iran", "Mojahedin
			// Organization of").
			capsN, short := 0, 0
			for j := i; j < i+3; j++ {
				if caps[j] {
					capsN++
				} else if len(words[j]) <= 3 {
					short++
				}
			}
			name := capsN == 3 || capsN == 2 && short == 1
			if s, ok := m[tri]; ok {
				s.name = s.name || name
				continue
			}
			m[tri] = &trigramSource{article: article, name: name}
		}
	}
}

// dataWords splits text into lower-case, accent-folded words: runs of
// letters and digits, apostrophes inside a word kept ("people's").
func dataWords(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, strings.Trim(b.String(), "'"))
			b.Reset()
		}
	}
	for _, r := range lang.Fold(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		case (r == '\'' || r == '’') && b.Len() > 0:
			b.WriteRune('\'')
		default:
			flush()
		}
	}
	flush()
	return out
}

// backgroundTrigrams returns the trigrams of the English article texts of
// testdata/realdata.
func backgroundTrigrams(t *testing.T) map[string]bool {
	t.Helper()
	fsys := os.DirFS("testdata/realdata")
	files, err := realdata.Files(fsys, ".")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	seen := map[string]bool{}
	for _, f := range files {
		// The English sets: qa-data's en.*, and xquad-dev's English
		// articles (which xling-en asks about).
		if base := filepath.Base(f); !strings.HasPrefix(base, "en.") && base != "xling-en.jsonl" {
			continue
		}
		s, err := realdata.ReadFile(fsys, f, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range s.Articles {
			if a.Lang != "en" || seen[a.ID] {
				continue
			}
			seen[a.ID] = true
			addBackground(out, a)
		}
	}
	if len(out) < 500000 {
		t.Fatalf("only %d background trigrams: is testdata/realdata complete?", len(out))
	}
	return out
}

func addBackground(m map[string]bool, a *dataset.Article) {
	for _, p := range a.Paragraphs {
		words := dataWords(a.Text[p.Start:p.End])
		for i := 0; i+3 <= len(words); i++ {
			m[strings.Join(words[i:i+3], " ")] = true
		}
	}
}
