package lang_test

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qabot/qabot/lang"
)

// tsvEntry is one data line of a bilingual TSV file: the local word or
// phrase and its English alternatives.
type tsvEntry struct {
	line    int
	local   string
	english []string
}

// parseBilingualTSV checks the shape shared by lexicon.tsv and orgs.tsv and
// returns the data lines. It lives in the test on purpose: the loader that
// the engine uses belongs to package lang and is written elsewhere, and this
// test must judge the files on their own.
func parseBilingualTSV(data []byte) ([]tsvEntry, []error) {
	var errs []error
	if !utf8.Valid(data) {
		return nil, []error{fmt.Errorf("not valid UTF-8")}
	}
	var entries []tsvEntry
	seenLine := map[string]int{}
	seenLocal := map[string]int{}
	for i, raw := range strings.Split(string(data), "\n") {
		n := i + 1
		if strings.ContainsRune(raw, '\r') {
			errs = append(errs, fmt.Errorf("line %d: carriage return", n))
		}
		if strings.TrimSpace(raw) == "" || strings.HasPrefix(raw, "#") {
			continue
		}
		if first, ok := seenLine[raw]; ok {
			errs = append(errs, fmt.Errorf("line %d: duplicate of line %d: %q", n, first, raw))
			continue
		}
		seenLine[raw] = n
		if c := strings.Count(raw, "\t"); c != 1 {
			errs = append(errs, fmt.Errorf("line %d: %d tabs, want 1: %q", n, c, raw))
			continue
		}
		local, eng, _ := strings.Cut(raw, "\t")
		if strings.TrimSpace(local) == "" || strings.TrimSpace(eng) == "" {
			errs = append(errs, fmt.Errorf("line %d: empty side: %q", n, raw))
			continue
		}
		if local != strings.TrimSpace(local) || eng != strings.TrimSpace(eng) {
			errs = append(errs, fmt.Errorf("line %d: space around a side: %q", n, raw))
		}
		// One line per local form keeps the mapping unambiguous: a second
		// line would silently shadow or be merged with the first.
		key := strings.ToLower(local)
		if first, ok := seenLocal[key]; ok {
			errs = append(errs, fmt.Errorf("line %d: local form %q already on line %d", n, local, first))
		}
		seenLocal[key] = n
		alts := strings.Split(eng, "|")
		for _, a := range alts {
			if strings.TrimSpace(a) == "" {
				errs = append(errs, fmt.Errorf("line %d: empty English alternative: %q", n, raw))
			}
		}
		entries = append(entries, tsvEntry{line: n, local: local, english: alts})
	}
	return entries, errs
}

// minEntries is how many data lines each owned file must have. Russian and
// Hungarian inflect more, so their lexicons list more forms.
var minEntries = map[string]map[string]int{
	"lexicon.tsv": {"de": 2500, "sv": 2500, "nb": 2500, "ru": 3000, "hu": 3000},
	"orgs.tsv":    {"de": 80, "sv": 80, "nb": 80, "ru": 80, "hu": 80},
}

func TestLexicon2FilesParse(t *testing.T) {
	for file, mins := range minEntries {
		for code, min := range mins {
			t.Run(code+"/"+file, func(t *testing.T) {
				path := "data/" + code + "/" + file
				data, err := fs.ReadFile(lang.Data, path)
				if err != nil {
					t.Fatalf("ReadFile(%q) error: %v", path, err)
				}
				entries, errs := parseBilingualTSV(data)
				for _, e := range errs {
					t.Errorf("%s: %v", path, e)
				}
				if len(entries) < min {
					t.Errorf("%s has %d entries, want at least %d", path, len(entries), min)
				}
			})
		}
	}
}

func TestParseBilingualTSVRejectsBadLines(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		entries int
		errs    int
	}{
		{"good", "# header\n\nBotschaft\tembassy\nBotschafter\tambassador|envoy\n", 2, 0},
		{"no tab", "Botschaft embassy\n", 0, 1},
		{"two tabs", "Botschaft\tembassy\textra\n", 0, 1},
		{"empty english", "Botschaft\t\n", 0, 1},
		{"empty local", " \tembassy\n", 0, 1},
		{"empty alternative", "Botschaft\tembassy||mission\n", 1, 1},
		{"duplicate line", "Botschaft\tembassy\nBotschaft\tembassy\n", 1, 1},
		{"duplicate local", "Botschaft\tembassy\nbotschaft\tmessage\n", 2, 1},
		{"invalid utf8", "Botschaft\t\xff\n", 0, 1},
		{"carriage return", "Botschaft\tembassy\r\n", 1, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries, errs := parseBilingualTSV([]byte(tt.in))
			if len(entries) != tt.entries || len(errs) != tt.errs {
				t.Errorf("parseBilingualTSV(%q) = %d entries, %d errors (%v), want %d entries, %d errors",
					tt.in, len(entries), len(errs), errs, tt.entries, tt.errs)
			}
		})
	}
}

// TestLexicon2Coverage spot-checks words that questions about news articles
// use, including inflected forms a stemmer will not conflate.
func TestLexicon2Coverage(t *testing.T) {
	tests := []struct {
		code, file, local, english string
	}{
		{"de", "lexicon.tsv", "abgebrochen", "break off"},
		{"de", "lexicon.tsv", "brach", "break off"},
		{"de", "lexicon.tsv", "Botschaft", "embassy"},
		{"de", "lexicon.tsv", "Cyberangriff", "cyberattack"},
		{"de", "lexicon.tsv", "verschoben", "postpone"},
		{"de", "lexicon.tsv", "Waldbrand", "wildfire"},
		{"de", "lexicon.tsv", "Gewerkschaft", "union"},
		{"de", "lexicon.tsv", "ohne", "without"},
		{"de", "orgs.tsv", "IWF", "IMF"},
		{"de", "orgs.tsv", "Weißes Haus", "White House"},
		{"de", "orgs.tsv", "Vereinte Nationen", "UN"},
		{"ru", "lexicon.tsv", "разорвала", "break off"},
		{"ru", "lexicon.tsv", "разрывать", "sever"},
		{"ru", "lexicon.tsv", "посольство", "embassy"},
		{"ru", "lexicon.tsv", "кибератака", "cyberattack"},
		{"ru", "lexicon.tsv", "отложили", "postpone"},
		{"ru", "lexicon.tsv", "произошло", "happen"},
		{"ru", "lexicon.tsv", "забастовка", "strike"},
		{"ru", "orgs.tsv", "МАГАТЭ", "IAEA"},
		{"ru", "orgs.tsv", "Кремль", "Kremlin"},
		{"ru", "orgs.tsv", "ЦРУ", "CIA"},
		{"sv", "lexicon.tsv", "ambassaden", "embassy"},
		{"sv", "lexicon.tsv", "regeringen", "government"},
		{"sv", "lexicon.tsv", "bröt", "break off"},
		{"sv", "lexicon.tsv", "utvisade", "expel"},
		{"sv", "lexicon.tsv", "skogsbrand", "wildfire"},
		{"sv", "orgs.tsv", "FN", "UN"},
		{"sv", "orgs.tsv", "Vita huset", "White House"},
		{"nb", "lexicon.tsv", "regjeringen", "government"},
		{"nb", "lexicon.tsv", "ambassaden", "embassy"},
		{"nb", "lexicon.tsv", "brøt", "break off"},
		{"nb", "lexicon.tsv", "utviste", "expel"},
		{"nb", "lexicon.tsv", "streik", "strike"},
		{"nb", "orgs.tsv", "FN", "UN"},
		{"nb", "orgs.tsv", "Det hvite hus", "White House"},
		{"hu", "lexicon.tsv", "csatlakozott", "join"},
		{"hu", "lexicon.tsv", "szakította", "sever"},
		{"hu", "lexicon.tsv", "megszakította", "break off"},
		{"hu", "lexicon.tsv", "kiutasították", "expel"},
		{"hu", "lexicon.tsv", "nagykövetséget", "embassy"},
		{"hu", "lexicon.tsv", "kibertámadás", "cyberattack"},
		{"hu", "lexicon.tsv", "elhalasztották", "postpone"},
		{"hu", "lexicon.tsv", "kormánnyal", "government"},
		{"hu", "orgs.tsv", "ENSZ", "UN"},
		{"hu", "orgs.tsv", "NATO-hoz", "NATO"},
		{"hu", "orgs.tsv", "Fehér Ház", "White House"},
	}
	index := map[string]map[string][]string{}
	for _, tt := range tests {
		path := "data/" + tt.code + "/" + tt.file
		if _, ok := index[path]; ok {
			continue
		}
		data, err := fs.ReadFile(lang.Data, path)
		if err != nil {
			t.Fatalf("ReadFile(%q) error: %v", path, err)
		}
		entries, _ := parseBilingualTSV(data)
		m := map[string][]string{}
		for _, e := range entries {
			m[strings.ToLower(e.local)] = e.english
		}
		index[path] = m
	}
	for _, tt := range tests {
		t.Run(tt.code+"/"+tt.local, func(t *testing.T) {
			path := "data/" + tt.code + "/" + tt.file
			got, ok := index[path][strings.ToLower(tt.local)]
			if !ok {
				t.Fatalf("%s: no entry for %q", path, tt.local)
			}
			for _, g := range got {
				if g == tt.english {
					return
				}
			}
			t.Errorf("%s: %q = %v, want it to include %q", path, tt.local, got, tt.english)
		})
	}
}
