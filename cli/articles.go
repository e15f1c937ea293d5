package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/qabot/qabot/bot"
	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/fetch"
	"github.com/qabot/qabot/ingest"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/library"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
	"github.com/qabot/qabot/store"
)

// Environment variables of the article store (documented in .env.example).
const (
	EnvFetchAllow  = "QABOT_FETCH_ALLOW"  // address ranges a private deployment may fetch from
	EnvMaxArticles = "QABOT_MAX_ARTICLES" // articles a scope may hold
)

// fetchTimeout bounds the download of a page or an attached file.
const fetchTimeout = 8 * time.Second

// openStore opens the article database: PostgreSQL when
// QABOT_DATABASE_URL is set, else the SQLite file of QABOT_DB or the
// user's data folder. Without create, a SQLite file that does not exist
// yet is not made: the commands that only read articles then serve the
// embedded ones, and leave no file behind.
func (a *app) openStore(ctx context.Context, create bool) (*store.DB, error) {
	if url := a.getenv(store.EnvDatabaseURL); url != "" {
		return store.OpenPostgres(ctx, url)
	}
	file, err := store.DefaultPath(a.getenv)
	if errors.Is(err, store.ErrNoDatabase) && !create {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !create {
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
	}
	return store.OpenSQLite(ctx, file)
}

// buildLibrary builds the library of every scope over st, with the
// embedded articles as the default of scopes that have none.
func (a *app) buildLibrary(st store.Store) (*library.Library, error) {
	detector := a.detector()
	res, err := qa.NewResources(qa.Options{Languages: a.langs, Detector: detector, Glossary: a.glossaries()})
	if err != nil {
		return nil, err
	}
	def, err := res.Load(seeds.FS)
	if err != nil {
		return nil, fmt.Errorf("embedded articles: %w", err)
	}
	cleaner, err := corpus.NewCleaner()
	if err != nil {
		return nil, err
	}
	// Text files are cleaned in their own language, as --corpus reads them.
	parser, err := res.Parser()
	if err != nil {
		return nil, err
	}
	allow, err := fetch.ParseAllow(a.getenv(EnvFetchAllow))
	if err != nil {
		return nil, usagef("%s: %v", EnvFetchAllow, err)
	}
	maxArticles := 0
	if s := a.getenv(EnvMaxArticles); s != "" {
		if maxArticles, err = strconv.Atoi(s); err != nil || maxArticles < 1 {
			return nil, usagef("%s=%q: want a positive number", EnvMaxArticles, s)
		}
	}
	return library.New(library.Options{
		Store: st, Resources: res, Languages: a.langs, Default: def,
		// Under the bot's 10-second handler deadline, so that a slow site
		// gets its own message rather than a generic timeout.
		Fetcher:     fetch.New(fetch.Options{Policy: fetch.Policy{Allow: allow}, Timeout: fetchTimeout}),
		Extractor:   ingest.New(ingest.Options{Cleaner: cleaner, Clean: parser.CleanPage, Detect: func(text string) string { return detector.DetectWithPrior(text, "").Lang }}),
		MaxArticles: maxArticles,
		Log:         a.log,
	})
}

// localScope makes every query of the CLI one of the local scope.
func localScope(h command.Handler) command.Handler {
	return command.HandlerFunc(func(ctx context.Context, q command.Query) (command.Reply, error) {
		if q.Scope == "" {
			q.Scope = store.LocalScope
		}
		return h.Handle(ctx, q)
	})
}

// libraryService is the service of the local scope of a store.
func (a *app) libraryService(ctx context.Context, st store.Store) (*service, *library.Library, error) {
	lib, err := a.buildLibrary(st)
	if err != nil {
		return nil, nil, err
	}
	e, err := lib.Engine(ctx, store.LocalScope)
	if err != nil {
		lib.Close()
		return nil, nil, err
	}
	h := command.Chain(localScope(lib), command.Recover())
	return &service{corpus: e.Corpus(), engine: e, handler: h}, lib, nil
}

// add adds articles to the local scope: qabot add URL|FILE...
func (a *app) add(ctx context.Context, args []string) error {
	fs := a.flagSet("add")
	files, err := a.parse(fs, args, a.addUsage)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("add: name a URL or a file")
	}
	st, err := a.openStore(ctx, true)
	if err != nil {
		return err
	}
	defer st.Close()
	lib, err := a.buildLibrary(st)
	if err != nil {
		return err
	}
	defer lib.Close()
	l := a.language("")
	failed := false
	for _, arg := range files {
		req := &command.ArticleRequest{Action: command.ArticleAdd, Admin: true, By: a.getenv("USER"), ByName: a.getenv("USER")}
		if isURL(arg) {
			req.URL = arg
		} else {
			f, err := readArticleFile(arg, library.DefaultMaxFileBytes)
			if err != nil {
				fmt.Fprintf(a.stderr, "qabot: %s: %v\n", arg, err)
				failed = true
				continue
			}
			req.File = f
		}
		r, err := lib.Handle(ctx, command.Query{Command: command.Article, Scope: store.LocalScope, Lang: l.Code, Article: req})
		if err != nil {
			return err
		}
		if r.Manage == nil {
			fmt.Fprintf(a.stderr, "qabot: %s: %s\n", arg, r.Message)
			failed = true
			continue
		}
		fmt.Fprintln(a.stdout, r.Message)
	}
	if failed {
		return &failedError{}
	}
	return nil
}

func isURL(s string) bool {
	lower := strings.ToLower(s)
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// readArticleFile reads an .html or .txt file of at most max bytes; only
// regular files are read, so a FIFO or a device cannot hang or flood it.
func readArticleFile(name string, max int) (*command.File, error) {
	info, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, errors.New("not a regular file")
	}
	if info.Size() > int64(max) {
		return nil, fmt.Errorf("larger than %d bytes", max)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > max {
		return nil, fmt.Errorf("larger than %d bytes", max)
	}
	return &command.File{Name: filepath.Base(name), Data: data}, nil
}

func (a *app) addUsage(w io.Writer) {
	a.usageLine(w, "add")
	fmt.Fprintf(w, `Adds articles to the local scope: web pages by URL (fetched safely: only
public http and https addresses, 5 MB at most), or saved .html and .txt
files. The questions of qabot, qabot ask and qabot timeline are then
answered from them instead of the embedded article. They are kept in %s
(or the PostgreSQL database of %s); see qabot articles.
`, store.EnvDB, store.EnvDatabaseURL)
}

// articles lists, shows and removes the local scope's articles:
// qabot articles [list | show N | remove N...].
func (a *app) articlesCmd(ctx context.Context, args []string) error {
	fs := a.flagSet("articles")
	pos, err := a.parse(fs, args, a.articlesUsage)
	if err != nil {
		return err
	}
	action := command.ArticleList
	if len(pos) > 0 {
		action, pos = pos[0], pos[1:]
	}
	var ids []int64
	for _, p := range pos {
		id, err := strconv.ParseInt(strings.TrimPrefix(p, "#"), 10, 64)
		if err != nil {
			return usagef("articles %s: %q is not an article number", action, p)
		}
		ids = append(ids, id)
	}
	switch action {
	case command.ArticleList:
	case command.ArticleShow, command.ArticleRemove:
		if len(ids) == 0 {
			return usagef("articles %s: name an article number (qabot articles list shows them)", action)
		}
	default:
		return usagef("articles: unknown action %q (want list, show or remove)", action)
	}
	st, err := a.openStore(ctx, false)
	if err != nil {
		return err
	}
	l := a.language("")
	if st == nil {
		if action == command.ArticleList {
			fmt.Fprintln(a.stdout, l.Message("article_none", map[string]string{"title": articleTitles(mustSeeds(a))}))
			return nil
		}
		return fmt.Errorf("%s", l.Message("article_not_found", map[string]string{"number": strconv.FormatInt(ids[0], 10)}))
	}
	defer st.Close()
	lib, err := a.buildLibrary(st)
	if err != nil {
		return err
	}
	defer lib.Close()
	if action == command.ArticleList {
		ids = []int64{0}
	}
	failed := false
	for _, id := range ids {
		r, err := lib.Handle(ctx, command.Query{Command: command.Article, Scope: store.LocalScope, Lang: l.Code,
			Article: &command.ArticleRequest{Action: action, ID: id, Admin: true}})
		if err != nil {
			return err
		}
		if r.Manage == nil && r.Private {
			fmt.Fprintf(a.stderr, "qabot: %s\n", r.Message)
			failed = true
			continue
		}
		a.printManage(l, r)
	}
	if failed {
		return &failedError{}
	}
	return nil
}

// mustSeeds returns the embedded corpus, for the message of an empty
// store.
func mustSeeds(a *app) *corpus.Corpus {
	p, err := corpus.NewParser()
	if err != nil {
		return &corpus.Corpus{}
	}
	c, _ := corpus.Load(seeds.FS, p)
	if c == nil {
		return &corpus.Corpus{}
	}
	return c
}

// printManage writes the reply of an article command.
func (a *app) printManage(l *lang.Language, r command.Reply) {
	m := r.Manage
	if m == nil {
		fmt.Fprintln(a.stdout, r.Message)
		return
	}
	switch m.Action {
	case command.ArticleList:
		if len(m.Articles) == 0 {
			fmt.Fprintln(a.stdout, r.Message)
			return
		}
		tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
		for _, in := range m.Articles {
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", in.Number, in.Title, in.Lang, in.Published,
				l.Message("article_added_by", map[string]string{"name": orDash(in.AddedBy), "date": in.Added.Local().Format(time.DateOnly)}))
		}
		tw.Flush()
	case command.ArticleShow:
		in := m.Articles[0]
		fmt.Fprintf(a.stdout, "%d. %s\n", in.Number, in.Title)
		for _, s := range []string{in.Byline, in.Published, in.Lang, in.URL} {
			if s != "" {
				fmt.Fprintf(a.stdout, "   %s\n", s)
			}
		}
		fmt.Fprintf(a.stdout, "\n%s\n", m.Text)
	case command.ArticleReport:
		a.printReport(l, r)
	default:
		fmt.Fprintln(a.stdout, r.Message)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func (a *app) printReport(l *lang.Language, r command.Reply) {
	rep := r.Manage.Report
	if rep == nil || (len(rep.Unanswered) == 0 && len(rep.DownVoted) == 0) {
		fmt.Fprintln(a.stdout, r.Message)
		return
	}
	fmt.Fprintf(a.stdout, "%s:\n", l.Message("report_unanswered_title", nil))
	for _, u := range rep.Unanswered {
		fmt.Fprintf(a.stdout, "  %3d×  %s  [%s]\n", u.Count, u.Question, u.Lang)
	}
	fmt.Fprintf(a.stdout, "\n%s:\n", l.Message("report_downvoted_title", nil))
	last := "\x00"
	for _, d := range rep.DownVoted {
		if d.Article != last {
			fmt.Fprintf(a.stdout, "  %s\n", d.Article)
			last = d.Article
		}
		fmt.Fprintf(a.stdout, "    👎 %d  👍 %d  %s → %s\n      > %s\n", d.Down, d.Up, d.Question, d.Answer, d.Quote)
	}
}

func (a *app) articlesUsage(w io.Writer) {
	a.usageLine(w, "articles")
	fmt.Fprint(w, `Lists the articles of the local scope (qabot add puts them there) with
their numbers, shows the text extracted from one, or removes some. Without
articles, qabot answers from the embedded one.
`)
}

// report prints the questions qabot could not answer and the answers
// voted down: qabot report.
func (a *app) report(ctx context.Context, args []string) error {
	var scope string
	fs := a.reportFlags(&scope)
	if _, err := a.parse(fs, args, a.reportUsage); err != nil {
		return err
	}
	l := a.language("")
	st, err := a.openStore(ctx, false)
	if err != nil {
		return err
	}
	if st == nil {
		fmt.Fprintln(a.stdout, l.Message("report_empty", nil))
		return nil
	}
	defer st.Close()
	rep, err := st.Report(ctx, scope, 20)
	if err != nil {
		return err
	}
	out := &command.Report{}
	for _, u := range rep.Unanswered {
		out.Unanswered = append(out.Unanswered, command.UnansweredQuestion{Question: u.Question, Lang: u.Lang, Count: u.Count, Last: u.Last})
	}
	for _, d := range rep.DownVoted {
		out.DownVoted = append(out.DownVoted, command.DownVotedAnswer{Article: d.Article, Question: d.Question, Answer: d.Answer, Quote: d.Quote, Down: d.Down, Up: d.Up})
	}
	a.printReport(l, command.Reply{Lang: l.Code, Message: l.Message("report_empty", nil), Manage: &command.ArticleReply{Action: command.ArticleReport, Report: out}})
	return nil
}

func (a *app) reportFlags(scope *string) *flag.FlagSet {
	fs := a.flagSet("report")
	fs.StringVar(scope, "scope", store.LocalScope, "the scope to report on: local, guild:<server ID> or dm:<user ID>")
	return fs
}

func (a *app) reportUsage(w io.Writer) {
	a.usageLine(w, "report")
	fmt.Fprint(w, `The questions qabot declined most often and the answers users voted down,
by article: from the CLI (the local scope) or from a Discord server
(--scope guild:<server ID>).

Flags:
`)
	a.printDefaults(w, a.reportFlags(new(string)))
}

// discordOptions turns on what the Discord front ends get from the
// store: vote buttons, and attachments fetched through the guard. With
// --corpus there is no store, and neither.
func (a *app) discordOptions(cfg *bot.Config) error {
	if !a.servesStore() {
		return nil
	}
	allow, err := fetch.ParseAllow(a.getenv(EnvFetchAllow))
	if err != nil {
		return usagef("%s: %v", EnvFetchAllow, err)
	}
	cfg.Votes = true
	cfg.Fetcher = fetch.New(fetch.Options{Policy: fetch.Policy{Allow: allow}, Timeout: fetchTimeout})
	return nil
}

// servesStore reports whether the Discord front ends keep articles in a
// store: always, unless --corpus names a folder or a file or the environment names
// no place for the database.
func (a *app) servesStore() bool {
	if a.corpusDir != "" {
		return false
	}
	if a.getenv(store.EnvDatabaseURL) != "" {
		return true
	}
	_, err := store.DefaultPath(a.getenv)
	return err == nil
}

// serveBot is the service of the Discord front ends: with --corpus, that
// folder (or file) for every server as before; otherwise the store (created if need
// be), where each server and DM keeps its own articles. It gives up with
// errInterrupted as soon as ctx is done.
func (a *app) serveBot(ctx context.Context) (*service, error) {
	if !a.servesStore() {
		if a.corpusDir == "" {
			a.log.Warn("no article store: set " + store.EnvDB + " or " + store.EnvDatabaseURL + " (or HOME) so that servers can add articles")
		}
		return a.loadBot(ctx)
	}
	type loaded struct {
		s   *service
		err error
	}
	done := make(chan loaded, 1)
	go func() {
		s, err := a.buildServeBot(context.WithoutCancel(ctx))
		done <- loaded{s, err}
	}()
	select {
	case l := <-done:
		return l.s, l.err
	case <-ctx.Done():
		go func() {
			if l := <-done; l.s != nil {
				l.s.close()
			}
		}()
		return nil, errInterrupted
	}
}

func (a *app) buildServeBot(ctx context.Context) (*service, error) {
	st, err := a.openStore(ctx, true)
	if err != nil {
		return nil, fmt.Errorf("open the article store: %w", err)
	}
	lib, err := a.buildLibrary(st)
	if err != nil {
		st.Close()
		return nil, err
	}
	e, err := lib.Engine(ctx, "")
	if err != nil {
		lib.Close()
		st.Close()
		return nil, err
	}
	return &service{corpus: e.Corpus(), engine: e, handler: command.Chain(lib, command.Recover()),
		closers: []func(){lib.Close, func() { st.Close() }}}, nil
}
