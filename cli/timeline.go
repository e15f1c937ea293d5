package cli

// qabot timeline: the dated events of the articles, in date order, through
// the command layer that the Discord /timeline shares.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/timeline"
)

func (a *app) timelineUsage(w io.Writer) {
	a.usageLine(w, "timeline")
	fmt.Fprint(w, `Lists the dated events of the articles in date order: every date a
sentence gives (a day, a month, a season, a year, a decade, "since ...",
"until ...", a range), normalised and resolved against the page's own
date, with the sentence that says so. Vague dates sort at their start
("the early 1990s" before 2009); at the same start the coarser date comes
first (2022 before July 2022). Durations ("24 hours") and recurrences
("every 11 days") are not events.

DATE is 2022-09-07, 2022-07, 2022, 199X, or words such as "July 2022" or
"the 1990s" in the reply's language or English; --from keeps events that
end after its start, --to events that begin before its end, so
"--from 2022 --to 2022" is the whole year. --about keeps the events whose
sentence shares a word with WORDS.

Flags:
`)
	a.printDefaults(w, a.timelineFlags(&timelineOptions{}))
}

// timelineOptions are the flags of qabot timeline.
type timelineOptions struct {
	asJSON         bool
	from, to, text string
}

func (a *app) timelineFlags(o *timelineOptions) *flag.FlagSet {
	fs := a.flagSet("timeline")
	fs.StringVar(&o.from, "from", "", "keep events from `DATE` on")
	fs.StringVar(&o.to, "to", "", "keep events up to `DATE`")
	fs.StringVar(&o.text, "about", "", "keep events whose sentence mentions one of `WORDS`")
	fs.BoolVar(&o.asJSON, "json", false, "print one JSON array of events: date, precision, kind, mod, label, text, quote, article, article_id, paragraph, sentence, reason")
	a.langFlag(fs)
	a.corpusFlag(fs)
	return fs
}

// eventJSON is one element of `qabot timeline --json`. Date is ISO 8601
// to its precision ("2022-09-07", "2022-07", "2009", "199X" for a
// decade); Label is the same date in the reply's language. Paragraph and
// Sentence are 0-based, as in ask --json.
type eventJSON struct {
	Date      string `json:"date"`
	Precision string `json:"precision"` // century decade year season month week day
	Kind      string `json:"kind"`      // point since until range
	Mod       string `json:"mod,omitempty"`
	Label     string `json:"label"`
	Text      string `json:"text"` // the date as the sentence writes it
	Quote     string `json:"quote"`
	Article   string `json:"article"`
	ArticleID string `json:"article_id"`
	Paragraph int    `json:"paragraph"`
	Sentence  int    `json:"sentence"`
	Reason    string `json:"reason,omitempty"`
}

func toEventJSON(e timeline.Event) eventJSON {
	return eventJSON{
		Date: e.Date, Precision: e.Precision.String(), Kind: e.Kind.String(), Mod: string(e.Mod),
		Label: e.Label, Text: e.Text, Quote: e.Quote, Article: e.Article, ArticleID: e.ArticleID,
		Paragraph: e.Paragraph, Sentence: e.Sentence, Reason: e.Reason,
	}
}

func (a *app) timeline(ctx context.Context, args []string) error {
	var o timelineOptions
	pos, err := a.parse(a.timelineFlags(&o), args, a.timelineUsage)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("timeline takes no arguments, got %q (to pick events by topic, use --about)", strings.Join(pos, " "))
	}
	b, err := a.loadBot(ctx)
	if err != nil {
		return err
	}
	r, err := b.handler.Handle(ctx, command.Query{Command: command.Timeline, Text: o.text, Lang: a.lang, From: o.from, To: o.to})
	if err != nil {
		if ctx.Err() != nil {
			return errInterrupted
		}
		var pe *command.PanicError
		if errors.As(err, &pe) {
			a.log.Error("timeline failed", "err", pe, "stack", string(pe.Stack))
		}
		return err
	}
	if r.Private {
		// A date qabot cannot read: the user's mistake, said in their language.
		return usagef("timeline: %s", r.Message)
	}
	out := bufio.NewWriter(a.stdout)
	if o.asJSON {
		events := make([]eventJSON, len(r.Events))
		for i, e := range r.Events {
			events[i] = toEventJSON(e)
		}
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(events); err != nil {
			return err
		}
		return out.Flush()
	}
	l := a.language(r.Lang)
	if len(r.Events) == 0 {
		fmt.Fprintln(out, r.Message)
		return out.Flush()
	}
	if len(b.corpus.Articles) == 1 {
		fmt.Fprintln(out, l.Message("timeline_title", map[string]string{"title": b.corpus.Articles[0].Title}))
		fmt.Fprintln(out)
	}
	writeTimeline(out, l, r.Events, len(b.corpus.Articles) > 1, a.width())
	return out.Flush()
}

// defaultWidth is the line width when stdout is not a terminal.
const defaultWidth = 100

// width is the terminal's width when stdout is one, else defaultWidth.
func (a *app) width() int {
	if f, ok := a.stdout.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		if w, _, err := term.GetSize(int(f.Fd())); err == nil && w >= 40 {
			return w
		}
	}
	return defaultWidth
}

// gap separates the date column from the event column.
const gap = "  "

// writeTimeline writes events as a two-column table: the date label, then
// the sentence wrapped to width and, under it, where it comes from. A
// label too wide for its column (a third of the width at most) stands on
// its own line above its sentence.
func writeTimeline(w io.Writer, l *lang.Language, events []timeline.Event, withArticle bool, width int) {
	limit := width / 3
	col := min(utf8.RuneCountInString(l.Message("timeline_date_header", nil)), limit)
	for _, e := range events {
		if n := utf8.RuneCountInString(e.Label); n <= limit {
			col = max(col, n)
		}
	}
	text := max(width-col-len(gap), 20)
	pad := strings.Repeat(" ", col+len(gap))

	fmt.Fprintln(w, padRight(l.Message("timeline_date_header", nil), col)+gap+l.Message("timeline_event_header", nil))
	for _, e := range events {
		lines := wrap(e.Quote, text)
		where := l.Message("paragraph_label", map[string]string{"n": strconv.Itoa(e.Paragraph + 1)})
		if withArticle {
			where = e.Article + ", " + where
		}
		lines = append(lines, wrap("— "+where, text)...)
		if utf8.RuneCountInString(e.Label) > col {
			fmt.Fprintln(w, e.Label)
			fmt.Fprintln(w, pad+lines[0])
		} else {
			fmt.Fprintln(w, padRight(e.Label, col)+gap+lines[0])
		}
		for _, line := range lines[1:] {
			fmt.Fprintln(w, pad+line)
		}
	}
}

func padRight(s string, n int) string {
	if k := utf8.RuneCountInString(s); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s
}

// wrap breaks text into lines of at most width runes at spaces; a word
// longer than width is cut. It always returns at least one line.
func wrap(text string, width int) []string {
	width = max(width, 1)
	var lines []string
	var line []rune
	for _, word := range strings.Fields(text) {
		wr := []rune(word)
		for len(wr) > width {
			if len(line) > 0 {
				lines = append(lines, string(line))
				line = line[:0]
			}
			lines = append(lines, string(wr[:width]))
			wr = wr[width:]
		}
		switch {
		case len(line) == 0:
			line = append(line, wr...)
		case len(line)+1+len(wr) <= width:
			line = append(append(line, ' '), wr...)
		default:
			lines = append(lines, string(line))
			line = append(line[:0], wr...)
		}
	}
	if len(line) > 0 || len(lines) == 0 {
		lines = append(lines, string(line))
	}
	return lines
}
