package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/lang/dictd"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/seeds"
)

// session is the conversation key of every CLI question: one user, one
// conversation per process.
const session = "cli"

// A service is the loaded corpus with the engine and the handler over it.
type service struct {
	corpus  *corpus.Corpus
	engine  *qa.Engine
	convs   *qa.Conversations
	handler command.Handler
	// closers release the store and the library, when there are some.
	closers []func()
}

// close releases what the service holds.
func (s *service) close() {
	for _, c := range s.closers {
		c()
	}
}

// articles returns the articles to serve: the corpus folder, the corpus
// file alone, or the embedded seeds when none is set, and a name for
// messages. A file is read by corpus.Load as the only article of its
// folder, so it gets the checks every article of a folder gets (regular
// files only once links are followed, sizes capped, no blocking open).
func (a *app) articles() (fs.FS, string, error) {
	if a.corpusDir == "" {
		return seeds.FS, "the embedded articles", nil
	}
	info, err := os.Stat(a.corpusDir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, "", fmt.Errorf("corpus %s does not exist", a.corpusDir)
	case err != nil:
		return nil, "", fmt.Errorf("corpus %s: %w", a.corpusDir, errors.Unwrap(err))
	case info.IsDir():
		return newArticleFS(a.corpusDir), a.corpusDir, nil
	case filepath.Ext(a.corpusDir) != ".txt":
		return nil, "", fmt.Errorf("corpus %s is neither a folder nor a .txt article (saved web pages go through qabot add)", a.corpusDir)
	}
	return newArticleFileFS(a.corpusDir), a.corpusDir, nil
}

// loadEngine reads the articles and builds the engine over them. Broken
// files are reported on stderr by name and skipped; only a corpus with no
// article left is an error.
func (a *app) loadEngine() (*qa.Engine, error) {
	start := time.Now()
	fsys, where, err := a.articles()
	if err != nil {
		return nil, err
	}
	e, err := qa.Load(fsys, qa.Options{Languages: a.langs, Detector: a.detector(), Glossary: a.glossaries()})
	var list corpus.ErrorList
	switch {
	case e != nil && errors.As(err, &list):
		for _, fe := range list {
			fmt.Fprintf(a.stderr, "qabot: warning: skipped %s: %v\n", fe.Path, fe.Err)
		}
	case e != nil && err == nil:
	case errors.Is(err, corpus.ErrNoArticles):
		return nil, fmt.Errorf("no .txt articles in %s", where)
	case errors.As(err, &list):
		return nil, fmt.Errorf("no readable article in %s: %v", where, list)
	default:
		return nil, fmt.Errorf("load %s: %w", where, err)
	}
	c := e.Corpus()
	a.log.Debug("engine built", "from", where, "articles", len(c.Articles), "sentences", c.Sentences(), "took", time.Since(start))
	return e, nil
}

// detector returns the language detector trained at build time, or, if
// its tables are damaged (which TestDefaultDetectorUpToDate rules out),
// one trained now.
func (a *app) detector() *lang.Detector {
	d, err := lang.DefaultDetector()
	if err != nil {
		a.log.Warn("the built-in language detector is unusable; training one", "err", err)
		return lang.NewDetector(a.langs)
	}
	return d
}

// glossaries returns the engine's Glossary option: the FreeDict
// dictionaries of the dictionary folder, read on the first question in
// their language. Nil without a folder.
func (a *app) glossaries() func(code string) map[string][]string {
	if a.dictDir == "" {
		return nil
	}
	fsys := os.DirFS(a.dictDir)
	byLang := map[string]dictd.Info{}
	for _, info := range dictd.Discover(fsys) {
		if _, ok := byLang[info.From]; !ok && info.To == "en" {
			byLang[info.From] = info
		}
	}
	if len(byLang) == 0 {
		a.log.Warn("no FreeDict dictionaries to English found", "dir", a.dictDir)
		return nil
	}
	return func(code string) map[string][]string {
		info, ok := byLang[code]
		if !ok {
			return nil
		}
		start := time.Now()
		g, err := dictd.Glossary(fsys, info, 0)
		if err != nil {
			a.log.Warn("dictionary has problems", "dict", info.Name, "err", err)
		}
		a.log.Debug("dictionary loaded", "dict", info.Name, "words", len(g), "took", time.Since(start))
		return g
	}
}

// loadCorpus returns the parsed articles, for the commands that show them.
func (a *app) loadCorpus() (*corpus.Corpus, error) {
	e, err := a.loadEngine()
	if err != nil {
		return nil, err
	}
	return e.Corpus(), nil
}

// loadBot loads the engine and the command router over it, or gives up
// with errInterrupted as soon as ctx is done: on a busy machine loading
// takes seconds, and a signal must not wait for it.
func (a *app) loadBot(ctx context.Context) (*service, error) {
	type loaded struct {
		s   *service
		err error
	}
	done := make(chan loaded, 1)
	go func() {
		s, err := a.buildBot()
		done <- loaded{s, err}
	}()
	select {
	case l := <-done:
		return l.s, l.err
	case <-ctx.Done():
		return nil, errInterrupted
	}
}

func (a *app) buildBot() (*service, error) {
	if a.corpusDir == "" && !a.noStore {
		// Articles added with qabot add replace the embedded ones.
		st, err := a.openStore(context.Background(), false)
		if err != nil {
			return nil, err
		}
		if st != nil {
			s, lib, err := a.libraryService(context.Background(), st)
			if err != nil {
				st.Close()
				return nil, err
			}
			s.closers = []func(){lib.Close, func() { st.Close() }}
			return s, nil
		}
	}
	e, err := a.loadEngine()
	if err != nil {
		return nil, err
	}
	// Questions with a session are turns of a conversation (the chat,
	// ask --chat); the others stand alone.
	convs, err := qa.NewConversations(e, qa.ConversationOptions{Now: time.Now})
	if err != nil {
		return nil, err
	}
	r := command.NewRouter(e, a.langs)
	r.UseConversations(convs)
	return &service{corpus: e.Corpus(), engine: e, convs: convs, handler: command.Chain(r, command.Recover())}, nil
}

// askBot sends one question, standing alone, through the command layer.
func (a *app) askBot(ctx context.Context, b *service, question string) (command.Reply, error) {
	return a.handle(ctx, b, command.Query{Command: command.Ask, Text: question, Lang: a.lang})
}

// handle sends a query through the command layer. A panic in the engine
// comes back as an error that is logged here with its stack; the caller
// shows the user the localised internal_error message.
func (a *app) handle(ctx context.Context, b *service, q command.Query) (command.Reply, error) {
	question := q.Text
	r, err := b.handler.Handle(ctx, q)
	if err != nil {
		if ctx.Err() != nil {
			return command.Reply{}, errInterrupted
		}
		var pe *command.PanicError
		if errors.As(err, &pe) {
			a.log.Error("answer failed", "question", question, "err", pe, "stack", string(pe.Stack))
		} else {
			a.log.Error("answer failed", "question", question, "err", err)
		}
		return command.Reply{}, err
	}
	return r, nil
}

// language returns the language to write labels in: the reply's, else the
// forced one, else English.
func (a *app) language(code string) *lang.Language {
	for _, c := range []string{code, a.lang, "en"} {
		if l, ok := a.langs.Get(c); ok {
			return l
		}
	}
	return a.langs.Languages()[0]
}

// articleTitles names articles for messages such as the greeting.
func articleTitles(c *corpus.Corpus) string {
	titles := make([]string, len(c.Articles))
	for i, art := range c.Articles {
		titles[i] = art.Title
	}
	return strings.Join(titles, "”, “")
}
