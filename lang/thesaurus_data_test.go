package lang_test

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

// The thesaurus files are plain data read by the engine's loader; these
// tests check them on their own so that a bad edit fails here, with a file
// name and line number, rather than as a quietly worse answer.

// tsvLine is one data line of a two-column file.
type tsvLine struct {
	num         int
	left, right string
}

// readTSV parses an embedded two-column file: UTF-8, "#" comment lines and
// blank lines skipped, every other line exactly "left<TAB>right" with both
// sides non-empty and free of surrounding spaces. It reports every bad line
// and returns the good ones.
func readTSV(t *testing.T, name string) []tsvLine {
	t.Helper()
	data, err := fs.ReadFile(lang.Data, name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	if !utf8.Valid(data) {
		t.Errorf("%s: not valid UTF-8", name)
	}
	var lines []tsvLine
	for i, text := range strings.Split(string(data), "\n") {
		num := i + 1
		text = strings.TrimSuffix(text, "\r")
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		if !utf8.ValidString(text) {
			t.Errorf("%s:%d: invalid UTF-8", name, num)
			continue
		}
		if n := strings.Count(text, "\t"); n != 1 {
			t.Errorf("%s:%d: %q has %d tabs, want 1", name, num, text, n)
			continue
		}
		left, right, _ := strings.Cut(text, "\t")
		if left == "" || right == "" {
			t.Errorf("%s:%d: %q has an empty side", name, num, text)
			continue
		}
		if strings.TrimSpace(left) != left || strings.TrimSpace(right) != right {
			t.Errorf("%s:%d: %q has spaces around a side", name, num, text)
			continue
		}
		lines = append(lines, tsvLine{num: num, left: left, right: right})
	}
	return lines
}

// isAcronym reports whether s is written in capitals, like "NATO" or "U.S.".
func isAcronym(s string) bool {
	hasUpper := false
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			hasUpper = true
		}
	}
	return hasUpper
}

// checkLower reports text that is not lower case unless it is an acronym.
func checkLower(t *testing.T, where, what, text string) {
	t.Helper()
	if text != strings.ToLower(text) && !isAcronym(text) {
		t.Errorf("%s: %s %q is not lower case", where, what, text)
	}
}

// checkList checks the "a|b|c" right side of a synonym or antonym line.
func checkList(t *testing.T, where, head, right string) []string {
	t.Helper()
	items := strings.Split(right, "|")
	seen := map[string]bool{}
	for _, item := range items {
		switch {
		case item == "":
			t.Errorf("%s: empty item in %q", where, right)
		case strings.TrimSpace(item) != item || strings.Contains(item, "  "):
			t.Errorf("%s: item %q has stray spaces", where, item)
		case item == head:
			t.Errorf("%s: %q lists itself", where, head)
		case seen[item]:
			t.Errorf("%s: %q listed twice", where, item)
		}
		seen[item] = true
		checkLower(t, where, "item", item)
	}
	return items
}

// relationFile is a headword file: one line per headword, "|" lists.
type relationFile struct {
	heads map[string][]string
	order []string
}

func readRelations(t *testing.T, name string, keep func(tsvLine) bool) relationFile {
	t.Helper()
	rf := relationFile{heads: map[string][]string{}}
	for _, l := range readTSV(t, name) {
		if !keep(l) {
			continue
		}
		where := fmt.Sprintf("%s:%d", name, l.num)
		checkLower(t, where, "headword", l.left)
		if _, dup := rf.heads[l.left]; dup {
			t.Errorf("%s: duplicate headword %q", where, l.left)
			continue
		}
		rf.heads[l.left] = checkList(t, where, l.left, l.right)
		rf.order = append(rf.order, l.left)
	}
	return rf
}

const (
	synonymsFile = "data/en/synonyms.tsv"
	antonymsFile = "data/en/antonyms.tsv"
	cuesFile     = "data/en/cues.tsv"

	// negMarker is the right side of a negation line in antonyms.tsv.
	negMarker = "NEG"
)

func all(tsvLine) bool { return true }

func TestSynonymsFile(t *testing.T) {
	syn := readRelations(t, synonymsFile, all)
	if got, min := len(syn.order), 1500; got < min {
		t.Errorf("%s has %d headwords, want at least %d", synonymsFile, got, min)
	}
	// Paraphrases the engine must be able to bridge; each row is a
	// question word and a word an article would use instead.
	tests := []struct{ head, want string }{
		{"sever", "cut"},
		{"cut ties", "sever relations"},
		{"ties", "relations"},
		{"expel", "kick out"},
		{"kick out", "expel"},
		{"cyberattack", "hack"},
		{"hack", "cyberattack"},
		{"boss", "chief executive"},
		{"blaze", "wildfire"},
		{"wildfire", "blaze"},
		{"walkout", "strike"},
		{"strike", "walkout"},
		{"got hurt", "injured"},
		{"injure", "hurt"},
		{"kill", "dead"},
		{"postpone", "delay"},
		{"cancel", "call off"},
		{"join", "accede"},
		{"leave", "withdraw"},
		{"accuse", "blame"},
		{"condemn", "denounce"},
		{"prime minister", "premier"},
		{"pm", "prime minister"},
		{"spokeswoman", "spokesperson"},
		{"company", "firm"},
		{"evacuate", "flee"},
		{"launch", "lift off"},
		{"satellite", "spacecraft"},
		{"rocket", "launcher"},
		{"cost", "price"},
		{"money", "funds"},
		{"big", "huge"},
		{"small", "minimal"},
		{"begin", "break out"},
		{"end", "conclude"},
		{"meet", "summit"},
		{"ban", "prohibit"},
		{"country", "nation"},
		{"army", "troops"},
		{"organise", "organize"},
		{"centre", "center"},
		{"kilometre", "kilometer"},
		{"defence", "defense"},
		{"labour", "labor"},
		{"us", "united states"},
		{"uk", "britain"},
		{"eu", "european union"},
		{"un", "united nations"},
		{"ceo", "chief executive"},
		{"folks", "people"},
		{"cop", "police"},
		{"hq", "headquarters"},
		{"gov", "government"},
		{"deal", "agreement"},
		{"kid", "child"},
		{"flee", "fled"},
	}
	for _, tt := range tests {
		if got := syn.heads[tt.head]; !slices.Contains(got, tt.want) {
			t.Errorf("synonyms[%q] = %q, want it to contain %q", tt.head, got, tt.want)
		}
	}
}

func TestAntonymsFile(t *testing.T) {
	isNeg := func(l tsvLine) bool { return l.right == negMarker }
	ant := readRelations(t, antonymsFile, func(l tsvLine) bool { return !isNeg(l) })
	if got, min := len(ant.order), 200; got < min {
		t.Errorf("%s has %d antonym lines, want at least %d", antonymsFile, got, min)
	}
	tests := []struct{ head, want string }{
		{"succeed", "fail"},
		{"win", "lose"},
		{"accept", "reject"},
		{"confirm", "deny"},
		{"allow", "ban"},
		{"open", "close"},
		{"rise", "fall"},
		{"increase", "decrease"},
		{"alive", "dead"},
		{"guilty", "innocent"},
		{"legal", "illegal"},
		{"agree", "disagree"},
		{"present", "absent"},
		{"approve", "reject"},
		{"possible", "impossible"},
		{"full", "empty"},
		{"early", "late"},
		{"before", "after"},
		{"start", "end"},
	}
	for _, tt := range tests {
		if got := ant.heads[tt.head]; !slices.Contains(got, tt.want) {
			t.Errorf("antonyms[%q] = %q, want it to contain %q", tt.head, got, tt.want)
		}
	}

	neg := map[string]bool{}
	for _, l := range readTSV(t, antonymsFile) {
		if !isNeg(l) {
			continue
		}
		where := fmt.Sprintf("%s:%d", antonymsFile, l.num)
		checkLower(t, where, "negation", l.left)
		if neg[l.left] {
			t.Errorf("%s: duplicate negation %q", where, l.left)
		}
		if _, ok := ant.heads[l.left]; ok {
			t.Errorf("%s: %q is both a negation and an antonym headword", where, l.left)
		}
		neg[l.left] = true
	}
	for _, w := range []string{
		"no", "not", "never", "none", "nobody", "nothing", "neither", "nor",
		"without", "n't", "failed to", "refused to", "denied", "no longer",
	} {
		if !neg[w] {
			t.Errorf("%s: negation %q missing", antonymsFile, w)
		}
	}
}

func TestCuesFile(t *testing.T) {
	// Each kind the answer extractor knows, with the fewest cues it needs
	// to be useful.
	minCues := map[string]int{
		"why": 20, "purpose": 5, "how": 5, "where": 10,
		"define": 5, "duration": 5, "quote": 5, "who": 3,
		"relative": 3, "landmark": 5, "article": 1, "accuse": 5, "qualifier": 1,
	}
	lines := readTSV(t, cuesFile)
	if got, min := len(lines), 80; got < min {
		t.Errorf("%s has %d cues, want at least %d", cuesFile, got, min)
	}
	count := map[string]int{}
	cues := map[string]bool{}
	for _, l := range lines {
		where := fmt.Sprintf("%s:%d", cuesFile, l.num)
		if _, ok := minCues[l.left]; !ok {
			t.Errorf("%s: unknown kind %q", where, l.left)
		}
		checkLower(t, where, "cue", l.right)
		if strings.Contains(l.right, "|") {
			t.Errorf("%s: cue %q holds a list; write one cue per line", where, l.right)
		}
		key := l.left + "\t" + l.right
		if cues[key] {
			t.Errorf("%s: duplicate cue %q for %s", where, l.right, l.left)
		}
		cues[key] = true
		count[l.left]++
	}
	for kind, min := range minCues {
		if count[kind] < min {
			t.Errorf("%s: kind %s has %d cues, want at least %d", cuesFile, kind, count[kind], min)
		}
	}
	for _, want := range []string{
		"why\tbecause", "why\tdue to", "why\tover", "why\treasons", "why\tciting",
		"how\tby", "purpose\tin order to", "where\toff the coast of",
		"define\t, a", "define\tknown as", "duration\tlasting", "quote\taccording to",
	} {
		if !cues[want] {
			kind, cue, _ := strings.Cut(want, "\t")
			t.Errorf("%s: cue %q for %s missing", cuesFile, cue, kind)
		}
	}
}

// Languages other than English have small cue files (the span model learns
// the rest from the real data): the same kinds, written the same way.
func TestCuesFilesOtherLanguages(t *testing.T) {
	kinds := map[string]bool{"why": true, "purpose": true, "how": true, "where": true, "define": true, "duration": true,
		"quote": true, "who": true, "relative": true, "landmark": true, "accuse": true, "qualifier": true, "article": true}
	files, err := fs.Glob(lang.Data, "data/*/cues.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 8 {
		t.Errorf("%d cue files, want at least en, es, de, ru, nb, sv, pt, fr", len(files))
	}
	for _, f := range files {
		seen := map[string]bool{}
		quotes := 0
		for _, l := range readTSV(t, f) {
			where := fmt.Sprintf("%s:%d", f, l.num)
			if !kinds[l.left] {
				t.Errorf("%s: unknown kind %q", where, l.left)
			}
			checkLower(t, where, "cue", l.right)
			if seen[l.left+"\t"+l.right] {
				t.Errorf("%s: duplicate cue %q for %s", where, l.right, l.left)
			}
			seen[l.left+"\t"+l.right] = true
			if l.left == "quote" {
				quotes++
			}
		}
		if quotes < 3 {
			t.Errorf("%s has %d verbs of saying (quote), want at least 3", f, quotes)
		}
	}
}
