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
