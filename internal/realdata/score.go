package realdata

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/qabot/qabot/eval"
	"github.com/qabot/qabot/eval/dataset"
)

// Counts are the figures of one row: a set, a language, a split, a
// system.
type Counts struct {
	Answerable int     // questions with answerable true
	Sentence   int     // answered, and the quote holds a gold string (score.py's sentence@1)
	Strict     int     // answered, and the quote is the sentence that holds the answer's offset
	Unchecked  int     // answerable questions without a known gold sentence: strict takes sentence@1's verdict
	Top        int     // the system's first sentence, answered or not, holds a gold string
	Answer     int     // answered, and the short answer holds an ans (score.py's answer)
	F1, EM     float64 // SQuAD token F1 and exact match of the short answer, best over ans; 0 when declined
	// F1Hit is F1 summed over the questions of Sentence alone: how well
	// the short answer is cut when the quote is right (the span model's
	// part, apart from the ranking's and the abstention's).
	F1Hit    float64
	Declined int // answerable questions declined
	Unparsed int // answerable questions whose article the parser refused

	Unanswerable int // answerable false
	Abstain      int // of those, declined
	Either       int // answerable "either"
	EitherOK     int // of those, declined or quoted a gold sentence
}

func (c *Counts) add(o Counts) {
	c.Answerable += o.Answerable
	c.Sentence += o.Sentence
	c.Strict += o.Strict
	c.Unchecked += o.Unchecked
	c.Top += o.Top
	c.Answer += o.Answer
	c.F1 += o.F1
	c.EM += o.EM
	c.F1Hit += o.F1Hit
	c.Declined += o.Declined
	c.Unparsed += o.Unparsed
	c.Unanswerable += o.Unanswerable
	c.Abstain += o.Abstain
	c.Either += o.Either
	c.EitherOK += o.EitherOK
}

func pct(n, d int) float64 { return 100 * float64(n) / float64(max(d, 1)) }

// Rates, in percent (F1 and EM on a 0-100 scale).
func (c Counts) SentenceRate() float64 { return pct(c.Sentence, c.Answerable) }
func (c Counts) StrictRate() float64   { return pct(c.Strict, c.Answerable) }
func (c Counts) TopRate() float64      { return pct(c.Top, c.Answerable) }
func (c Counts) AnswerRate() float64   { return pct(c.Answer, c.Answerable) }
func (c Counts) F1Rate() float64       { return 100 * c.F1 / float64(max(c.Answerable, 1)) }
func (c Counts) EMRate() float64       { return 100 * c.EM / float64(max(c.Answerable, 1)) }
func (c Counts) F1HitRate() float64    { return 100 * c.F1Hit / float64(max(c.Sentence, 1)) }
func (c Counts) DeclinedRate() float64 { return pct(c.Declined, c.Answerable) }
func (c Counts) AbstainRate() float64  { return pct(c.Abstain, c.Unanswerable) }
func (c Counts) EitherRate() float64   { return pct(c.EitherOK, c.Either) }

// Score counts one outcome.
func Score(o Outcome) Counts {
	var c Counts
	q, r := o.Question, o.Reply
	switch q.Answerable {
	case eval.Yes:
		c.Answerable = 1
		if !o.Parsed {
			c.Unparsed = 1
		}
		// In a pool, only a sentence of the question's own article counts.
		own := o.Own == "" || r.Article == o.Own
		hit := r.Answered && own && eval.Hit(r.Quote, q.Gold)
		if hit {
			c.Sentence = 1
		}
		switch {
		case o.Gold == nil:
			c.Unchecked = 1
			c.Strict = c.Sentence
		case r.Answered && own && slices.Contains(o.Gold, r.Sentence):
			c.Strict = 1
		}
		if r.Top >= 0 && (o.Own == "" || r.TopArticle == o.Own) && eval.Hit(r.TopQuote, q.Gold) {
			c.Top = 1
		}
		if !r.Answered {
			c.Declined = 1
			break
		}
		if eval.Hit(r.Answer, q.Ans) {
			c.Answer = 1
		}
		f1, em := eval.BestF1(r.Answer, q.Ans)
		c.F1 = f1
		if hit {
			c.F1Hit = f1
		}
		if em {
			c.EM = 1
		}
	case eval.No:
		c.Unanswerable = 1
		if !r.Answered {
			c.Abstain = 1
		}
	default:
		c.Either = 1
		if !r.Answered || eval.Hit(r.Quote, q.Gold) {
			c.EitherOK = 1
		}
	}
	return c
}

// A Key names a row of a tally.
type Key struct {
	Set, Lang, Split, System string
}

// A Tally holds the counts of many outcomes by key.
type Tally map[Key]*Counts

// Add counts the outcomes under their set, language, split and system.
func (t Tally) Add(outs []Outcome) {
	for _, o := range outs {
		k := Key{o.Set, o.Question.Lang, o.Split, o.System}
		c := t[k]
		if c == nil {
			c = &Counts{}
			t[k] = c
		}
		c.add(Score(o))
	}
}

// Sum returns the counts of the rows that keep accepts.
func (t Tally) Sum(keep func(Key) bool) Counts {
	var c Counts
	for k, v := range t {
		if keep(k) {
			c.add(*v)
		}
	}
	return c
}

// keys returns the distinct values of one field of the tally's keys,
// sorted (splits in their own order).
func (t Tally) keys(field func(Key) string) []string {
	seen := map[string]bool{}
	for k := range t {
		seen[field(k)] = true
	}
	out := make([]string, 0, len(seen))
	for v := range seen {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

// WriteTable prints one row per set, language and system over the given
// splits together ("fit+dev"), then the same per split when there are
// several. Systems are listed in the order given.
func (t Tally) WriteTable(w io.Writer, splits, systems []string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-36s %-4s %-8s %-6s %5s %7s %7s %7s %6s %6s %6s %7s %5s %7s %5s %7s\n",
		"set", "lang", "split", "system", "n", "sent@1", "strict", "top1", "F1", "EM", "F1|hit", "ans-dec", "n-un", "un-dec", "n-eit", "eit-ok")
	row := func(set, l, split, sys string, c Counts) {
		f1, em, f1hit := fmt.Sprintf("%6.1f", c.F1Rate()), fmt.Sprintf("%6.1f", c.EMRate()), fmt.Sprintf("%6.1f", c.F1HitRate())
		if sys != "qabot" && c.Answer == 0 && c.F1 == 0 {
			f1, em, f1hit = "     -", "     -", "     -"
		}
		fmt.Fprintf(&b, "%-36s %-4s %-8s %-6s %5d %6.1f%% %6.1f%% %6.1f%% %s %s %s %6.1f%% %5d %6.1f%% %5d %6.1f%%\n",
			set, l, split, sys, c.Answerable, c.SentenceRate(), c.StrictRate(), c.TopRate(), f1, em, f1hit,
			c.DeclinedRate(), c.Unanswerable, c.AbstainRate(), c.Either, c.EitherRate())
	}
	groups := [][]string{splits}
	if len(splits) > 1 {
		for _, s := range splits {
			groups = append(groups, []string{s})
		}
	}
	for gi, g := range groups {
		if gi == 1 {
			b.WriteString("\n")
		}
		name := strings.Join(g, "+")
		sets := t.keys(func(k Key) string { return k.Set })
		for _, set := range sets {
			for _, l := range t.keys(func(k Key) string { return k.Lang }) {
				for _, sys := range systems {
					keep := func(k Key) bool {
						return k.Set == set && k.Lang == l && k.System == sys && slices.Contains(g, k.Split)
					}
					if c := t.Sum(keep); c.Answerable+c.Unanswerable+c.Either > 0 {
						row(set, l, name, sys, c)
					}
				}
			}
		}
		if len(sets) > 1 {
			for _, sys := range systems {
				c := t.Sum(func(k Key) bool { return k.System == sys && slices.Contains(g, k.Split) })
				row("all sets", "", name, sys, c)
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Check returns one line per figure of a system below its threshold over
// the given splits: the thresholds are per set (eval.Limit's per-language
// entries hold set names), the overall figure over every set.
func (t Tally) Check(system string, splits []string, th eval.Thresholds) []string {
	if slices.Contains(splits, dataset.Heldout) {
		return []string{"held-out figures never gate anything: check fit and dev only"}
	}
	var fails []string
	check := func(name string, lim eval.Limit, rate func(Counts) float64, denom func(Counts) int) {
		in := func(k Key) bool { return k.System == system && slices.Contains(splits, k.Split) }
		if all := t.Sum(in); lim.HasAll && denom(all) > 0 && rate(all) < lim.Overall {
			fails = append(fails, fmt.Sprintf("overall %s %.1f%% is below %g%%", name, rate(all), lim.Overall))
		}
		sets := make([]string, 0, len(lim.PerLang))
		for s := range lim.PerLang {
			sets = append(sets, s)
		}
		slices.Sort(sets)
		for _, set := range sets {
			c := t.Sum(func(k Key) bool { return in(k) && strings.EqualFold(k.Set, set) })
			switch {
			case c.Answerable+c.Unanswerable+c.Either == 0:
				fails = append(fails, fmt.Sprintf("%s %s: no questions in this set", set, name))
			case denom(c) > 0 && rate(c) < lim.PerLang[set]:
				fails = append(fails, fmt.Sprintf("%s %s %.1f%% is below %g%%", set, name, rate(c), lim.PerLang[set]))
			}
		}
	}
	answerable := func(c Counts) int { return c.Answerable }
	check("sentence@1", th.Sentence, Counts.SentenceRate, answerable)
	check("F1", th.Answer, Counts.F1Rate, answerable)
	check("abstain", th.Abstain, Counts.AbstainRate, func(c Counts) int { return c.Unanswerable })
	return fails
}

// WriteMisses prints one line per question scored wrong, as score.py
// --per-question does, with the set and the gold sentence when known.
// Outcomes of the held-out split are never printed: nobody may look at
// them.
func WriteMisses(w io.Writer, outs []Outcome) error {
	var b strings.Builder
	for _, o := range outs {
		if o.Split == dataset.Heldout {
			continue
		}
		c := Score(o)
		q, r := o.Question, o.Reply
		if c.Sentence+c.Abstain+c.EitherOK > 0 {
			continue
		}
		fmt.Fprintf(&b, "MISS %s %s-%s: %s -> answered=%s answer=%s quote=%s gold=%s\n",
			o.Set, q.ID, q.Lang, eval.PyRepr(q.Q), pyBool(r.Answered), eval.PyRepr(r.Answer),
			eval.PyRepr(firstRunes(r.Quote, 90)), eval.PyRepr(strings.Join(q.Gold, " | ")))
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

// WriteMarkdown prints a Markdown table of qabot against a baseline over
// the given splits together, one row per set (and its question language),
// for the README: sentence@1 and strict of both, qabot's SQuAD F1, and the
// share of answerable and of unanswerable questions each declines.
func (t Tally) WriteMarkdown(w io.Writer, splits []string, system, baseline string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "| set | lang | answerable | sentence@1 %[1]s / %[2]s | strict %[1]s / %[2]s | F1 %[1]s | answerable declined %[1]s / %[2]s | unanswerable declined %[1]s / %[2]s (n) |\n", system, baseline)
	b.WriteString("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |\n")
	sum := func(set, sys string) Counts {
		return t.Sum(func(k Key) bool {
			return (set == "" || k.Set == set) && k.System == sys && slices.Contains(splits, k.Split)
		})
	}
	row := func(name, l string, q, base Counts) {
		fmt.Fprintf(&b, "| %s | %s | %d | %.1f%% / %.1f%% | %.1f%% / %.1f%% | %.1f | %.1f%% / %.1f%% | %.1f%% / %.1f%% (%d) |\n",
			name, l, q.Answerable, q.SentenceRate(), base.SentenceRate(), q.StrictRate(), base.StrictRate(), q.F1Rate(),
			q.DeclinedRate(), base.DeclinedRate(), q.AbstainRate(), base.AbstainRate(), q.Unanswerable)
	}
	for _, set := range t.keys(func(k Key) string { return k.Set }) {
		langs := map[string]bool{}
		for k := range t {
			if k.Set == set {
				langs[k.Lang] = true
			}
		}
		l := strings.Join(slices.Sorted(maps.Keys(langs)), ", ")
		if q := sum(set, system); q.Answerable+q.Unanswerable > 0 {
			row(set, l, q, sum(set, baseline))
		}
	}
	row("all sets", "", sum("", system), sum("", baseline))
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteContrast prints one line per answerable question whose first
// sentence baseline gets right and system gets wrong (Counts.Top), with
// both first sentences and the gold answers: the questions to read when
// the system ranks worse than the baseline (issue 9). Outcomes of the
// held-out split are never printed.
func WriteContrast(w io.Writer, outs []Outcome, system, baseline string) error {
	type qkey struct {
		set string
		q   *dataset.Question
	}
	base := map[qkey]Outcome{}
	for _, o := range outs {
		if o.System == baseline {
			base[qkey{o.Set, o.Question}] = o
		}
	}
	var b strings.Builder
	for _, o := range outs {
		if o.System != system || o.Split == dataset.Heldout || o.Question.Answerable != eval.Yes {
			continue
		}
		bo, ok := base[qkey{o.Set, o.Question}]
		if !ok || Score(o).Top == 1 || Score(bo).Top == 0 {
			continue
		}
		q := o.Question
		fmt.Fprintf(&b, "CONTRAST %s %s-%s: %s\n  %s top=%s\n  %s top=%s\n  gold=%s\n",
			o.Set, q.ID, q.Lang, eval.PyRepr(q.Q),
			system, eval.PyRepr(firstRunes(o.Reply.TopQuote, 240)),
			baseline, eval.PyRepr(firstRunes(bo.Reply.TopQuote, 240)),
			eval.PyRepr(strings.Join(q.Ans, " | ")))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
