package qa

import "github.com/qabot/qabot/lang"

// ArticleLanguage returns the language the engine reads the articles in
// (Options.ArticleLang): callers that work on the articles' own words,
// such as summaries and timelines, need its stop words and stemmer.
func (e *Engine) ArticleLanguage() *lang.Language { return e.article.l }
