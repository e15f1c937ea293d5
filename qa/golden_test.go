package qa_test

// Golden tests of the public Engine API over invented articles: each
// testdata/golden/*.txtar holds articles (files named *.txt), a list of
// questions (file "questions", one a line, "lang|question" to give the
// language hint), and the answers the engine gives (file "answers"). Run
//
//	go test ./qa -run TestGolden -update
//
// after a change that alters answers on purpose, and review the diff of
// the answers files: it shows every answer the change moved.

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
)

var update = flag.Bool("update", false, "rewrite the answers of testdata/golden/*.txtar")

// A txtarFile is one file of a txtar archive.
type txtarFile struct {
	name string
	data []byte
}

// parseTxtar reads the txtar format (golang.org/x/tools/txtar): a comment,
// then files, each introduced by a line "-- name --".
func parseTxtar(data []byte) (comment []byte, files []txtarFile) {
	lines := bytes.SplitAfter(data, []byte("\n"))
	cur := -1
	for _, line := range lines {
		t := bytes.TrimRight(line, "\r\n")
		if bytes.HasPrefix(t, []byte("-- ")) && bytes.HasSuffix(t, []byte(" --")) && len(t) > 6 {
			files = append(files, txtarFile{name: string(bytes.TrimSpace(t[3 : len(t)-3]))})
			cur = len(files) - 1
			continue
		}
		if cur < 0 {
			comment = append(comment, line...)
		} else {
			files[cur].data = append(files[cur].data, line...)
		}
	}
	return comment, files
}

// formatTxtar writes an archive back.
func formatTxtar(comment []byte, files []txtarFile) []byte {
	var b bytes.Buffer
	b.Write(comment)
	for _, f := range files {
		fmt.Fprintf(&b, "-- %s --\n", f.name)
		b.Write(f.data)
		if len(f.data) > 0 && !bytes.HasSuffix(f.data, []byte("\n")) {
			b.WriteByte('\n')
		}
	}
	return b.Bytes()
}

// describe writes what a user would see of an answer, in a stable form.
func describe(q string, a qa.Answer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Q %s\n", q)
	fmt.Fprintf(&b, "  lang %s, kind %s\n", a.Lang, a.Kind)
	if a.Answered {
		fmt.Fprintf(&b, "  answer %q\n", a.Text)
		fmt.Fprintf(&b, "  quote %s ¶%d: %s\n", a.Quote.ArticleID, a.Quote.Paragraph+1, a.Quote.Text)
	} else {
		fmt.Fprintf(&b, "  not answered: %s\n", a.Reason)
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/golden/*.txtar")
	}
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	det := lang.NewDetector(reg)
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			comment, archive := parseTxtar(data)
			articles := fstest.MapFS{}
			var questions []string
			answers := -1
			for i, f := range archive {
				switch {
				case strings.HasSuffix(f.name, ".txt"):
					articles[f.name] = &fstest.MapFile{Data: f.data}
				case f.name == "questions":
					for _, line := range strings.Split(string(f.data), "\n") {
						if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
							questions = append(questions, line)
						}
					}
				case f.name == "answers":
					answers = i
				}
			}
			if len(articles) == 0 || len(questions) == 0 {
				t.Fatalf("%s needs *.txt articles and questions", file)
			}
			e, err := qa.Load(articles, qa.Options{Languages: reg, Detector: det})
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			for _, line := range questions {
				q := qa.Question{Text: line}
				if hint, text, ok := strings.Cut(line, "|"); ok && len(hint) == 2 {
					q = qa.Question{Text: strings.TrimSpace(text), LangHint: hint}
				}
				a, err := e.Ask(context.Background(), q)
				if err != nil {
					t.Fatal(err)
				}
				got.WriteString(describe(line, a))
			}
			if *update {
				if answers < 0 {
					archive = append(archive, txtarFile{name: "answers"})
					answers = len(archive) - 1
				}
				archive[answers].data = []byte(got.String())
				if err := os.WriteFile(file, formatTxtar(comment, archive), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if answers < 0 {
				t.Fatalf("%s has no answers file; run go test ./qa -run TestGolden -update", file)
			}
			if diff := cmp.Diff(string(archive[answers].data), got.String()); diff != "" {
				t.Errorf("%s: answers changed (-golden +now); if on purpose, run go test ./qa -run TestGolden -update:\n%s", file, diff)
			}
		})
	}
}

func TestTxtarRoundTrip(t *testing.T) {
	in := "comment line\n-- a.txt --\nhello\n-- questions --\nq1\nq2\n"
	c, fs := parseTxtar([]byte(in))
	if string(c) != "comment line\n" || len(fs) != 2 || fs[0].name != "a.txt" || string(fs[1].data) != "q1\nq2\n" {
		t.Fatalf("parseTxtar(%q) = %q, %+v", in, c, fs)
	}
	if out := string(formatTxtar(c, fs)); out != in {
		t.Errorf("formatTxtar(parseTxtar(%q)) = %q", in, out)
	}
}
