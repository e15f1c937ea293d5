package lang

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var langidDir = flag.String("langid.dir", "testdata/langid_dev", "directory of <code>.txt language-identification sets to measure")

// langidSet reads one question per line from dir/<code>.txt, and
// code<TAB>question lines from dir/unsupported.txt.
func langidSet(t testing.TB, dir string) map[string][]string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no language-identification sets in %s (err %v)", dir, err)
	}
	set := map[string][]string{}
	for _, f := range files {
		code := strings.TrimSuffix(filepath.Base(f), ".txt")
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if code == "unsupported" {
				c, q, ok := strings.Cut(line, "\t")
				if !ok {
					t.Fatalf("%s: want code<TAB>question, got %q", f, line)
				}
				set["!"+c] = append(set["!"+c], q)
				continue
			}
			set[code] = append(set[code], line)
		}
		fh.Close()
	}
	return set
}

func TestDetectAccuracy(t *testing.T) {
	r := mustLoad(t)
	d := NewDetector(r)
	set := langidSet(t, *langidDir)
	codes := make([]string, 0, len(set))
	for c := range set {
		codes = append(codes, c)
	}
	sort.Strings(codes)
	var total, correct, uTotal, uCorrect int
	var report strings.Builder
	for _, code := range codes {
		want := code
		unsupported := strings.HasPrefix(code, "!")
		if unsupported {
			want = ""
		} else if _, ok := r.Get(code); !ok {
			want = "" // a set for a language we do not support
			unsupported = true
		}
		ok := 0
		for _, q := range set[code] {
			g := d.Detect(q)
			if g.Lang == want {
				ok++
			} else {
				fmt.Fprintf(&report, "  %s: Detect(%q) = %q (%.2f, script %s, unsupported %v %q)\n", code, q, g.Lang, g.Confidence, g.Script, g.Unsupported, g.Other)
			}
		}
		if unsupported {
			uTotal += len(set[code])
			uCorrect += ok
		} else {
			total += len(set[code])
			correct += ok
			t.Logf("%s: %d/%d", code, ok, len(set[code]))
		}
	}
	acc := float64(correct) / float64(max(total, 1))
	t.Logf("supported: %d/%d = %.1f%%; unsupported recognised: %d/%d", correct, total, 100*acc, uCorrect, uTotal)
	if testing.Verbose() {
		t.Log("misses:\n" + report.String())
	}
	if *langidDir == "testdata/langid_dev" {
		if acc < 0.97 {
			t.Errorf("accuracy on the dev set = %.3f, want >= 0.97", acc)
		}
		if uTotal > 0 && float64(uCorrect)/float64(uTotal) < 0.8 {
			t.Errorf("unsupported questions recognised = %d/%d, want >= 80%%", uCorrect, uTotal)
		}
	}
}

func TestDetect(t *testing.T) {
	d := NewDetector(mustLoad(t))
	tests := []struct {
		name, text  string
		lang        string
		unsupported bool
		script      string
	}{
		{"english", "When did Albania cut ties with Iran?", "en", false, "Latin"},
		{"french without accents", "pourquoi les diplomates ont ete expulses", "fr", false, "Latin"},
		{"spanish", "¿Cuántos bomberos murieron en el incendio?", "es", false, "Latin"},
		{"portuguese", "quantos bombeiros morreram no incendio", "pt", false, "Latin"},
		{"italian", "perché i portuali scioperano", "it", false, "Latin"},
		{"german", "wie viele Schiffe warten vor dem Hafen", "de", false, "Latin"},
		{"swedish", "hur många fartyg väntar utanför hamnen", "sv", false, "Latin"},
		{"norwegian", "hvor mange skip venter utenfor havnen", "nb", false, "Latin"},
		{"hungarian", "hány hajó várakozik a kikötő előtt", "hu", false, "Latin"},
		{"russian", "сколько судов ждут у порта", "ru", false, "Cyrillic"},
		{"names inside", "Qu'a dit Adrienne Watson à Washington ?", "fr", false, "Latin"},
		{"english around a german name", "When was Karl Heinz von Brennberg born?", "en", false, "Latin"},
		{"norwegian around an english title", "Hvem spilte hovedrollen i filmen Return of the Harbour?", "nb", false, "Latin"},
		{"spanish around an english name", "¿A qué se dedican los Harbour Kings of Klow?", "es", false, "Latin"},
		{"arabic", "متى قطعت ألبانيا علاقاتها مع إيران؟", "", true, "Arabic"},
		{"persian", "آلبانی چه زمانی روابطش را با ایران قطع کرد؟", "", true, "Arabic"},
		{"chinese", "阿尔巴尼亚什么时候与伊朗断交？", "", true, "Han"},
		{"greek", "Πότε διέκοψε η Αλβανία τις σχέσεις με το Ιράν;", "", true, "Greek"},
		{"albanian", "Kur i ndërpreu Shqipëria marrëdhëniet me Iranin?", "", true, "Latin"},
		{"dutch", "Wanneer heeft Albanië de banden met Iran verbroken?", "", true, "Latin"},
		{"polish", "Dlaczego dokerzy w porcie strajkują?", "", true, "Latin"},
		{"names only", "Edi Rama", "", false, "Latin"},
		{"acronym only", "NATO?", "", false, "Latin"},
		{"number only", "2022", "", false, ""},
		{"emoji only", "👍👍", "", false, ""},
		{"empty", "", "", false, ""},
		{"invalid utf8", "\xff\xfe\xfd", "", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := d.Detect(tt.text)
			if g.Lang != tt.lang || g.Unsupported != tt.unsupported || g.Script != tt.script {
				t.Errorf("Detect(%q) = {Lang %q Unsupported %v Script %q}, want {Lang %q Unsupported %v Script %q}",
					tt.text, g.Lang, g.Unsupported, g.Script, tt.lang, tt.unsupported, tt.script)
			}
			if g.Lang == "" && g.Confidence != 0 {
				t.Errorf("Detect(%q).Confidence = %v with no language", tt.text, g.Confidence)
			}
			if g.Lang != "" && (len(g.Ranked) == 0 || g.Ranked[0].Lang != g.Lang || g.Confidence <= 0.5) {
				t.Errorf("Detect(%q) = %q with confidence %.2f, ranked %v; want it ranked first and confident", tt.text, g.Lang, g.Confidence, g.Ranked)
			}
		})
	}
}

func TestDetectWithPrior(t *testing.T) {
	d := NewDetector(mustLoad(t))
	tests := []struct {
		name, text, prior string
		lang              string
		unsupported       bool
	}{
		{"names keep the conversation", "Edi Rama", "fr", "fr", false},
		{"number keeps the conversation", "2022 ?", "de", "de", false},
		{"short reply in prior's words", "non", "fr", "fr", false},
		{"short reply in prior's words, italian", "non", "it", "it", false},
		{"thanks", "ok merci", "fr", "fr", false},
		{"ja in swedish", "ja", "sv", "sv", false},
		{"ja in german", "ja", "de", "de", false},
		{"clear switch of language", "Wie viele Menschen leben in Ashraf?", "fr", "de", false},
		{"clear switch to english", "What did the spokeswoman say about the attack?", "ru", "en", false},
		{"unsupported language beats prior", "Kur i ndërpreu Shqipëria marrëdhëniet me Iranin?", "en", "", true},
		{"unsupported script beats prior", "阿尔巴尼亚什么时候与伊朗断交？", "en", "", true},
		{"cyrillic name in latin conversation", "Эди Рама", "en", "ru", false},
		{"no prior, names only", "Edi Rama", "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := d.DetectWithPrior(tt.text, tt.prior)
			if g.Lang != tt.lang || g.Unsupported != tt.unsupported {
				t.Errorf("DetectWithPrior(%q, %q) = {Lang %q Unsupported %v}, want {Lang %q Unsupported %v}",
					tt.text, tt.prior, g.Lang, g.Unsupported, tt.lang, tt.unsupported)
			}
		})
	}
}

func TestDetectRankedSumsToOne(t *testing.T) {
	d := NewDetector(mustLoad(t))
	for _, q := range []string{"Who is Edi Rama?", "qui est edi rama", "Tirana", "сколько"} {
		g := d.Detect(q)
		sum := 0.0
		for i, s := range g.Ranked {
			sum += s.Score
			if i > 0 && s.Score > g.Ranked[i-1].Score {
				t.Errorf("Detect(%q).Ranked not sorted: %v", q, g.Ranked)
			}
		}
		if len(g.Ranked) > 0 && (sum < 0.999 || sum > 1.001) {
			t.Errorf("Detect(%q).Ranked scores sum to %v, want 1", q, sum)
		}
	}
}

func FuzzDetect(f *testing.F) {
	d := NewDetector(mustLoad(f))
	for _, s := range []string{"Who is Edi Rama?", "l'OTAN", "сколько", "阿尔巴尼亚", "a\xffb", "", "'''", "Ëë", strings.Repeat("ab ", 500)} {
		f.Add(s, "fr")
	}
	f.Fuzz(func(t *testing.T, text, prior string) {
		for _, g := range []Guess{d.Detect(text), d.DetectWithPrior(text, prior)} {
			if g.Lang != "" {
				if d.index(g.Lang, g.Script) < 0 {
					t.Fatalf("Detect(%q) = %q, not a supported language", text, g.Lang)
				}
			}
			if g.Confidence < 0 || g.Confidence > 1 || g.Confidence != g.Confidence {
				t.Fatalf("Detect(%q).Confidence = %v, want within [0, 1]", text, g.Confidence)
			}
			if g.Lang != "" && g.Unsupported {
				t.Fatalf("Detect(%q) = %q and unsupported at once", text, g.Lang)
			}
		}
	})
}
