package cli_test

import (
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/cli"
)

func TestChatPiped(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		want  []string // in order in stdout
		not   []string // nowhere in stdout
	}{
		{
			name:  "two questions",
			stdin: natoQ + "\n" + embassyQ + "\n",
			want:  []string{"Answer: 2009\n", natoQuote, "\n\nAnswer: Tirana\n"},
		},
		{
			name:  "blank lines ignored",
			stdin: "\n   \n" + natoQ + "\n\n\n",
			want:  []string{"Answer: 2009\n"},
		},
		{
			name:  "help then quit",
			stdin: "/help\n" + natoQ + "\n/quit\n" + embassyQ + "\n",
			want:  []string{"I answer questions about a news article", "/quit", "Answer: 2009", "Goodbye"},
			not:   []string{"Tirana"}, // nothing is answered after /quit
		},
		{
			name:  "bare words",
			stdin: "help\nquit\n" + natoQ + "\n",
			want:  []string{"I answer questions", "Goodbye"},
			not:   []string{"Answer:"},
		},
		{
			name:  "force a language",
			stdin: "/lang fr\n" + hackersQ + "\n/lang auto\n" + hackersQ + "\n",
			want:  []string{"Langue: fr (français)", "L'article ne le dit pas.", "Language: auto", "The article doesn't say."},
		},
		{
			name:  "unknown language",
			stdin: "/lang xx\n" + natoQ + "\n",
			want:  []string{`unknown language "xx"`, "Answer: 2009"},
		},
		{
			name:  "refusal",
			stdin: strings.Repeat("why ", 3000) + "\n\xff\xfe\n",
			want:  []string{"That question is too long.", "Please"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, tt.stdin, nil)
			if r.code != cli.ExitOK || r.stderr != "" {
				t.Fatalf("qabot with stdin %q: code %d, stderr %q", tt.stdin, r.code, r.stderr)
			}
			rest := r.stdout
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("stdout lacks %q (in order):\n%s", w, r.stdout)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				if strings.Contains(r.stdout, n) {
					t.Errorf("stdout has %q, want it absent:\n%s", n, r.stdout)
				}
			}
		})
	}
}

func TestChatPipedEmptyInput(t *testing.T) {
	for _, in := range []string{"", "\n\n", " \t \r\n"} {
		r := mustRun(t, in, nil)
		if r.code != cli.ExitOK || r.stdout != "" || r.stderr != "" {
			t.Errorf("qabot with stdin %q = code %d, stdout %q, stderr %q; want silence and 0", in, r.code, r.stdout, r.stderr)
		}
	}
}

// TestInterrupted checks that a signal ends qabot while it waits for
// input on a pipe that stays open.
func TestInterrupted(t *testing.T) {
	for _, args := range [][]string{nil, {"ask"}, {"ask", "--json"}} {
		ctx, cancel := context.WithCancel(context.Background())
		inR, inW := io.Pipe()
		done := make(chan int)
		go func() {
			done <- cli.Run(ctx, args, func(string) string { return "" }, inR, io.Discard, io.Discard)
		}()
		time.Sleep(20 * time.Millisecond)
		cancel()
		select {
		case code := <-done:
			if code != cli.ExitInterrupted {
				t.Errorf("qabot %q interrupted: code %d, want %d", args, code, cli.ExitInterrupted)
			}
		case <-time.After(5 * time.Second):
			t.Errorf("qabot %q did not return after its context was cancelled", args)
		}
		inW.Close()
	}
}

func TestSentences(t *testing.T) {
	r := mustRun(t, "", nil, "sentences")
	if r.code != cli.ExitOK {
		t.Fatalf("sentences: code %d, stderr %q", r.code, r.stderr)
	}
	for _, want := range []string{"# " + seedTitle + "\n", "id:        000_3025b2289f4c8319\n", "byline:    RFI\n", "\n   0  p0   ", "\n## "} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("sentences output lacks %q", want)
		}
	}

	r = mustRun(t, "", nil, "sentences", "--json")
	var arts []struct {
		ID        string
		Title     string
		Sentences []struct {
			Index, Paragraph, Start, End int
			Text                         string
		}
	}
	if err := json.Unmarshal([]byte(r.stdout), &arts); err != nil {
		t.Fatalf("sentences --json is not JSON: %v", err)
	}
	if len(arts) != 1 || arts[0].Title != seedTitle || len(arts[0].Sentences) < 10 {
		t.Fatalf("sentences --json = %d articles, want the seed article with its sentences", len(arts))
	}
	for i, s := range arts[0].Sentences {
		if s.Index != i || s.Text == "" || s.End-s.Start < len(s.Text)/2 {
			t.Errorf("sentence %d = %+v, want index %d, text and offsets", i, s, i)
		}
	}
}

// timelineEvent is one element of timeline --json, decoded strictly.
type timelineEvent struct {
	Date      string `json:"date"`
	Precision string `json:"precision"`
	Kind      string `json:"kind"`
	Mod       string `json:"mod"`
	Label     string `json:"label"`
	Text      string `json:"text"`
	Quote     string `json:"quote"`
	Article   string `json:"article"`
	ArticleID string `json:"article_id"`
	Paragraph int    `json:"paragraph"`
	Sentence  int    `json:"sentence"`
	Reason    string `json:"reason"`
}

func mustTimelineJSON(t *testing.T, env map[string]string, args ...string) []timelineEvent {
	t.Helper()
	r := mustRun(t, "", env, append([]string{"timeline", "--json"}, args...)...)
	if r.code != cli.ExitOK {
		t.Fatalf("qabot timeline --json %q: code %d, stderr %q", args, r.code, r.stderr)
	}
	if strings.Count(strings.TrimSpace(r.stdout), "\n") != 0 {
		t.Errorf("qabot timeline --json %q printed several lines, want one JSON array", args)
	}
	var events []timelineEvent
	dec := json.NewDecoder(strings.NewReader(r.stdout))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&events); err != nil || events == nil {
		t.Fatalf("qabot timeline --json %q is not a JSON array: %v\n%s", args, err, r.stdout)
	}
	return events
}

func TestTimelineJSON(t *testing.T) {
	seed := mustTimelineJSON(t, nil)
	articles := mustTimelineJSON(t, map[string]string{"QABOT_CORPUS": "../testdata/articles"})
	for name, events := range map[string][]timelineEvent{"seed": seed, "articles": articles} {
		if len(events) < 10 {
			t.Fatalf("%s: %d events, want the dated events of the articles", name, len(events))
		}
		for _, e := range events {
			if e.Date == "" || e.Label == "" || e.Precision == "" || e.Article == "" || !strings.Contains(e.Quote, e.Text) || e.Paragraph < 0 {
				t.Errorf("%s: event %+v: want a date, a label, a precision, an article and a quote holding its text", name, e)
			}
		}
	}
	if articles[0].ArticleID == articles[len(articles)-1].ArticleID {
		t.Errorf("QABOT_CORPUS timeline runs from %s to %s, want events of several articles", articles[0].ArticleID, articles[len(articles)-1].ArticleID)
	}
	// The seed's story in order, with the examples.
	var got []string
	for _, e := range seed {
		got = append(got, e.Date+" "+e.Precision+" "+e.Label)
	}
	want := []string{
		"1979 year 1979", "1981 year 1981", "199X decade early 1990s", "2009 year 2009",
		"2013 year since 2013", "2018-12 month since December 2018", "2022 year 2022",
		"2022-SU season summer 2022", "2022-06 month June 2022", "2022-07 month July 2022",
		"2022-07-15 day 15 July 2022", "2022-09-07 day 7 September 2022",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("timeline --json of the seed (-want +got):\n%s", diff)
	}

	// Dates and topic in French: the two sentences about cyberattacks, with
	// their dates from July 2022 on, labelled in French.
	got = nil
	for _, e := range mustTimelineJSON(t, nil, "--lang", "fr", "--from", "juillet 2022", "--about", "cyberattaques") {
		got = append(got, e.Date+" "+e.Label)
	}
	want = []string{"2022-SU été 2022", "2022-07-15 15 juillet 2022", "2022-09-07 7 septembre 2022"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("timeline --lang fr --from 'juillet 2022' --about cyberattaques (-want +got):\n%s", diff)
	}
}

func TestTimelineTable(t *testing.T) {
	r := mustRun(t, "", nil, "timeline", "--to", "2009")
	want := "Timeline: " + seedTitle + "\n\nDate         Event\n1979         The PMOI supported Ayatollah Khomeini during the 1979 revolution that overthrew the\n"
	if r.code != cli.ExitOK || !strings.HasPrefix(r.stdout, want) || !strings.Contains(r.stdout, "\n             — Paragraph 12\n") {
		t.Errorf("timeline --to 2009 = code %d\n%s\nwant it to start\n%s\nand cite paragraph 12", r.code, r.stdout, want)
	}
	for _, line := range strings.Split(r.stdout, "\n") {
		if n := len([]rune(line)); n > 100 {
			t.Errorf("line of %d runes, want at most 100: %q", n, line)
		}
	}

	r = mustRun(t, "", nil, "timeline", "--lang", "de", "--corpus", "../testdata/articles", "--from", "2025")
	if r.code != cli.ExitOK || !strings.HasPrefix(r.stdout, "Datum ") || !strings.Contains(r.stdout, "12. August 2025") ||
		!strings.Contains(r.stdout, "Wildfire in central Portugal") || strings.Contains(r.stdout, "2024") {
		t.Errorf("timeline --lang de --from 2025 over the test articles = code %d\n%s\nwant German labels, 2025 only, article titles", r.code, r.stdout)
	}
}

func TestTimelineErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"bad date", []string{"--from", "banana"}, "I can't read “banana” as a date"},
		{"no year", []string{"--lang", "fr", "--to", "juillet"}, "Il manque l'année à « juillet »"},
		{"argument", []string{"Albania"}, "use --about"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, "", nil, append([]string{"timeline"}, tt.args...)...)
			if r.code != cli.ExitUsage || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
				t.Errorf("timeline %q = code %d, stdout %q, stderr %q; want usage error %q", tt.args, r.code, r.stdout, r.stderr, tt.want)
			}
		})
	}
}

func TestTimelineEmpty(t *testing.T) {
	dir := mustCorpus(t, map[string][]byte{"a.txt": []byte("A title\n\nNothing here has a date at all. The text goes on without one.\n")})
	r := mustRun(t, "", nil, "timeline", "--json", "--corpus", dir)
	if r.code != cli.ExitOK || strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("timeline --json without dates = code %d, %q; want []", r.code, r.stdout)
	}
	r = mustRun(t, "", nil, "timeline", "--corpus", dir)
	if r.code != cli.ExitOK || r.stdout != "I found no dates in this article.\n" {
		t.Errorf("timeline without dates = code %d, %q", r.code, r.stdout)
	}
	r = mustRun(t, "", nil, "timeline", "--about", "volcano")
	if r.code != cli.ExitOK || r.stdout != "No dated event matches what you asked for.\n" {
		t.Errorf("timeline --about volcano = code %d, %q", r.code, r.stdout)
	}
}

const evalQuestions = `{"id": "t1", "lang": "en", "q": "when did albania join nato?", "gold": ["joining NATO in 2009"], "ans": ["2009"], "answerable": true}
{"id": "t2", "lang": "en", "q": "where is the iranian embassy", "gold": ["Iranian Embassy in Tirana"], "ans": ["Tirana"], "answerable": true}
{"id": "t3", "lang": "en", "q": "who hacked albania", "gold": [], "ans": [], "answerable": false}
`

func TestEval(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "en.jsonl")
	if err := os.WriteFile(file, []byte(evalQuestions), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		stdout   []string
		stderr   string
		noStderr bool
	}{
		{
			name:     "no thresholds",
			args:     []string{"eval", file},
			stdout:   []string{"lang      n  sent@1  answer  abstain\n", "en        3  100.0%  100.0%   100.0%\n", "overall sentence@1 100.0% answer 100.0% abstain 100.0% n=3\n"},
			noStderr: true,
		},
		{
			name:     "thresholds pass",
			args:     []string{"eval", "--min-sentence", "90", "--min-answer", "en=50", "--min-abstain", "0", file},
			stdout:   []string{"overall sentence@1 100.0% answer 100.0% abstain 100.0% n=3\n"},
			noStderr: true,
		},
		{
			name:   "language without questions fails",
			args:   []string{"eval", "--min-sentence", "fr=10", file},
			code:   cli.ExitError,
			stdout: []string{"overall sentence@1"},
			stderr: "qabot eval: FAIL fr sentence@1: no questions in this language\n",
		},
		{
			name:   "missing file",
			args:   []string{"eval", filepath.Join(dir, "nope.jsonl")},
			code:   cli.ExitError,
			stderr: "nope.jsonl",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustRun(t, "", nil, tt.args...)
			if r.code != tt.code {
				t.Errorf("qabot %q: code %d, want %d; stderr %q", tt.args, r.code, tt.code, r.stderr)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(r.stdout, w) {
					t.Errorf("qabot %q stdout lacks %q:\n%s", tt.args, w, r.stdout)
				}
			}
			if tt.noStderr && r.stderr != "" || !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("qabot %q stderr = %q, want %q", tt.args, r.stderr, tt.stderr)
			}
		})
	}
}

// TestEvalFailsBelowThreshold uses a question the engine cannot get
// right (its gold is not in the article), so the figures are known.
func TestEvalFailsBelowThreshold(t *testing.T) {
	file := filepath.Join(t.TempDir(), "q.jsonl")
	q := evalQuestions + `{"id": "t4", "lang": "en", "q": "when did albania join nato", "gold": ["a sentence the article does not have"], "ans": ["1066"], "answerable": true}` + "\n"
	if err := os.WriteFile(file, []byte(q), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, "", nil, "eval", "--per-question", "--min-sentence", "60,en=80", "--min-answer", "0", file)
	if r.code != cli.ExitError {
		t.Errorf("eval below threshold: code %d, want %d", r.code, cli.ExitError)
	}
	if !strings.Contains(r.stdout, "MISS t4-en: 'when did albania join nato' -> answered=True answer='2009' quote='After decades") {
		t.Errorf("eval --per-question stdout lacks the miss of t4:\n%s", r.stdout)
	}
	want := "qabot eval: FAIL en sentence@1 66.7% is below 80%\n"
	if r.stderr != want {
		t.Errorf("eval stderr = %q, want %q", r.stderr, want)
	}
}

// TestSummary checks qabot summary: three to five sentences of each
// article, in the article's order, quoted exactly.
func TestSummary(t *testing.T) {
	r := mustRun(t, "", nil, "summary", "--json", "--corpus", "../testdata/articles")
	if r.code != cli.ExitOK || r.stderr != "" {
		t.Fatalf("qabot summary --json: code %d, stderr %q", r.code, r.stderr)
	}
	var sums []struct {
		Article   string `json:"article"`
		ArticleID string `json:"article_id"`
		Sentences []struct {
			Text      string `json:"text"`
			Paragraph int    `json:"paragraph"`
			Sentence  int    `json:"sentence"`
		} `json:"sentences"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &sums); err != nil {
		t.Fatalf("qabot summary --json is not a JSON array: %v\n%s", err, r.stdout)
	}
	if len(sums) != 3 {
		t.Fatalf("qabot summary --json has %d articles; want 3", len(sums))
	}
	for _, s := range sums {
		raw, err := os.ReadFile(filepath.Join("../testdata/articles", s.ArticleID+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		if n := len(s.Sentences); n < 3 || n > 5 {
			t.Errorf("summary of %s has %d sentences; want 3 to 5", s.ArticleID, n)
		}
		for i, sent := range s.Sentences {
			if i > 0 && sent.Sentence <= s.Sentences[i-1].Sentence {
				t.Errorf("summary of %s: sentence %d after %d; want the article's order", s.ArticleID, sent.Sentence, s.Sentences[i-1].Sentence)
			}
			// The first words of each sentence stand in the article as written.
			words := strings.Fields(sent.Text)
			if len(words) < 5 || !strings.Contains(string(raw), strings.Join(words[:5], " ")) {
				t.Errorf("summary of %s quotes %q, which is not the article's", s.ArticleID, sent.Text)
			}
		}
	}

	r = mustRun(t, "", nil, "summary", "--lang", "fr")
	if !strings.HasPrefix(r.stdout, "Résumé : Albania accuses Iran") || strings.Count(r.stdout, "(Paragraphe ") < 3 {
		t.Errorf("qabot summary --lang fr =\n%s\nwant the French title and paragraph labels", r.stdout)
	}
}

// TestAskJSONCommandWord checks that a command word asked with --json
// comes back with reason "command" and the command's output as message.
func TestAskJSONCommandWord(t *testing.T) {
	r := mustRun(t, "", nil, "ask", "--json", "help")
	rs := mustReplies(t, r.stdout)
	if len(rs) != 1 || rs[0].Reason != "command" || !strings.Contains(rs[0].Message, "/summary") {
		t.Errorf("qabot ask --json help = %s; want reason command and the help in message", r.stdout)
	}
}

// TestAskLangFlag checks the example end to end: --lang sets the
// reply's language, and the English question is still read as English.
func TestAskLangFlag(t *testing.T) {
	r := mustRun(t, "", map[string]string{"QABOT_LANG": "de"}, "ask", "--lang", "fr", natoQ)
	if r.code != cli.ExitOK || !strings.HasPrefix(r.stdout, "Réponse: 2009\n") {
		t.Errorf("qabot ask --lang fr %q = code %d, %q; want \"Réponse: 2009\" first", natoQ, r.code, r.stdout)
	}
}
