// Command tunedetect chooses the weights of the language detector
// (lang.DetectorTuning) on labelled questions: the language-identification
// dev set the detector was first tuned on (lang/testdata/langid_dev, with
// its questions in unsupported languages), the seed tuning questions
// (testdata/eval/seed, not the held-out files) and the questions of the
// fit split of testdata/realdata (never dev, never held-out). It prints
// the errors of the default weights and of the best weights of its grid:
// fewest questions detected wrong, supported and unsupported alike, the
// first in grid order among equals; lang.DefaultDetectorTuning holds them.
//
//	go run ./internal/tunedetect
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/qabot/qabot/eval/dataset"
	"github.com/qabot/qabot/internal/realdata"
	"github.com/qabot/qabot/lang"
)

func main() {
	if err := run(os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "tunedetect:", err)
		os.Exit(1)
	}
}

// A labelled question: its text and its language ("" for a language qabot
// does not support).
type labelled struct {
	text, lang string
}

// A source is a named set of labelled questions.
type source struct {
	name string
	qs   []labelled
}

func run(w io.Writer) error {
	reg, err := lang.Load(lang.Data)
	if err != nil {
		return err
	}
	sources, err := readSources()
	if err != nil {
		return err
	}
	d := lang.NewDetector(reg)
	def := d.Tuning()
	fmt.Fprintf(w, "default %s\n", describe(def, errorsOf(d, sources)))
	best, bestErr := def, -1
	for _, t := range grid(def) {
		errs := errorsOf(d.WithTuning(t), sources)
		if total := sum(errs); bestErr < 0 || total < bestErr {
			best, bestErr = t, total
		}
	}
	fmt.Fprintf(w, "best    %s\n", describe(best, errorsOf(d.WithTuning(best), sources)))
	return nil
}

// grid returns the weights tried: the name weight, the opener bonus and
// the name infixes, the other weights as in base; smaller values first.
func grid(base lang.DetectorTuning) []lang.DetectorTuning {
	var out []lang.DetectorTuning
	for _, nw := range []float64{0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.5} {
		for _, ob := range []float64{1, 2, 3, 4, 6} {
			for _, infix := range [][2]int{{0, 0}, {1, 3}, {2, 3}, {3, 3}, {1, 4}, {2, 4}, {3, 4}} {
				t := base
				t.NameWeight, t.OpenerBonus = nw, ob
				t.NameInfixWords, t.NameInfixLetters = infix[0], infix[1]
				out = append(out, t)
			}
		}
	}
	return out
}

// errorsOf counts, per source, the questions d detects as another
// language than their own (a supported language for an unsupported one).
func errorsOf(d *lang.Detector, sources []source) []int {
	errs := make([]int, len(sources))
	for i, s := range sources {
		for _, q := range s.qs {
			if d.Detect(q.text).Lang != q.lang {
				errs[i]++
			}
		}
	}
	return errs
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func describe(t lang.DetectorTuning, errs []int) string {
	return fmt.Sprintf("NameWeight %.2f OpenerBonus %.0f NameInfix %d words of <= %d letters: errors %v = %d",
		t.NameWeight, t.OpenerBonus, t.NameInfixWords, t.NameInfixLetters, errs, sum(errs))
}

// readSources reads the labelled questions: langid_dev, unsupported
// apart, the seed tuning questions and the realdata fit split.
func readSources() ([]source, error) {
	langid, unsupported, err := readLangID("lang/testdata/langid_dev")
	if err != nil {
		return nil, err
	}
	seed, err := readSeed("testdata/eval/seed")
	if err != nil {
		return nil, err
	}
	fit, err := readRealFit("testdata/realdata")
	if err != nil {
		return nil, err
	}
	return []source{{"langid_dev", langid}, {"langid_dev unsupported", unsupported}, {"seed", seed}, {"realdata fit", fit}}, nil
}

// readLangID reads <code>.txt files of one question a line, and
// unsupported.txt of code<TAB>question lines.
func readLangID(dir string) (supported, unsupported []labelled, err error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, nil, fmt.Errorf("no language-identification sets in %s", dir)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, err
		}
		code := strings.TrimSuffix(filepath.Base(f), ".txt")
		for _, line := range strings.Split(string(data), "\n") {
			line = strings.TrimSpace(line)
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if code == "unsupported" {
				_, q, ok := strings.Cut(line, "\t")
				if !ok {
					return nil, nil, fmt.Errorf("%s: want code<TAB>question, got %q", f, line)
				}
				unsupported = append(unsupported, labelled{q, ""})
				continue
			}
			supported = append(supported, labelled{line, code})
		}
	}
	return supported, unsupported, nil
}

// readSeed reads the seed tuning questions (not *.heldout.jsonl).
func readSeed(dir string) ([]labelled, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no seed question sets in %s", dir)
	}
	var out []labelled
	for _, f := range files {
		if strings.HasSuffix(f, ".heldout.jsonl") {
			continue
		}
		fh, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			var l struct{ Lang, Q string }
			if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
				fh.Close()
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			out = append(out, labelled{l.Q, l.Lang})
		}
		fh.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
	}
	return out, nil
}

// readRealFit reads the questions of the fit split's articles of every
// real-data set, labelled with the language the data gives them.
func readRealFit(root string) ([]labelled, error) {
	fsys := os.DirFS(root)
	files, err := realdata.Files(fsys, ".")
	if err != nil {
		return nil, err
	}
	var out []labelled
	for _, f := range files {
		s, err := realdata.ReadFile(fsys, f, 0)
		if err != nil {
			return nil, err
		}
		fit := map[string]bool{}
		for _, a := range s.Articles {
			fit[a.ID] = a.Split == dataset.Fit
		}
		for _, q := range s.Questions {
			code := q.Lang
			if code == "" {
				code = s.Lang
			}
			if fit[q.Article] {
				out = append(out, labelled{q.Q, code})
			}
		}
	}
	return out, nil
}
