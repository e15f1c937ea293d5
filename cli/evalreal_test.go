package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/qabot/qabot/cli"
)

// realData writes a tiny xquad-dev set: "Klow" falls in the fit split
// ("xquad/Klow" hashes to bucket 0) and "Vltava" in dev (7); and a tiny
// qa-data set whose "Syldavia" falls in heldout ("x.sample/Syldavia": 9).
func realData(t *testing.T) (xquad, qadata string) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"articles/en/Klow.txt":   "Klow\n\nThe harbour of Klow opened in 1887 after ten years of work.\n\nHarbour chief Olaf Brenn took office in 2019.\n",
		"articles/en/Vltava.txt": "Vltava\n\nBorduria and Syldavia signed a treaty on the Vltava river in 2021.\n",
		"xling-en.jsonl": `{"id": "k1", "lang": "en", "q": "when did the harbour of klow open?", "gold": ["1887"], "ans": ["1887"], "answerable": true, "article": "Klow", "article_lang": "en", "para": 1, "start": 30}
{"id": "k2", "lang": "en", "q": "who was the first mayor of the harbour town?", "gold": ["mayor"], "ans": ["mayor"], "answerable": false, "article": "Klow", "article_lang": "en", "para": 3}
{"id": "v1", "lang": "en", "q": "when was the vltava treaty signed?", "gold": ["2021"], "ans": ["2021"], "answerable": true, "article": "Vltava", "article_lang": "en", "para": 1, "start": 66}
`,
		"x.sample.jsonl": `{"id":"s1","lang":"en","title":"Syldavia","context":"Syldavia exports wheat to Borduria.","question":"what does syldavia export?","answers":[{"text":"wheat","start":17}]}
`,
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "xling-en.jsonl"), filepath.Join(dir, "x.sample.jsonl")
}

func TestEvalRealData(t *testing.T) {
	xquad, qadata := realData(t)
	r := mustRun(t, "", nil, "eval", xquad, qadata)
	if r.code != cli.ExitOK || r.stderr != "" {
		t.Fatalf("eval: code %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{
		"xquad-dev/xling-en                   en   fit+dev  qabot      2  100.0%  100.0%  100.0%  100.0  100.0  100.0    0.0%     1  100.0%",
		"xquad-dev/xling-en                   en   fit      qabot      1  100.0%",
		"xquad-dev/xling-en                   en   dev      qabot      1  100.0%",
		"held-out split: reported apart",
		"x.sample                             en   heldout  qabot      1",
		"time ",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("eval stdout lacks %q:\n%s", want, r.stdout)
		}
	}
	// The held-out set is never in the fit+dev rows.
	if strings.Contains(r.stdout, "x.sample                             en   fit") {
		t.Errorf("held-out set in the fit+dev rows:\n%s", r.stdout)
	}

	r = mustRun(t, "", nil, "eval", "--per-question", xquad)
	if r.code != cli.ExitUsage || !strings.Contains(r.stderr, "held-out") {
		t.Errorf("eval --per-question over held-out: code %d, stderr %q; want a refusal", r.code, r.stderr)
	}
	r = mustRun(t, "", nil, "eval", "--split", "heldout", "--min-sentence", "10", qadata)
	if r.code != cli.ExitUsage || !strings.Contains(r.stderr, "never gate") {
		t.Errorf("eval thresholds on held-out: code %d, stderr %q; want a refusal", r.code, r.stderr)
	}
	r = mustRun(t, "", nil, "eval", "--split", "fit,dev", "--per-question", "--min-sentence", "xquad-dev/xling-en=100", "--min-abstain", "100", xquad)
	if r.code != cli.ExitOK || strings.Contains(r.stdout, "MISS") || strings.Contains(r.stdout, "held-out") {
		t.Errorf("eval fit,dev: code %d, stderr %q, stdout:\n%s", r.code, r.stderr, r.stdout)
	}
	r = mustRun(t, "", nil, "eval", "--split", "fit,dev", "--min-sentence", "nope=10", xquad)
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "FAIL nope sentence@1: no questions in this set") {
		t.Errorf("eval with a threshold on a missing set: code %d, stderr %q", r.code, r.stderr)
	}
	own := filepath.Join(t.TempDir(), "en.jsonl")
	if err := os.WriteFile(own, []byte(evalQuestions), 0o644); err != nil {
		t.Fatal(err)
	}
	r = mustRun(t, "", nil, "eval", own, xquad)
	if r.code != cli.ExitUsage || !strings.Contains(r.stderr, "separate runs") {
		t.Errorf("eval mixing formats: code %d, stderr %q", r.code, r.stderr)
	}
}

// TestEvalHeldoutFolder: the questions of a held-out set are never printed.
func TestEvalHeldoutFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "heldout", "seed", "en.jsonl")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(evalQuestions), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, "", nil, "eval", "--per-question", file)
	if r.code != cli.ExitUsage || !strings.Contains(r.stderr, "held-out set") || r.stdout != "" {
		t.Errorf("eval --per-question on a heldout/ file: code %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := mustRun(t, "", nil, "eval", file); r.code != cli.ExitOK || !strings.Contains(r.stdout, "overall sentence@1") {
		t.Errorf("eval on a heldout/ file: code %d, stderr %q", r.code, r.stderr)
	}
}
