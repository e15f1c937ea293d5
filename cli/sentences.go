package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/qabot/qabot/corpus"
)

func (a *app) sentencesUsage(w io.Writer) {
	a.usageLine(w, "sentences")
	fmt.Fprint(w, `Shows how qabot read each article: its title and page metadata, then
every sentence with its index and paragraph (both counted from 0, as in
ask --json) under its section heading. For debugging the cleaner and the
segmenter, and for people checking a corpus.

Flags:
`)
	a.printDefaults(w, a.sentencesFlags(new(bool)))
}

func (a *app) sentencesFlags(asJSON *bool) *flag.FlagSet {
	fs := a.flagSet("sentences")
	fs.BoolVar(asJSON, "json", false, "print a JSON array of articles with their sentences and facts")
	a.corpusFlag(fs)
	return fs
}

func (a *app) sentences(ctx context.Context, args []string) error {
	var asJSON bool
	pos, err := a.parse(a.sentencesFlags(&asJSON), args, a.sentencesUsage)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usagef("sentences takes no arguments, got %q", strings.Join(pos, " "))
	}
	c, err := a.loadCorpus()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(a.stdout)
	if asJSON {
		arts := make([]articleView, len(c.Articles))
		for i, art := range c.Articles {
			arts[i] = viewArticle(art)
		}
		enc := json.NewEncoder(out)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(arts); err != nil {
			return err
		}
		return out.Flush()
	}
	for i, art := range c.Articles {
		if i > 0 {
			out.WriteString("\n")
		}
		writeArticle(out, art)
	}
	return out.Flush()
}

// articleLanguage says what language an article was read in and why.
func articleLanguage(art *corpus.Article) string {
	if art.Lang == "" {
		return ""
	}
	s := art.Lang
	if art.OtherLang != "" {
		s += " (not a language qabot reads: " + art.OtherLang + ")"
	}
	if art.LangReason != "" {
		s += "; " + art.LangReason
	}
	return s
}

func writeArticle(w *bufio.Writer, art *corpus.Article) {
	fmt.Fprintf(w, "# %s\n", art.Title)
	m := art.Meta
	for _, f := range []struct{ name, value string }{
		{"id", art.ID},
		{"language", articleLanguage(art)},
		{"byline", m.Byline},
		{"source", m.Source},
		{"dateline", m.Dateline},
		{"published", m.Published},
		{"caption", m.Caption},
		{"credit", m.Credit},
		{"headings", strings.Join(m.Headings, " | ")},
		{"tags", strings.Join(m.Tags, ", ")},
		{"related", strings.Join(m.Related, " | ")},
	} {
		if f.value != "" {
			fmt.Fprintf(w, "%-10s %s\n", f.name+":", f.value)
		}
	}
	fmt.Fprintf(w, "%-10s %d sentences in %d paragraphs\n", "size:", len(art.Sentences), len(art.Paragraphs))
	section := ""
	for _, s := range art.Sentences {
		if s.Section != section {
			section = s.Section
			fmt.Fprintf(w, "\n## %s\n", section)
		}
		fmt.Fprintf(w, "%4d  p%-3d %s\n", s.Index, s.Paragraph, s.Text)
	}
}

// articleView is the JSON form of an article for `sentences --json`.
type articleView struct {
	ID         string         `json:"id"`
	Title      string         `json:"title"`
	Lang       string         `json:"lang"`
	OtherLang  string         `json:"other_lang,omitempty"`
	Meta       metaView       `json:"meta"`
	Paragraphs int            `json:"paragraphs"`
	Sentences  []sentenceView `json:"sentences"`
}

type metaView struct {
	Caption   string   `json:"caption,omitempty"`
	Credit    string   `json:"credit,omitempty"`
	Byline    string   `json:"byline,omitempty"`
	Source    string   `json:"source,omitempty"`
	Dateline  string   `json:"dateline,omitempty"`
	Published string   `json:"published,omitempty"`
	Headings  []string `json:"headings,omitempty"`
	Tags      []string `json:"tags,omitempty"`
	Related   []string `json:"related,omitempty"`
}

type sentenceView struct {
	Index     int       `json:"index"`
	Paragraph int       `json:"paragraph"`
	Section   string    `json:"section,omitempty"`
	Start     int       `json:"start"`
	End       int       `json:"end"`
	Text      string    `json:"text"`
	Facts     factsView `json:"facts"`
}

type factsView struct {
	Dates    []string     `json:"dates,omitempty"`
	Numbers  []numberView `json:"numbers,omitempty"`
	Names    []nameView   `json:"names,omitempty"`
	Acronyms []string     `json:"acronyms,omitempty"` // "SHORT: Long form"
	Speaker  string       `json:"speaker,omitempty"`
}

type numberView struct {
	Text  string  `json:"text"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
}

type nameView struct {
	Text string `json:"text"`
	Kind string `json:"kind"`
}

func viewArticle(art *corpus.Article) articleView {
	m := art.Meta
	meta := metaView{m.Caption, m.Credit, m.Byline, m.Source, m.Dateline, m.Published, m.Headings, m.Tags, m.Related}
	v := articleView{ID: art.ID, Title: art.Title, Lang: art.Lang, OtherLang: art.OtherLang, Meta: meta, Paragraphs: len(art.Paragraphs), Sentences: []sentenceView{}}
	for _, s := range art.Sentences {
		f := factsView{}
		for _, d := range s.Facts.Dates {
			f.Dates = append(f.Dates, d.Text)
		}
		for _, n := range s.Facts.Numbers {
			f.Numbers = append(f.Numbers, numberView{n.Text, n.Value, n.Unit})
		}
		for _, n := range s.Facts.Names {
			f.Names = append(f.Names, nameView{n.Text, nameKind(n.Kind)})
		}
		for _, ac := range s.Facts.Acronyms {
			f.Acronyms = append(f.Acronyms, ac.Short+": "+ac.Long)
		}
		if q := s.Facts.Quote; q != nil {
			f.Speaker = q.Resolved
			if f.Speaker == "" {
				f.Speaker = q.Speaker
			}
		}
		v.Sentences = append(v.Sentences, sentenceView{
			Index: s.Index, Paragraph: s.Paragraph, Section: s.Section,
			Start: s.Start, End: s.End, Text: s.Text, Facts: f,
		})
	}
	return v
}

func nameKind(k corpus.NameKind) string {
	switch k {
	case corpus.NamePerson:
		return "person"
	case corpus.NamePlace:
		return "place"
	case corpus.NameOrg:
		return "org"
	}
	return "other"
}
