package qa

import (
	"fmt"
	"io/fs"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

// Load reads every .txt article at the top of articles and builds an
// engine over them. The articles are parsed with the number words and
// place names of the articles' language, so "four diplomats" is a
// quantity and "Iceland" a place.
//
// When some articles cannot be read, Load still returns an engine over
// the others together with a corpus.ErrorList naming each bad file; it
// returns a nil engine only when there is nothing to serve.
func Load(articles fs.FS, opts Options) (*Engine, error) {
	if opts.Languages == nil {
		return nil, fmt.Errorf("qa: Options.Languages is required")
	}
	code := opts.ArticleLang
	if code == "" {
		code = "en"
	}
	l, ok := opts.Languages.Get(code)
	if !ok {
		return nil, fmt.Errorf("qa: article language %q: %w", code, ErrNoLanguage)
	}
	p, err := corpus.NewParser()
	if err != nil {
		return nil, err
	}
	data := opts.Data
	if data == nil {
		data = lang.Data
	}
	times, err := timex.LoadLanguages(data)
	if err != nil {
		return nil, fmt.Errorf("qa: %w", err)
	}
	p.UseLanguage(l, times[code])
	c, loadErr := corpus.Load(articles, p)
	if c == nil || len(c.Articles) == 0 {
		if loadErr == nil {
			loadErr = corpus.ErrNoArticles
		}
		return nil, fmt.Errorf("load articles: %w", loadErr)
	}
	e, err := New(c, opts)
	if err != nil {
		return nil, err
	}
	return e, loadErr
}
