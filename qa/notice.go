package qa

import "github.com/qabot/qabot/corpus"

// Notices tell the user, in their language, when an answer rests on a
// path the engine cannot trust: an article in a language qabot does not
// read, or a question of which little could be said in the article's
// language. Each is a message id of lang/data/*/messages.json.
const (
	NoticeArticleUnsupported = "notice_article_unsupported"
	NoticeNoTranslation      = "notice_no_translation"
)

// maxForeignUnknown is the share of a question's weight, in words neither
// the article nor the translation tables know, above which a question
// asked in another language than the article's is said to have no
// reliable path to it.
const maxForeignUnknown = 0.5

// notice sets the notice of an answer: about the article of its quote, or
// of its first suggestion when it has none. qlang is the language the
// question is written in. A question that finds nothing gets a notice
// about the corpus: an article qabot does not read (the answer may be
// there, unread), or, when every article is in one language other than
// the question's, the question's words that did not reach it; "the
// article doesn't say" alone would hide why.
func (e *Engine) notice(a *Answer, qlang string) {
	reply, found := e.langs.Get(a.Lang)
	if !found {
		return
	}
	unsupported := func(art *corpus.Article) {
		a.NoticeID, a.noticeArticle = NoticeArticleUnsupported, art.ID
		a.Notice = reply.Message(a.NoticeID, map[string]string{"article": art.Title})
	}
	c, ok := a.Quote, a.Answered
	if !ok && len(a.Suggestions) > 0 {
		c, ok = a.Suggestions[0], true
	}
	if !ok {
		if a.Reason != ReasonNotFound {
			return
		}
		for _, art := range e.corpus.Articles {
			if art.OtherLang != "" {
				unsupported(art)
				return
			}
		}
		first := e.corpus.Articles[0]
		for _, art := range e.corpus.Articles[1:] {
			if art.Lang != first.Lang {
				return
			}
		}
		c = Citation{ArticleID: first.ID, Lang: first.Lang}
	}
	for _, art := range e.corpus.Articles {
		if art.ID == c.ArticleID && art.OtherLang != "" {
			unsupported(art)
			return
		}
	}
	if qlang != "" && c.Lang != "" && qlang != c.Lang && a.Evidence.Unknown > maxForeignUnknown {
		a.NoticeID, a.noticeArticle = NoticeNoTranslation, c.ArticleID
		a.Notice = reply.Message(a.NoticeID, map[string]string{"in_language": reply.Message("in_language_"+c.Lang, nil)})
	}
}

// NoticeKey says which notice an answer gives and about what, so that a
// conversation says it once: the notice's id and the article.
func (a Answer) noticeKey() string {
	if a.NoticeID == "" {
		return ""
	}
	return a.NoticeID + "\x00" + a.noticeArticle
}
