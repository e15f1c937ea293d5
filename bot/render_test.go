package bot

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/timeline"
)

var update = flag.Bool("update", false, "update golden files")

func mustLangs(t testing.TB) *lang.Registry {
	t.Helper()
	reg, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

// embedSize counts an embed the way Discord does for its 6000 total.
func embedSize(e *discordgo.MessageEmbed) int {
	n := utf8.RuneCountInString(e.Title) + utf8.RuneCountInString(e.Description)
	for _, f := range e.Fields {
		n += utf8.RuneCountInString(f.Name) + utf8.RuneCountInString(f.Value)
	}
	if e.Footer != nil {
		n += utf8.RuneCountInString(e.Footer.Text)
	}
	return n
}

// checkLimits fails if m breaks any of Discord's length limits.
func checkLimits(t *testing.T, m message) {
	t.Helper()
	if n := utf8.RuneCountInString(m.Content); n > maxContent {
		t.Errorf("content has %d characters, limit %d", n, maxContent)
	}
	for _, e := range m.Embeds {
		limits := []struct {
			what  string
			s     string
			limit int
		}{{"title", e.Title, maxTitle}, {"description", e.Description, maxDescription}}
		if e.Footer != nil {
			limits = append(limits, struct {
				what  string
				s     string
				limit int
			}{"footer", e.Footer.Text, maxFooter})
		}
		for _, f := range e.Fields {
			limits = append(limits, struct {
				what  string
				s     string
				limit int
			}{"field name", f.Name, maxFieldName}, struct {
				what  string
				s     string
				limit int
			}{"field value", f.Value, maxFieldValue})
		}
		for _, l := range limits {
			if n := utf8.RuneCountInString(l.s); n > l.limit {
				t.Errorf("%s has %d characters, limit %d", l.what, n, l.limit)
			}
		}
		if n := embedSize(e); n > maxEmbedTotal {
			t.Errorf("embed has %d characters, limit %d", n, maxEmbedTotal)
		}
		if len(e.Fields) > maxFields {
			t.Errorf("embed has %d fields, limit %d", len(e.Fields), maxFields)
		}
	}
}

func TestRenderWithinLimits(t *testing.T) {
	r := renderer{langs: mustLangs(t)}
	huge := strings.Repeat("A sentence of the article that goes on and on. ", 400) // ~19,000 characters
	long := strings.Repeat("very-long-word", 200)
	var many []command.ArticleInfo
	for range 40 {
		many = append(many, command.ArticleInfo{ID: "a", Title: huge, Byline: huge, Source: huge, Credit: huge, Published: huge, Sentences: 9})
	}
	var lines strings.Builder
	for range 30 {
		lines.WriteString(huge[:3000] + "\n")
	}
	tests := []struct {
		name string
		rep  command.Reply
		v    view
	}{
		{"huge answer", command.Reply{Command: command.Ask, Lang: "en", Answer: &qa.Answer{Answered: true, Text: huge,
			Quote: qa.Citation{Article: huge, Text: huge}}}, view{question: huge}},
		{"huge suggestions", command.Reply{Command: command.Ask, Lang: "ru", Answer: &qa.Answer{Reason: qa.ReasonNotFound,
			Suggestions: []qa.Citation{{Text: huge}, {Text: long}, {Text: huge}}}}, view{question: long}},
		{"many huge articles", command.Reply{Command: command.Source, Lang: "de", Articles: many}, view{}},
		{"huge timeline items", command.Reply{Command: command.Timeline, Lang: "hu", Message: lines.String()}, view{query: command.Query{Text: huge}}},
		{"huge message", command.Reply{Command: command.Ask, Lang: "fr", Message: huge, Private: true}, view{}},
		{"huge public message", command.Reply{Command: "small_talk", Lang: "pt", Message: huge}, view{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := r.render(tt.rep, tt.v)
			if m.Content == "" && len(m.Embeds) == 0 {
				t.Fatalf("render() is empty")
			}
			checkLimits(t, m)
		})
	}
}

func TestRenderAnswer(t *testing.T) {
	info := command.ArticleInfo{ID: "x", Title: "Treaty signed", Byline: "By Jane Doe", Source: "With AFP", Credit: "AFP - JOHN ROE"}
	r := renderer{langs: mustLangs(t), article: func(id string) (command.ArticleInfo, bool) { return info, id == "x" }}
	a := qa.Answer{Lang: "fr", Answered: true, Text: "3 mars 2021",
		Quote: qa.Citation{ArticleID: "x", Article: "Treaty signed", Paragraph: 2, Text: "Borduria and *Syldavia* signed a treaty on March 3, 2021."}}
	got := r.render(command.Reply{Command: command.Ask, Lang: "fr", Answer: &a}, view{question: "quand ont-ils signé ? @everyone"})
	want := message{Embeds: []*discordgo.MessageEmbed{{
		Title:       "3 mars 2021",
		Description: `> Borduria and \*Syldavia\* signed a treaty on March 3, 2021.`,
		Color:       colorAnswer,
		Fields:      []*discordgo.MessageEmbedField{{Name: "Question", Value: "quand ont-ils signé ? @\u200beveryone"}},
		Footer:      &discordgo.MessageEmbedFooter{Text: "Treaty signed · Paragraphe 3 · By Jane Doe · With AFP · AFP - JOHN ROE"},
	}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("render(answer) mismatch (-want +got):\n%s", diff)
	}
}

func TestTimelineID(t *testing.T) {
	tests := []struct {
		name string
		q    command.Query
	}{
		{"empty", command.Query{Lang: "en"}},
		{"all fields", command.Query{Lang: "fr", From: "mars 2021", To: "2022", Text: "traité de paix"}},
		{"separator in input", command.Query{Lang: "de", Text: "a|b:c"}},
		{"longest options, Cyrillic", command.Query{Lang: "ru", From: strings.Repeat("я", maxDateOption), To: strings.Repeat("ж", maxDateOption), Text: strings.Repeat("ю", maxAboutOption)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id, ok := timelineID(7, tt.q)
			if !ok {
				t.Fatalf("timelineID(%+v) = %q does not fit %d characters", tt.q, id, maxCustomID)
			}
			page, q, ok := parseTimelineID(id)
			want := tt.q
			want.Command = command.Timeline
			want.Text = idField(want.Text)
			if !ok || page != 7 || !cmp.Equal(want, q) {
				t.Errorf("parseTimelineID(%q) = %d, %+v, %v; want 7, %+v, true", id, page, q, ok, want)
			}
		})
	}
	id, _ := timelineID(1, command.Query{Lang: "en", Text: "talks"})
	for _, bad := range []string{"", "tl:", "answer:more", strings.Replace(id, "talks", "tanks", 1), strings.Replace(id, "tl:1:", "tl:x:", 1), strings.Replace(id, "tl:1:", "tl:-1:", 1)} {
		if _, _, ok := parseTimelineID(bad); ok {
			t.Errorf("parseTimelineID(%q) = ok, want rejected", bad)
		}
	}
}

// TestCommandsGolden keeps the registered commands, with every
// localisation, in testdata/commands.golden.json; run with -update after
// changing a catalogue.
func TestCommandsGolden(t *testing.T) {
	cmds := Commands(mustLangs(t), DefaultMaxQuestionRunes)
	got, err := json.MarshalIndent(cmds, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "commands.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if diff := cmp.Diff(strings.TrimSpace(string(want)), strings.TrimSpace(string(got))); diff != "" {
		t.Errorf("Commands() differ from %s (-want +got):\n%s", golden, diff)
	}
}

func TestCommandsObeyDiscordRules(t *testing.T) {
	langs := mustLangs(t)
	check := func(where, name, desc string) {
		if n := utf8.RuneCountInString(name); n < 1 || n > 32 || strings.ToLower(name) != name || strings.ContainsAny(name, " \t") {
			t.Errorf("%s: name %q breaks Discord's rules (1-32 characters, lower case, no spaces)", where, name)
		}
		if n := utf8.RuneCountInString(desc); n < 1 || n > 100 {
			t.Errorf("%s: description %q has %d characters, want 1-100", where, desc, n)
		}
	}
	wantLocales := 0
	for _, l := range langs.Languages() {
		for _, loc := range l.Locales {
			if _, ok := discordgo.Locales[discordgo.Locale(loc)]; ok {
				wantLocales++
			}
		}
	}
	for _, c := range Commands(langs, 0) {
		check(c.Name, c.Name, c.Description)
		if len(*c.NameLocalizations) != wantLocales || len(*c.DescriptionLocalizations) != wantLocales {
			t.Errorf("%s has %d name and %d description localisations, want %d", c.Name, len(*c.NameLocalizations), len(*c.DescriptionLocalizations), wantLocales)
		}
		for loc, n := range *c.NameLocalizations {
			check(c.Name+" "+string(loc), n, (*c.DescriptionLocalizations)[loc])
		}
		seen := map[discordgo.Locale]map[string]bool{}
		for _, o := range c.Options {
			check(c.Name+"."+o.Name, o.Name, o.Description)
			for loc, n := range o.NameLocalizations {
				check(c.Name+"."+o.Name+" "+string(loc), n, o.DescriptionLocalizations[loc])
				if seen[loc] == nil {
					seen[loc] = map[string]bool{}
				}
				if seen[loc][n] {
					t.Errorf("%s: two options are called %q in %s", c.Name, n, loc)
				}
				seen[loc][n] = true
			}
		}
	}
}

func TestTimelineItems(t *testing.T) {
	tests := []struct {
		name string
		rep  command.Reply
		want []string
	}{
		{"events", command.Reply{Events: []timeline.Event{
			{Label: "2009", Quote: "The country joined the alliance in 2009."},
			{Label: "7 septembre 2022", Quote: "Ties were cut on Wednesday, September 7."},
		}}, []string{"2009 — The country joined the alliance in 2009.", "7 septembre 2022 — Ties were cut on Wednesday, September 7."}},
		{"a notice instead of events", command.Reply{Message: "Nothing in that period.\n"}, []string{"Nothing in that period."}},
		{"nothing", command.Reply{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := timelineItems(tt.rep); !slices.Equal(got, tt.want) {
				t.Errorf("timelineItems(%+v) = %q, want %q", tt.rep, got, tt.want)
			}
		})
	}
}
