// Package eval scores question files the way ../shared/eval/score.py does,
// but in process: it takes the questions and a function that answers one,
// and counts sentence@1, short answers and abstentions per language. It is
// pure: no files, no clock, no engine; the caller supplies all three.
package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Answerable says what a question expects of the engine.
type Answerable int

const (
	// Yes: the engine must answer, quoting a gold sentence.
	Yes Answerable = iota
	// No: the article does not say; the engine must abstain.
	No
	// Either: the article half answers; abstaining or quoting a gold
	// sentence are both right.
	Either
)

// UnmarshalJSON reads true, false or "either".
func (a *Answerable) UnmarshalJSON(data []byte) error {
	switch string(bytes.TrimSpace(data)) {
	case "true":
		*a = Yes
	case "false":
		*a = No
	case `"either"`:
		*a = Either
	default:
		return fmt.Errorf("answerable: want true, false or \"either\", got %s", data)
	}
	return nil
}

// MarshalJSON writes true, false or "either".
func (a Answerable) MarshalJSON() ([]byte, error) {
	switch a {
	case No:
		return []byte("false"), nil
	case Either:
		return []byte(`"either"`), nil
	}
	return []byte("true"), nil
}

// A Question is one line of a question file.
type Question struct {
	ID         string     `json:"id"`
	Lang       string     `json:"lang"`
	Q          string     `json:"q"`
	Gold       []string   `json:"gold"` // substrings, one of which the quote must contain
	Ans        []string   `json:"ans"`  // short answers, one of which the answer must contain
	Answerable Answerable `json:"answerable"`
}

// Read parses a question file: JSON lines, blank lines skipped. name is
// used in errors only. A missing "answerable" means true, as in score.py.
// Read is stricter than score.py where a file is plainly wrong: a line
// without id, lang or q, or an answerable question without gold, is an
// error rather than a question that can never be scored right.
func Read(r io.Reader, name string) ([]Question, error) {
	var qs []Question
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var q Question
		if err := json.Unmarshal(line, &q); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		switch {
		case q.ID == "" || q.Lang == "" || q.Q == "":
			return nil, fmt.Errorf("%s:%d: id, lang and q are required", name, n)
		case q.Answerable == Yes && len(q.Gold) == 0:
			return nil, fmt.Errorf("%s:%d: %s: an answerable question needs gold", name, n, q.ID)
		}
		qs = append(qs, q)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return qs, nil
}

// A Result is what the engine replied to one question: the fields of the
// ask --json contract that scoring reads.
type Result struct {
	Answered bool
	Answer   string
	Quote    string
}

// Counts are the figures of one language, or of all.
type Counts struct {
	Answerable   int // questions with answerable true
	Unanswerable int // questions with answerable false or "either"
	Sentence     int // answerable questions whose quote hit a gold
	Answer       int // answerable questions whose answer hit an ans
	Abstain      int // unanswerable questions handled right
}

// N is the number of questions.
func (c Counts) N() int { return c.Answerable + c.Unanswerable }

// SentenceRate is sentence@1 in percent, as score.py computes it (0 when
// there is no answerable question).
func (c Counts) SentenceRate() float64 { return pct(c.Sentence, c.Answerable) }

// AnswerRate is the share of answerable questions with the right short
// answer, in percent.
func (c Counts) AnswerRate() float64 { return pct(c.Answer, c.Answerable) }

// AbstainRate is the share of unanswerable questions handled right, in
// percent.
func (c Counts) AbstainRate() float64 { return pct(c.Abstain, c.Unanswerable) }

func pct(n, d int) float64 { return 100 * float64(n) / float64(max(d, 1)) }

func (c *Counts) add(o Counts) {
	c.Answerable += o.Answerable
	c.Unanswerable += o.Unanswerable
	c.Sentence += o.Sentence
	c.Answer += o.Answer
	c.Abstain += o.Abstain
}

// A Miss is a question scored wrong, for --per-question.
type Miss struct {
	Question Question
	Result   Result
}

// A Report holds the figures of one run.
type Report struct {
	ByLang map[string]Counts
	Total  Counts
	Misses []Miss // in question order
}

// Langs returns the languages of the report, sorted.
func (r *Report) Langs() []string {
	langs := make([]string, 0, len(r.ByLang))
	for l := range r.ByLang {
		langs = append(langs, l)
	}
	slices.Sort(langs)
	return langs
}

// Score asks every question and counts the results as score.py does. A
// question counts as a miss when its quote misses (answerable), when the
// engine answered (not answerable), or when it answered with a quote that
// is not gold ("either").
func Score(qs []Question, ask func(question string) Result) *Report {
	r := &Report{ByLang: map[string]Counts{}}
	for _, q := range qs {
		// score.py sends each question as one line.
		res := ask(strings.ReplaceAll(q.Q, "\n", " "))
		c := r.ByLang[q.Lang]
		var ok bool
		switch q.Answerable {
		case Yes:
			c.Answerable++
			ok = res.Answered && Hit(res.Quote, q.Gold)
			if ok {
				c.Sentence++
			}
			if res.Answered && Hit(res.Answer, q.Ans) {
				c.Answer++
			}
		case No:
			c.Unanswerable++
			ok = !res.Answered
		default:
			c.Unanswerable++
			ok = !res.Answered || Hit(res.Quote, q.Gold)
		}
		if q.Answerable != Yes && ok {
			c.Abstain++
		}
		r.ByLang[q.Lang] = c
		if !ok {
			r.Misses = append(r.Misses, Miss{q, res})
		}
	}
	for _, c := range r.ByLang {
		r.Total.add(c)
	}
	return r
}

// WriteTable prints the per-language table and the overall line in
// score.py's format. The time line of score.py is the caller's to print:
// this package has no clock.
func (r *Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-6s %4s %7s %7s %8s\n", "lang", "n", "sent@1", "answer", "abstain")
	for _, l := range r.Langs() {
		c := r.ByLang[l]
		fmt.Fprintf(&b, "%-6s %4d %6.1f%% %6.1f%% %7.1f%%\n", l, c.N(), c.SentenceRate(), c.AnswerRate(), c.AbstainRate())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteOverall prints score.py's last line:
// "overall sentence@1 X% answer Y% abstain Z% n=N".
func (r *Report) WriteOverall(w io.Writer) error {
	c := r.Total
	_, err := fmt.Fprintf(w, "overall sentence@1 %.1f%% answer %.1f%% abstain %.1f%% n=%d\n",
		c.SentenceRate(), c.AnswerRate(), c.AbstainRate(), c.N())
	return err
}

// MarkdownHeader is the header of the tables WriteMarkdown and
// WriteMarkdownRow write: a first column (a language or a label), then the
// number of questions and the three figures.
func MarkdownHeader(first string) string {
	return "| " + first + " | questions | sentence@1 | answer | abstain |\n| --- | ---: | ---: | ---: | ---: |\n"
}

// WriteMarkdown prints the per-language figures and the overall ones as a
// markdown table, for the README (make report).
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString(MarkdownHeader("language"))
	for _, l := range r.Langs() {
		writeRow(&b, l, r.ByLang[l])
	}
	writeRow(&b, "all", r.Total)
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdownRow prints the overall figures as one markdown table row
// whose first cell is label.
func (r *Report) WriteMarkdownRow(w io.Writer, label string) error {
	var b strings.Builder
	writeRow(&b, label, r.Total)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeRow(b *strings.Builder, first string, c Counts) {
	fmt.Fprintf(b, "| %s | %d | %.1f%% | %.1f%% | %.1f%% |\n", first, c.N(), c.SentenceRate(), c.AnswerRate(), c.AbstainRate())
}

// WriteMisses prints one line per miss, as score.py --per-question does.
func (r *Report) WriteMisses(w io.Writer) error {
	var b strings.Builder
	for _, m := range r.Misses {
		fmt.Fprintf(&b, "MISS %s-%s: %s -> answered=%s answer=%s quote=%s\n",
			m.Question.ID, m.Question.Lang, PyRepr(m.Question.Q), pyBool(m.Result.Answered),
			PyRepr(m.Result.Answer), PyRepr(firstRunes(m.Result.Quote, 90)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// PyRepr quotes s the way Python's repr does for printable text: single
// quotes unless s holds a single quote and no double quote, backslash
// escapes for the quote, backslash and control characters.
func PyRepr(s string) string {
	q := byte('\'')
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteByte(q)
	for _, r := range s {
		switch {
		case r == rune(q) || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// A Limit is a minimum percentage, overall and per language. A nil PerLang
// and a zero Overall check nothing.
type Limit struct {
	Overall float64
	HasAll  bool // Overall was given
	PerLang map[string]float64
	text    string // as written, for String
}

// ParseLimit reads a threshold: comma-separated items, each either a
// number (the overall figure) or lang=number (that language's figure):
// "70", "en=70,fr=50", "60,en=70". Percentages lie in [0, 100].
func ParseLimit(s string) (Limit, error) {
	l := Limit{text: s}
	if strings.TrimSpace(s) == "" {
		return l, errors.New("empty threshold")
	}
	for item := range strings.SplitSeq(s, ",") {
		item = strings.TrimSpace(item)
		code, num, perLang := strings.Cut(item, "=")
		if !perLang {
			num = code
		}
		v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(num), "%"), 64)
		if err != nil || !(v >= 0 && v <= 100) {
			return Limit{}, fmt.Errorf("threshold %q: want a percentage from 0 to 100", item)
		}
		if !perLang {
			if l.HasAll {
				return Limit{}, fmt.Errorf("threshold %q: overall figure given twice", s)
			}
			l.Overall, l.HasAll = v, true
			continue
		}
		code = strings.ToLower(strings.TrimSpace(code))
		if code == "" {
			return Limit{}, fmt.Errorf("threshold %q: want lang=percentage", item)
		}
		if l.PerLang == nil {
			l.PerLang = map[string]float64{}
		}
		if _, dup := l.PerLang[code]; dup {
			return Limit{}, fmt.Errorf("threshold %q: %s given twice", s, code)
		}
		l.PerLang[code] = v
	}
	return l, nil
}

// Set parses s into l, so a *Limit is a flag.Value.
func (l *Limit) Set(s string) error {
	v, err := ParseLimit(s)
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// String returns the limit as it was written.
func (l *Limit) String() string { return l.text }

// Thresholds are the minimum figures of a run.
type Thresholds struct {
	Sentence, Answer, Abstain Limit
}

// Check returns one line per figure below its threshold, empty when all
// pass. A figure with no question to count (no answerable question for
// sentence@1 and answer, no unanswerable one for abstain) is not checked;
// a per-language threshold for a language without questions fails, since
// it means the files or the flag are wrong.
func (r *Report) Check(t Thresholds) []string {
	var fails []string
	check := func(name string, lim Limit, rate func(Counts) float64, denom func(Counts) int) {
		if lim.HasAll && denom(r.Total) > 0 && rate(r.Total) < lim.Overall {
			fails = append(fails, fmt.Sprintf("overall %s %.1f%% is below %g%%", name, rate(r.Total), lim.Overall))
		}
		codes := make([]string, 0, len(lim.PerLang))
		for code := range lim.PerLang {
			codes = append(codes, code)
		}
		slices.Sort(codes)
		for _, code := range codes {
			want := lim.PerLang[code]
			c, ok := r.ByLang[code]
			switch {
			case !ok:
				fails = append(fails, fmt.Sprintf("%s %s: no questions in this language", code, name))
			case denom(c) > 0 && rate(c) < want:
				fails = append(fails, fmt.Sprintf("%s %s %.1f%% is below %g%%", code, name, rate(c), want))
			}
		}
	}
	answerable := func(c Counts) int { return c.Answerable }
	check("sentence@1", t.Sentence, Counts.SentenceRate, answerable)
	check("answer", t.Answer, Counts.AnswerRate, answerable)
	check("abstain", t.Abstain, Counts.AbstainRate, func(c Counts) int { return c.Unanswerable })
	return fails
}
