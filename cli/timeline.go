package cli

// A first timeline: the sentences whose corpus facts carry dates, in the
// order their date text allows. A later issue replaces this file with
// normalised events from corpus/timex; nothing else depends on it.

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/qabot/qabot/corpus"
)

func (a *app) timelineUsage(w io.Writer) {
	fmt.Fprint(w, `Usage: qabot timeline [--json] [--lang xx] [--corpus DIR]

Lists every sentence that mentions a date, once per date, ordered by that
date as far as its text tells (a bare year sorts before the months of that
year; dates without a year take the year of the page's date line; dates
that cannot be placed come last, in article order).

Flags:
`)
	a.printDefaults(w, a.timelineFlags(new(bool)))
}

func (a *app) timelineFlags(asJSON *bool) *flag.FlagSet {
	fs := a.flagSet("timeline")
	fs.BoolVar(asJSON, "json", false, "print a JSON array of {date, quote, article, article_id, paragraph, sentence}")
	a.langFlag(fs)
	a.corpusFlag(fs)
	return fs
}

// An event is one dated mention. Paragraph and Sentence are 0-based.
type event struct {
	Date      string `json:"date"`
	Quote     string `json:"quote"`
	Article   string `json:"article"`
	ArticleID string `json:"article_id"`
	Paragraph int    `json:"paragraph"`
	Sentence  int    `json:"sentence"`

	key   dateKey
	order int // position in the corpus, to keep ties in reading order
}

func (a *app) timeline(ctx context.Context, args []string) error {
	var asJSON bool
	pos, err := a.parse(a.timelineFlags(&asJSON), args, a.timelineUsage)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("timeline takes no arguments, got %q", strings.Join(pos, " "))
	}
	c, err := a.loadCorpus()
	if err != nil {
		return err
	}
	events := timelineEvents(c)
	out := bufio.NewWriter(a.stdout)
	if asJSON {
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(events); err != nil {
			return err
		}
		return out.Flush()
	}
	l := a.language("")
	if len(events) == 0 {
		fmt.Fprintln(out, l.Message("timeline_empty", nil))
		return out.Flush()
	}
	single := len(c.Articles) == 1
	if single {
		fmt.Fprintln(out, l.Message("timeline_title", map[string]string{"title": c.Articles[0].Title}))
		fmt.Fprintln(out)
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	for _, e := range events {
		para := l.Message("paragraph_label", map[string]string{"n": strconv.Itoa(e.Paragraph + 1)})
		if single {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", e.Date, para, e.Quote)
		} else {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.Date, shorten(e.Article, 32), para, e.Quote)
		}
	}
	tw.Flush()
	return out.Flush()
}

// shorten cuts s to at most n runes, marking the cut with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// timelineEvents lists the dated mentions of c in date order. The result
// is never nil, so that JSON shows an empty array.
func timelineEvents(c *corpus.Corpus) []event {
	events := []event{}
	for _, art := range c.Articles {
		anchor := yearOf(art.Meta.Published)
		for _, s := range art.Sentences {
			seen := map[string]bool{}
			for _, d := range s.Facts.Dates {
				if seen[d.Text] {
					continue
				}
				seen[d.Text] = true
				events = append(events, event{
					Date: d.Text, Quote: s.Text, Article: art.Title, ArticleID: art.ID,
					Paragraph: s.Paragraph, Sentence: s.Index,
					key: parseDate(d.Text, anchor), order: len(events),
				})
			}
		}
	}
	sort.SliceStable(events, func(i, j int) bool { return events[i].key.less(events[j].key) })
	return events
}

// A dateKey orders dates coarsely: 0 means unknown.
type dateKey struct{ year, month, day int }

// less orders dates with a year by year, month and day, before every
// date without a year; those are left in reading order, since a month
// without a year cannot be placed.
func (k dateKey) less(o dateKey) bool {
	switch {
	case k.year == 0 || o.year == 0:
		return k.year != 0 && o.year == 0
	case k.year != o.year:
		return k.year < o.year
	case k.month != o.month:
		return k.month < o.month
	}
	return k.day < o.day
}

// dateLayouts are the date forms Go's time package can read; its English
// month names are the only language data this first version uses.
var dateLayouts = []struct {
	layout          string
	hasYear, hasDay bool
}{
	{"2006-01-02", true, true},
	{"January 2, 2006", true, true},
	{"Jan 2, 2006", true, true},
	{"2 January 2006", true, true},
	{"2 Jan 2006", true, true},
	{"Monday, January 2, 2006", true, true},
	{"January 2006", true, false},
	{"Jan 2006", true, false},
	{"January 2", false, true},
	{"Jan 2", false, true},
	{"2 January", false, true},
	{"2 Jan", false, true},
}

var (
	yearRe = regexp.MustCompile(`\b(1[0-9]{3}|2[0-9]{3})s?\b`)
	// ordinalRe finds the ordinal suffixes time.Parse cannot read ("7th").
	ordinalRe = regexp.MustCompile(`\b(\d{1,2})(st|nd|rd|th)\b`)
)

// parseDate reads the date of text as far as it can. anchor is the year
// for dates written without one (0: unknown).
func parseDate(text string, anchor int) dateKey {
	s := strings.TrimSpace(strings.Trim(text, ".,;:()"))
	s = ordinalRe.ReplaceAllString(s, "$1")
	s = strings.ReplaceAll(s, ".", "")
	s = strings.Join(strings.Fields(s), " ")
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		k := dateKey{year: t.Year(), month: int(t.Month())}
		if l.hasDay {
			k.day = t.Day()
		}
		if !l.hasYear {
			k.year = anchor
		}
		return k
	}
	return dateKey{year: yearOf(s)}
}

// yearOf returns the first year (or decade, "1990s") written in s, 0 if
// none.
func yearOf(s string) int {
	m := yearRe.FindStringSubmatch(s)
	if m == nil {
		return 0
	}
	y, _ := strconv.Atoi(m[1])
	return y
}
