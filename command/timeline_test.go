package command_test

import (
	"context"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
	"github.com/qabot/qabot/timeline"
)

var langs = sync.OnceValue(func() *lang.Registry {
	r, err := lang.Load(lang.Data)
	if err != nil {
		panic(err)
	}
	return r
})

// seedRouter is a router over the embedded seed article, shared by the
// tests (a Router is safe for concurrent use).
var seedRouter = sync.OnceValue(func() *command.Router {
	e, err := qa.Load(seeds.FS, qa.Options{Languages: langs()})
	if err != nil {
		panic(err)
	}
	return command.NewRouter(e, langs())
})

func mustRouter(t *testing.T, articles fstest.MapFS) *command.Router {
	t.Helper()
	e, err := qa.Load(articles, qa.Options{Languages: langs()})
	if err != nil {
		t.Fatalf("qa.Load: %v", err)
	}
	return command.NewRouter(e, langs())
}

func labels(events []timeline.Event) []string {
	out := []string{}
	for _, e := range events {
		out = append(out, e.Label)
	}
	return out
}

func TestTimeline(t *testing.T) {
	msg := func(code, id string) string {
		l, _ := langs().Get(code)
		return l.Message(id, map[string]string{"date": "banana"})
	}
	tests := []struct {
		name        string
		q           command.Query
		lang        string
		want        []string // labels, in order; nil: check first/last only
		first, last string
		message     string
		private     bool
	}{
		{
			name: "everything in English", q: command.Query{},
			lang: "en", first: "1979", last: "7 September 2022",
		},
		{
			name: "French labels", q: command.Query{Lang: "fr"},
			lang: "fr", first: "1979", last: "7 septembre 2022",
		},
		{
			name: "the hint when no language is forced", q: command.Query{LangHint: "de"},
			lang: "de", first: "1979", last: "7. September 2022",
		},
		{
			name: "a period", q: command.Query{From: "2022-07", To: "July 2022"},
			lang: "en", want: []string{"2022", "summer 2022", "July 2022", "15 July 2022"},
		},
		{
			name: "a period in words of the reply's language", q: command.Query{Lang: "fr", From: "juillet 2022", To: "2022"},
			lang: "fr", want: []string{"2022", "été 2022", "juillet 2022", "15 juillet 2022", "7 septembre 2022"},
		},
		{
			name: "up to a decade", q: command.Query{To: "the 1990s"},
			lang: "en", want: []string{"1979", "1981", "early 1990s"},
		},
		{
			name: "about", q: command.Query{Text: "diplomats expelled"},
			lang: "en", want: []string{"since December 2018"},
		},
		{
			name: "about in another language", q: command.Query{Lang: "fr", Text: "diplomates"},
			lang: "fr", want: []string{"depuis décembre 2018"},
		},
		{
			name: "about and a period", q: command.Query{Text: "NATO summit", From: "2000"},
			lang: "en", want: []string{"2009"},
		},
		{
			name: "nothing matches", q: command.Query{Text: "volcano"},
			lang: "en", want: []string{}, message: msg("en", "timeline_no_match"),
		},
		{
			name: "an empty period", q: command.Query{From: "2023", To: "2021"},
			lang: "en", want: []string{}, message: msg("en", "timeline_no_match"),
		},
		{
			name: "a bad date", q: command.Query{Lang: "fr", From: "banana"},
			lang: "fr", want: []string{}, message: msg("fr", "timeline_bad_date"), private: true,
		},
		{
			name: "a date without a year", q: command.Query{To: "July"},
			lang: "en", want: []string{}, message: "“July” needs a year, for example July 2022.", private: true,
		},
	}
	r := seedRouter()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.q.Command = command.Timeline
			got, err := r.Handle(context.Background(), tt.q)
			if err != nil {
				t.Fatalf("Handle(%+v): %v", tt.q, err)
			}
			if got.Command != command.Timeline || got.Lang != tt.lang || got.Message != tt.message || got.Private != tt.private {
				t.Errorf("Handle(%+v) = command %q, lang %q, message %q, private %v; want %q, %q, %q, %v",
					tt.q, got.Command, got.Lang, got.Message, got.Private, command.Timeline, tt.lang, tt.message, tt.private)
			}
			if got.Events == nil {
				t.Errorf("Handle(%+v).Events = nil, want a slice", tt.q)
			}
			ls := labels(got.Events)
			if tt.want != nil {
				if diff := cmp.Diff(tt.want, ls); diff != "" {
					t.Errorf("Handle(%+v) labels (-want +got):\n%s", tt.q, diff)
				}
				return
			}
			if len(ls) < 10 || ls[0] != tt.first || ls[len(ls)-1] != tt.last {
				t.Errorf("Handle(%+v) labels = %q, want %d+ from %q to %q", tt.q, ls, 10, tt.first, tt.last)
			}
			for i := 1; i < len(got.Events); i++ {
				if timeline.Compare(got.Events[i-1], got.Events[i]) > 0 {
					t.Errorf("events %d and %d out of order: %s, %s", i-1, i, got.Events[i-1].Date, got.Events[i].Date)
				}
			}
		})
	}
}

func TestTimelineNoDates(t *testing.T) {
	r := mustRouter(t, fstest.MapFS{"a.txt": {Data: []byte("A title\n\nNothing here has a date at all. The text goes on without one.\n")}})
	got, err := r.Handle(context.Background(), command.Query{Command: command.Timeline, Lang: "sv"})
	if err != nil {
		t.Fatal(err)
	}
	sv, _ := langs().Get("sv")
	if want := sv.Message("timeline_empty", nil); got.Message != want || got.Events == nil || len(got.Events) != 0 || got.Private {
		t.Errorf("timeline without dates = %+v, want no events and %q", got, want)
	}
}

func TestTimelineConcurrent(t *testing.T) {
	// The events are built once, on the first query, whichever goroutine
	// asks; every reply gets its own labelled copy.
	r := mustRouter(t, fstest.MapFS{"a.txt": {Data: []byte("A title\n\nThe port opened in 1998. It closed in March 2020.\n")}})
	codes := []string{"en", "fr", "ru", "hu"}
	got := make([][]string, len(codes))
	var wg sync.WaitGroup
	for i, code := range codes {
		wg.Go(func() {
			reply, err := r.Handle(context.Background(), command.Query{Command: command.Timeline, Lang: code})
			if err != nil {
				t.Errorf("Handle(%s): %v", code, err)
			}
			got[i] = labels(reply.Events)
		})
	}
	wg.Wait()
	want := [][]string{{"1998", "March 2020"}, {"1998", "mars 2020"}, {"1998 год", "март 2020 г."}, {"1998", "2020. március"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("concurrent timelines (-want +got):\n%s", diff)
	}
}

func TestTimelineCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := seedRouter().Handle(ctx, command.Query{Command: command.Timeline}); err == nil {
		t.Error("Handle with a cancelled context = nil error, want the context's")
	}
}

// An invented French page: the timeline reads its dates in French, and a
// topic typed in English finds its French sentences.
const frenchStrikePage = `Grève à la fonderie de Marsac

Publié le : 09/11/2023 - 18:25

Les ouvriers de la fonderie de Marsac ont reconduit jeudi la grève entamée lundi 30 octobre.

La direction a proposé une prime, que le syndicat a refusée mardi.

Une nouvelle réunion est prévue jeudi 16 novembre à la préfecture.
`

func TestTimelineOfAFrenchPage(t *testing.T) {
	r := mustRouter(t, fstest.MapFS{"marsac.txt": {Data: []byte(frenchStrikePage)}})
	tests := []struct {
		name string
		q    command.Query
		want []string
	}{
		{"every event, labels in English", command.Query{Lang: "en"},
			[]string{"30 October 2023", "7 November 2023", "9 November 2023", "16 November 2023"}},
		{"labels in French", command.Query{Lang: "fr"},
			[]string{"30 octobre 2023", "7 novembre 2023", "9 novembre 2023", "16 novembre 2023"}},
		{"a topic in English", command.Query{Lang: "en", Text: "strike"},
			[]string{"30 October 2023", "9 November 2023"}},
		{"a topic in French", command.Query{Lang: "fr", Text: "réunion"},
			[]string{"16 novembre 2023"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.q.Command = command.Timeline
			got, err := r.Handle(context.Background(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, labels(got.Events)); diff != "" {
				t.Errorf("timeline %+v (-want +got):\n%s", tt.q, diff)
			}
		})
	}
}
