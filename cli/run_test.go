package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/qabot/qabot/cli"
)

// result is what one run of qabot printed and returned.
type result struct {
	stdout, stderr string
	code           int
}

// mustRun runs qabot with args, stdin and environment, as a user would.
func mustRun(t *testing.T, stdin string, env map[string]string, args ...string) result {
	t.Helper()
	var out, errOut bytes.Buffer
	getenv := func(k string) string { return env[k] }
	code := cli.Run(context.Background(), args, getenv, strings.NewReader(stdin), &out, &errOut)
	return result{out.String(), errOut.String(), code}
}

// reply is the ask --json contract, decoded strictly enough to check the
// presence of suggestions.
type reply struct {
	Question    string    `json:"question"`
	Lang        string    `json:"lang"`
	Answered    bool      `json:"answered"`
	Answer      string    `json:"answer"`
	Quote       string    `json:"quote"`
	Article     string    `json:"article"`
	ArticleLang string    `json:"article_lang"`
	Paragraph   int       `json:"paragraph"`
	Sentence    int       `json:"sentence"`
	Kind        string    `json:"kind"`
	Score       float64   `json:"score"`
	Suggestions *[]string `json:"suggestions"`
	Reason      string    `json:"reason"`
	Message     string    `json:"message"`
	Notice      string    `json:"notice"`
}

// mustReplies decodes one JSON object per line of out, strictly.
func mustReplies(t *testing.T, out string) []reply {
	t.Helper()
	var rs []reply
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		dec := json.NewDecoder(strings.NewReader(line))
		dec.DisallowUnknownFields()
		var r reply
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("line %d of output is not a contract object: %v\n%s", i+1, err, line)
		}
		rs = append(rs, r)
	}
	return rs
}

const (
	seedTitle   = "Albania accuses Iran of cyber attack and breaks diplomatic ties with Tehran"
	natoQ       = "when did albania join nato?"
	natoQuote   = "joining NATO in 2009"
	hackersQ    = "who hacked albania" // the article never names them
	embassyQ    = "where is the iranian embassy"
	tooLongRune = 10000
)

func TestAskHuman(t *testing.T) {
	r := mustRun(t, "", nil, "ask", natoQ)
	if r.code != cli.ExitOK || r.stderr != "" {
		t.Fatalf("ask %q: code %d, stderr %q", natoQ, r.code, r.stderr)
	}
	lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
	want := []string{
		"Answer: 2009",
		"From the article:",
		"> ",
		"Source: " + seedTitle,
	}
	if len(lines) != len(want) {
		t.Fatalf("ask %q printed %d lines, want %d:\n%s", natoQ, len(lines), len(want), r.stdout)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d = %q, want prefix %q", i+1, lines[i], w)
		}
	}
	if !strings.Contains(lines[2], natoQuote) {
		t.Errorf("quote line = %q, want it to contain %q", lines[2], natoQuote)
	}
	// Paragraphs are counted from 1 for people; JSON says 11.
	if !strings.HasSuffix(lines[3], ", Paragraph 12") {
		t.Errorf("source line = %q, want it to end with the paragraph number 12", lines[3])
	}
}

func TestAskHumanNotAnswered(t *testing.T) {
	r := mustRun(t, "", nil, "ask", hackersQ)
	if r.code != cli.ExitOK {
		t.Fatalf("ask %q: code %d, want 0; stderr %q", hackersQ, r.code, r.stderr)
	}
	for _, want := range []string{"The article doesn't say.\n", "These are the closest sentences I found:\n", "\n> ", "Paragraph "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("ask %q printed\n%s\nwant it to contain %q", hackersQ, r.stdout, want)
		}
	}
}

func TestAskJSON(t *testing.T) {
	r := mustRun(t, "", nil, "ask", "--json", natoQ)
	if r.code != cli.ExitOK || r.stderr != "" {
		t.Fatalf("ask --json: code %d, stderr %q", r.code, r.stderr)
	}
	rs := mustReplies(t, r.stdout)
	if len(rs) != 1 {
		t.Fatalf("ask --json printed %d objects, want 1", len(rs))
	}
	got := rs[0]
	switch {
	case got.Question != natoQ:
		t.Errorf("question = %q, want %q", got.Question, natoQ)
	case got.Lang != "en":
		t.Errorf("lang = %q, want en", got.Lang)
	case !got.Answered:
		t.Errorf("answered = false, want true")
	case !strings.Contains(got.Answer, "2009"):
		t.Errorf("answer = %q, want it to contain 2009", got.Answer)
	case !strings.Contains(got.Quote, natoQuote):
		t.Errorf("quote = %q, want it to contain %q", got.Quote, natoQuote)
	case got.Article != seedTitle:
		t.Errorf("article = %q, want %q", got.Article, seedTitle)
	case got.Paragraph != 11 || got.Sentence != 11:
		t.Errorf("paragraph, sentence = %d, %d, want 11, 11", got.Paragraph, got.Sentence)
	case got.Kind != "when":
		t.Errorf("kind = %q, want when", got.Kind)
	case got.Score <= 0:
		t.Errorf("score = %v, want > 0", got.Score)
	case got.Suggestions != nil:
		t.Errorf("suggestions = %v, want the field absent when answered", *got.Suggestions)
	}
}

func TestAskJSONFlagAfterQuestion(t *testing.T) {
	r := mustRun(t, "", nil, "ask", natoQ, "--json")
	if rs := mustReplies(t, r.stdout); len(rs) != 1 || !rs[0].Answered {
		t.Errorf("ask %q --json = %+v, want one answered object", natoQ, rs)
	}
}

func TestAskJSONNotAnswered(t *testing.T) {
	r := mustRun(t, "", nil, "ask", "--json", hackersQ)
	if r.code != cli.ExitOK {
		t.Fatalf("ask --json %q: code %d, want 0 for an unanswered question", hackersQ, r.code)
	}
	got := mustReplies(t, r.stdout)[0]
	if got.Answered || got.Answer != "" || got.Quote != "" {
		t.Errorf("ask --json %q = answered %v, answer %q, quote %q; want not answered", hackersQ, got.Answered, got.Answer, got.Quote)
	}
	if got.Suggestions == nil || len(*got.Suggestions) == 0 {
		t.Errorf("ask --json %q suggestions = %v, want the closest sentences", hackersQ, got.Suggestions)
	}
	if got.Reason != "not_in_article" || got.Paragraph != -1 || got.Sentence != -1 {
		t.Errorf("ask --json %q = reason %q, paragraph %d, sentence %d; want not_in_article, -1, -1", hackersQ, got.Reason, got.Paragraph, got.Sentence)
	}
}

func TestAskJSONBatch(t *testing.T) {
	in := natoQ + "\r\n" + hackersQ + "\n\n" + embassyQ // CRLF, a blank line, no final newline
	r := mustRun(t, in, nil, "ask", "--json")
	if r.code != cli.ExitOK {
		t.Fatalf("ask --json with stdin: code %d, stderr %q", r.code, r.stderr)
	}
	rs := mustReplies(t, r.stdout)
	want := []struct {
		question string
		answered bool
		reason   string
	}{
		{natoQ, true, ""},
		{hackersQ, false, "not_in_article"},
		{"", false, "empty_question"}, // one object per input line keeps lines aligned
		{embassyQ, true, ""},
	}
	if len(rs) != len(want) {
		t.Fatalf("ask --json printed %d objects for %d lines:\n%s", len(rs), len(want), r.stdout)
	}
	for i, w := range want {
		if rs[i].Question != w.question || rs[i].Answered != w.answered || rs[i].Reason != w.reason {
			t.Errorf("object %d = {%q answered %v reason %q}, want {%q answered %v reason %q}",
				i, rs[i].Question, rs[i].Answered, rs[i].Reason, w.question, w.answered, w.reason)
		}
	}
}

// TestAskJSONStreams checks that each answer is written as soon as its
// line is read, as score.py and chat bridges need: the first answer must
// arrive while stdin is still open.
func TestAskJSONStreams(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan int)
	go func() {
		done <- cli.Run(context.Background(), []string{"ask", "--json"}, func(string) string { return "" }, inR, outW, io.Discard)
		outW.Close()
	}()
	if _, err := io.WriteString(inW, natoQ+"\n"); err != nil {
		t.Fatal(err)
	}
	line := make(chan string, 1)
	go func() {
		buf := make([]byte, 64<<10)
		n, _ := outR.Read(buf)
		line <- string(buf[:n])
		io.Copy(io.Discard, outR)
	}()
	select {
	case got := <-line:
		if !strings.Contains(got, `"answered":true`) {
			t.Errorf("first output = %q, want the answer to the first line", got)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no answer while stdin stayed open: output is not flushed per line")
	}
	inW.Close()
	if code := <-done; code != cli.ExitOK {
		t.Errorf("exit code %d, want 0", code)
	}
}

func TestAskRefusals(t *testing.T) {
	tests := []struct {
		name, question, reason string
	}{
		{"huge", strings.Repeat("a", tooLongRune), "question_too_long"},
		{"huge words", strings.Repeat("nato ", tooLongRune/5), "question_too_long"},
		{"invalid utf8", "\xff\xfe\xfd", ""}, // any refusal reason
		{"symbols", "?!?! ...", "invalid_input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, tt.question+"\n", nil, "ask", "--json")
			if r.code != cli.ExitOK {
				t.Fatalf("code %d, want 0; stderr %q", r.code, r.stderr)
			}
			got := mustReplies(t, r.stdout)
			if len(got) != 1 {
				t.Fatalf("printed %d objects, want 1", len(got))
			}
			if got[0].Answered || got[0].Message == "" || got[0].Reason == "" || got[0].Reason == "not_in_article" {
				t.Errorf("reply = %+v, want a refusal with a message", got[0])
			}
			if tt.reason != "" && got[0].Reason != tt.reason {
				t.Errorf("reason = %q, want %q", got[0].Reason, tt.reason)
			}
			// The human format shows the same refusal, on one line.
			h := mustRun(t, "", nil, "ask", tt.question)
			if h.code != cli.ExitOK || h.stdout != got[0].Message+"\n" {
				t.Errorf("ask human = code %d %q, want code 0 and %q", h.code, h.stdout, got[0].Message+"\n")
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string // in stderr
	}{
		{"unknown flag", nil, []string{"ask", "--bogus", "x"}, "ask: flag provided but not defined: -bogus"},
		{"unknown top flag", nil, []string{"--bogus"}, "flag provided but not defined: -bogus"},
		{"unknown command", nil, []string{"serve-ftp"}, `unknown command "serve-ftp"`},
		{"question without ask", nil, []string{"when did it happen?"}, "qabot ask"},
		{"unknown language flag", nil, []string{"ask", "--lang", "xx", "q"}, `unknown language "xx"`},
		{"unknown language env", map[string]string{"QABOT_LANG": "klingon"}, []string{"ask", "q"}, "QABOT_LANG"},
		{"bad log level", map[string]string{"LOG_LEVEL": "loud"}, []string{"ask", "q"}, "LOG_LEVEL"},
		{"eval without files", nil, []string{"eval"}, "no question files"},
		{"bad threshold", nil, []string{"eval", "--min-sentence", "en=lots", "x.jsonl"}, "min-sentence"},
		{"sentences argument", nil, []string{"sentences", "extra"}, "takes no arguments"},
		{"timeline argument", nil, []string{"timeline", "extra"}, "takes no arguments"},
		{"chat argument", nil, []string{"chat", "why?"}, "qabot ask"},
		{"help unknown", nil, []string{"help", "nope"}, `unknown command "nope"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, "", tt.env, tt.args...)
			if r.code != cli.ExitUsage {
				t.Errorf("qabot %q: code %d, want %d", tt.args, r.code, cli.ExitUsage)
			}
			if !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "qabot help") {
				t.Errorf("qabot %q stderr = %q, want it to contain %q and a pointer to help", tt.args, r.stderr, tt.want)
			}
			if r.stdout != "" {
				t.Errorf("qabot %q stdout = %q, want nothing", tt.args, r.stdout)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"help"}, "Usage:\n  qabot"},
		{[]string{"-h"}, "Usage:\n  qabot"},
		{[]string{"--help"}, "Usage:\n  qabot"},
		{[]string{"help", "ask"}, "Usage: qabot ask"},
		{[]string{"ask", "-h"}, "--json"},
		{[]string{"eval", "--help"}, "--min-sentence P"},
		{[]string{"sentences", "-h"}, "Usage: qabot sentences"},
		{[]string{"timeline", "-h"}, "Usage: qabot timeline"},
		{[]string{"chat", "-h"}, "/quit"},
	}
	for _, tt := range tests {
		r := mustRun(t, "", nil, tt.args...)
		if r.code != cli.ExitOK || !strings.Contains(r.stdout, tt.want) || r.stderr != "" {
			t.Errorf("qabot %q = code %d, stdout %q, stderr %q; want code 0 and stdout containing %q", tt.args, r.code, r.stdout, r.stderr, tt.want)
		}
	}
}

// mustCorpus writes files into a new folder and returns its path.
func mustCorpus(t *testing.T, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func mustReadFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestCorpusErrors(t *testing.T) {
	binary := []byte("\x00\x01\x02PNG\x00\xff\xfe garbage \x00")
	tests := []struct {
		name  string
		files map[string][]byte // nil: a folder that does not exist
		want  string
	}{
		{"missing folder", nil, "does not exist"},
		{"empty folder", map[string][]byte{"notes.md": []byte("# not an article")}, "no .txt articles"},
		{"only broken files", map[string][]byte{"a.txt": binary, "b.txt": []byte("   \n\n")}, "no readable article"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "nope")
			if tt.files != nil {
				dir = mustCorpus(t, tt.files)
			}
			for _, args := range [][]string{{"ask", "--corpus", dir, "q"}, {"--corpus", dir}, {"sentences", "--corpus", dir}, {"timeline", "--corpus", dir}} {
				r := mustRun(t, "", nil, args...)
				if r.code != cli.ExitError {
					t.Errorf("qabot %q: code %d, want %d", args, r.code, cli.ExitError)
				}
				if strings.Count(r.stderr, "\n") != 1 || !strings.HasPrefix(r.stderr, "qabot: ") || !strings.Contains(r.stderr, tt.want) {
					t.Errorf("qabot %q stderr = %q, want one line containing %q", args, r.stderr, tt.want)
				}
			}
		})
	}
}

func TestCorpusWithBrokenFile(t *testing.T) {
	dir := mustCorpus(t, map[string][]byte{
		"broken.txt": []byte("\x00\x01\x02\x03 binary \x00\xff"),
		"seed.txt":   mustReadFile(t, "../seeds/000_3025b2289f4c8319.txt"),
	})
	r := mustRun(t, "", nil, "ask", "--corpus", dir, natoQ)
	if r.code != cli.ExitOK || !strings.Contains(r.stdout, "Answer: 2009") {
		t.Errorf("ask with a broken file beside a good one: code %d, stdout %q; want the answer", r.code, r.stdout)
	}
	if !strings.Contains(r.stderr, "warning") || !strings.Contains(r.stderr, "broken.txt") {
		t.Errorf("stderr = %q, want a warning naming broken.txt", r.stderr)
	}
}

// TestCorpusFile points --corpus at one article file: it is served alone,
// though other articles sit beside it in its folder.
func TestCorpusFile(t *testing.T) {
	tests := []struct {
		args []string
		want string // in stdout
	}{
		{[]string{"ask", "--corpus", "../seeds/000_3025b2289f4c8319.txt", natoQ}, "Answer: 2009"},
		{[]string{"timeline", "--json", "--corpus", "../testdata/langarticles/vernaz-glissement.txt"}, `"article_id":"vernaz-glissement"`},
	}
	for _, tt := range tests {
		r := mustRun(t, "", nil, tt.args...)
		if r.code != cli.ExitOK || !strings.Contains(r.stdout, tt.want) {
			t.Errorf("qabot %q: code %d, stderr %q; want %q in stdout %.200q", tt.args, r.code, r.stderr, tt.want, r.stdout)
		}
	}
	r := mustRun(t, "", nil, "sentences", "--json", "--corpus", "../testdata/articles/glacis-3-launch.txt")
	var arts []struct{ ID string }
	if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil || len(arts) != 1 || arts[0].ID != "glacis-3-launch" {
		t.Errorf("sentences --corpus FILE: articles %+v, err %v; want the file's one, not its folder's", arts, err)
	}
}

func TestCorpusFromEnvAndFlag(t *testing.T) {
	articles := "../testdata/articles"
	env := map[string]string{"QABOT_CORPUS": articles}
	// The environment picks the articles folder ...
	r := mustRun(t, "", env, "ask", "--json", natoQ)
	if got := mustReplies(t, r.stdout)[0]; got.Answered && strings.Contains(got.Quote, natoQuote) {
		t.Errorf("with QABOT_CORPUS=%s, ask %q quoted the embedded article: %q", articles, natoQ, got.Quote)
	}
	s := mustRun(t, "", env, "sentences", "--json")
	var arts []struct{ Title string }
	if err := json.Unmarshal([]byte(s.stdout), &arts); err != nil || len(arts) != 3 {
		t.Errorf("sentences with QABOT_CORPUS: %d articles, err %v; want 3", len(arts), err)
	}
	// ... and --corpus overrides it, for every command.
	r = mustRun(t, "", map[string]string{"QABOT_CORPUS": "/does/not/exist"}, "ask", "--corpus", articles, "--json", natoQ)
	if r.code != cli.ExitOK {
		t.Errorf("--corpus did not override QABOT_CORPUS: code %d, stderr %q", r.code, r.stderr)
	}
	r = mustRun(t, "", map[string]string{"QABOT_CORPUS": "/does/not/exist"}, "--corpus", articles)
	if r.code != cli.ExitOK {
		t.Errorf("top-level --corpus did not override QABOT_CORPUS: code %d, stderr %q", r.code, r.stderr)
	}
}

func TestDotenv(t *testing.T) {
	articles, err := filepath.Abs("../testdata/articles")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	env := "# qabot settings\nQABOT_CORPUS=" + filepath.Join(dir, "from-dotenv") + "\nQABOT_LANG=fr\n"
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte(env), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	// .env fills in QABOT_CORPUS, which does not exist.
	r := mustRun(t, "", nil, "ask", "q")
	if r.code != cli.ExitError || !strings.Contains(r.stderr, "from-dotenv") {
		t.Errorf("with .env: code %d, stderr %q; want the corpus folder of .env to be used", r.code, r.stderr)
	}
	// A real variable wins over .env; QABOT_LANG still comes from .env.
	r = mustRun(t, "", map[string]string{"QABOT_CORPUS": articles}, "ask", "--json", "q")
	if r.code != cli.ExitOK {
		t.Fatalf("with QABOT_CORPUS set: code %d, stderr %q; want the real variable to win", r.code, r.stderr)
	}
	if got := mustReplies(t, r.stdout)[0]; got.Lang != "fr" {
		t.Errorf("lang = %q, want fr from .env", got.Lang)
	}
}

// BenchmarkStartToFirstAnswer measures what a process does before its
// first answer, minus the exec: read the configuration, load the language
// data and the embedded article, build the engine, answer one question and
// print its JSON.
func BenchmarkStartToFirstAnswer(b *testing.B) {
	b.ReportAllocs()
	getenv := func(string) string { return "" }
	for b.Loop() {
		var out bytes.Buffer
		if code := cli.Run(context.Background(), []string{"ask", "--json", natoQ}, getenv, strings.NewReader(""), &out, io.Discard); code != cli.ExitOK {
			b.Fatalf("exit code %d", code)
		}
	}
}

// TestDotenvErrorHidesSecret checks that a malformed .env is reported by
// file and line, without the value that is often the bot token.
func TestDotenvErrorHidesSecret(t *testing.T) {
	const secret = "MTA-secret-token-value"
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte("QABOT_LANG=fr\nDISCORD_TOKEN=\""+secret+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	r := mustRun(t, "", nil, "ask", "q")
	if r.code != cli.ExitError || !strings.Contains(r.stderr, ".env:2:") || !strings.Contains(r.stderr, "DISCORD_TOKEN") {
		t.Errorf("with a malformed .env: code %d, stderr %q; want an error naming .env:2 and the variable", r.code, r.stderr)
	}
	if strings.Contains(r.stdout+r.stderr, "secret") {
		t.Errorf("the error quotes the token: %q", r.stderr)
	}
}

// TestEmptyEnvironmentWinsOverDotenv checks that a variable set to empty in
// the environment is not filled in from .env.
func TestEmptyEnvironmentWinsOverDotenv(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte("QABOT_LANG=fr\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	run := func(env map[string]string) reply {
		t.Helper()
		var out, errOut bytes.Buffer
		lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
		if code := cli.RunEnv(context.Background(), []string{"ask", "--json", natoQ}, lookup, strings.NewReader(""), &out, &errOut); code != cli.ExitOK {
			t.Fatalf("ask with env %v: code %d, stderr %q", env, code, errOut.String())
		}
		return mustReplies(t, out.String())[0]
	}
	if got := run(nil); got.Lang != "fr" {
		t.Errorf("QABOT_LANG unset: lang = %q, want fr from .env", got.Lang)
	}
	if got := run(map[string]string{"QABOT_LANG": ""}); got.Lang != "en" {
		t.Errorf("QABOT_LANG set to empty: lang = %q, want en (detected): the environment wins over .env", got.Lang)
	}
}
