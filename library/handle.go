package library

import (
	"context"
	"errors"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/qabot/qabot/command"
	"github.com/qabot/qabot/fetch"
	"github.com/qabot/qabot/ingest"
	"github.com/qabot/qabot/lang"
	"github.com/qabot/qabot/qa"
	"github.com/qabot/qabot/store"
)

var _ command.Handler = (*Library)(nil)

// showRunes is how much of an article /article show prints.
const showRunes = 1500

// Handle serves q: the Article and Feedback commands here, the others
// through the router of q.Scope's engine. Questions the engine declines
// are logged for the scope's report, with the question and language only.
func (l *Library) Handle(ctx context.Context, q command.Query) (command.Reply, error) {
	switch q.Command {
	case command.Article:
		return l.article(ctx, q)
	case command.Feedback:
		return l.feedback(ctx, q)
	}
	s, err := l.served(ctx, q.Scope)
	if err != nil {
		return command.Reply{}, err
	}
	r, err := s.handler.Handle(ctx, q)
	if err != nil {
		return r, err
	}
	if q.Command == command.Ask && q.Scope != "" && r.Answer != nil && !r.Answer.Answered && r.Answer.Reason == qa.ReasonNotFound {
		l.logDeclined(ctx, q.Scope, *r.Answer)
	}
	if q.Command == command.Source && !s.isDefault {
		for i := range r.Articles {
			r.Articles[i].Number = s.numbers[r.Articles[i].ID]
		}
	}
	return r, nil
}

func (l *Library) logDeclined(ctx context.Context, scope string, a qa.Answer) {
	f := store.Feedback{Scope: scope, Kind: store.KindDeclined, Question: a.Question, Lang: a.Lang}
	if len(a.Suggestions) > 0 {
		f.ArticleID, f.Article = a.Suggestions[0].ArticleID, a.Suggestions[0].Article
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	if err := l.opts.Store.AddFeedback(ctx, f); err != nil {
		l.opts.Log.Warn("log declined question", "scope", scope, "err", err)
	}
}

// lang returns the language to reply in.
func (l *Library) lang(q command.Query) *lang.Language {
	for _, code := range []string{q.Lang, q.LangHint, "en"} {
		if lg, ok := l.opts.Languages.Get(code); ok {
			return lg
		}
	}
	return l.opts.Languages.Languages()[0]
}

// notice is a reply of the bot's own words.
func notice(l *lang.Language, private bool, id string, args map[string]string) command.Reply {
	return command.Reply{Command: command.Article, Lang: l.Code, Message: l.Message(id, args), Private: private}
}

func (l *Library) article(ctx context.Context, q command.Query) (command.Reply, error) {
	lg := l.lang(q)
	req := q.Article
	if req == nil {
		req = &command.ArticleRequest{Action: command.ArticleList}
	}
	if q.Scope == "" {
		return notice(lg, true, "article_no_scope", nil), nil
	}
	switch req.Action {
	case command.ArticleAdd, command.ArticleRemove, command.ArticleReport:
		if !req.Admin {
			return notice(lg, true, "article_forbidden", nil), nil
		}
	}
	switch req.Action {
	case command.ArticleAdd:
		return l.add(ctx, q.Scope, lg, req)
	case command.ArticleRemove:
		return l.remove(ctx, q.Scope, lg, req)
	case command.ArticleShow:
		return l.show(ctx, q.Scope, lg, req)
	case command.ArticleReport:
		return l.report(ctx, q.Scope, lg)
	}
	return l.list(ctx, q.Scope, lg)
}

// Add reads an article from a URL or a file and adds it to a scope: the
// handler of "/article add" and "qabot add", for front ends that call it
// directly.
func (l *Library) add(ctx context.Context, scope string, lg *lang.Language, req *command.ArticleRequest) (command.Reply, error) {
	if l.opts.Extractor == nil {
		return notice(lg, true, "article_add_failed", nil), nil
	}
	var (
		art    *ingest.Article
		source string
		err    error
	)
	switch {
	case req.File != nil:
		source = "file:" + path.Base(req.File.Name)
		if len(req.File.Data) > l.opts.MaxFileBytes {
			err = &fetch.Error{Reason: fetch.ReasonTooLarge, Limit: int64(l.opts.MaxFileBytes)}
			break
		}
		art, err = l.opts.Extractor.Extract(req.File.Data, fileType(req.File), "")
	case strings.TrimSpace(req.URL) != "":
		if l.opts.Fetcher == nil {
			return notice(lg, true, "article_add_failed", nil), nil
		}
		var page *fetch.Page
		page, err = l.opts.Fetcher.Fetch(ctx, req.URL)
		if err == nil {
			source = page.URL
			art, err = l.opts.Extractor.Extract(page.Body, page.ContentType, page.URL)
		}
	default:
		return notice(lg, true, "article_add_usage", nil), nil
	}
	if err != nil {
		return l.addError(lg, err), nil
	}
	a := store.Article{
		Scope: scope, Title: art.Title, Byline: art.Byline, Published: art.Published, Lang: art.Lang,
		Caption: art.Caption, Canonical: art.Canonical, SiteName: art.SiteName, SourceURL: source,
		AddedBy: req.By, AddedByName: req.ByName,
	}
	if a.Title == "" {
		a.Title = strings.TrimPrefix(source, "file:")
	}
	for _, p := range art.Paragraphs {
		a.Paragraphs = append(a.Paragraphs, store.Paragraph{Section: p.Section, Text: p.Text})
	}
	added, err := l.opts.Store.AddArticle(ctx, a, l.opts.MaxArticles)
	switch {
	case errors.Is(err, store.ErrDuplicate):
		return notice(lg, true, "article_duplicate", map[string]string{"title": added.Title, "number": strconv.FormatInt(added.ID, 10)}), nil
	case errors.Is(err, store.ErrFull):
		return notice(lg, true, "article_full", map[string]string{"max": strconv.Itoa(l.opts.MaxArticles)}), nil
	case err != nil:
		return command.Reply{}, err
	}
	s, err := l.rebuild(context.WithoutCancel(ctx), l.scope(scope), true)
	if err != nil {
		return command.Reply{}, err
	}
	info := l.info(added)
	if ca := s.engine.Corpus(); ca != nil {
		for _, c := range ca.Articles {
			if c.ID == articleID(added.ID) {
				info.Sentences, info.Paragraphs = len(c.Sentences), len(c.Paragraphs)
			}
		}
	}
	r := command.Reply{Command: command.Article, Lang: lg.Code, Manage: &command.ArticleReply{Action: command.ArticleAdd, Articles: []command.ArticleInfo{info}}}
	r.Message = lg.Message("article_added", map[string]string{
		"title": info.Title, "number": strconv.FormatInt(added.ID, 10), "sentences": strconv.Itoa(info.Sentences),
	})
	return r, nil
}

// addError explains why an article could not be added.
func (l *Library) addError(lg *lang.Language, err error) command.Reply {
	if id, args, ok := fetch.Message(err); ok {
		return notice(lg, true, id, args)
	}
	switch {
	case errors.Is(err, ingest.ErrNoArticle):
		return notice(lg, true, "article_no_text", nil)
	case errors.Is(err, ingest.ErrUnsupported):
		return notice(lg, true, "article_unsupported_file", nil)
	}
	l.opts.Log.Warn("add article", "err", err)
	return notice(lg, true, "article_add_failed", nil)
}

// fileType is the content type of an uploaded file, from its name when
// the upload does not say.
func fileType(f *command.File) string {
	switch strings.ToLower(path.Ext(f.Name)) {
	case ".html", ".htm", ".xhtml":
		if strings.Contains(f.ContentType, "charset") {
			return f.ContentType
		}
		return "text/html"
	case ".txt", ".text", ".md":
		if strings.Contains(f.ContentType, "charset") {
			return f.ContentType
		}
		return "text/plain"
	}
	return f.ContentType
}

func (l *Library) remove(ctx context.Context, scope string, lg *lang.Language, req *command.ArticleRequest) (command.Reply, error) {
	a, err := l.opts.Store.Article(ctx, scope, req.ID)
	if errors.Is(err, store.ErrNotFound) {
		return notice(lg, true, "article_not_found", map[string]string{"number": strconv.FormatInt(req.ID, 10)}), nil
	}
	if err != nil {
		return command.Reply{}, err
	}
	if err := l.opts.Store.RemoveArticle(ctx, scope, req.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		return command.Reply{}, err
	}
	if _, err := l.rebuild(context.WithoutCancel(ctx), l.scope(scope), true); err != nil {
		return command.Reply{}, err
	}
	r := notice(lg, false, "article_removed", map[string]string{"title": a.Title, "number": strconv.FormatInt(a.ID, 10)})
	r.Manage = &command.ArticleReply{Action: command.ArticleRemove, Articles: []command.ArticleInfo{l.info(a)}}
	return r, nil
}

func (l *Library) list(ctx context.Context, scope string, lg *lang.Language) (command.Reply, error) {
	arts, err := l.opts.Store.Articles(ctx, scope)
	if err != nil {
		return command.Reply{}, err
	}
	m := &command.ArticleReply{Action: command.ArticleList}
	for _, a := range arts {
		m.Articles = append(m.Articles, l.info(a))
	}
	r := command.Reply{Command: command.Article, Lang: lg.Code, Manage: m}
	if len(arts) == 0 {
		titles := []string{}
		for _, a := range l.def.engine.Corpus().Articles {
			titles = append(titles, a.Title)
		}
		m.Default = strings.Join(titles, "; ")
		r.Message = lg.Message("article_none", map[string]string{"title": m.Default})
	}
	return r, nil
}

func (l *Library) show(ctx context.Context, scope string, lg *lang.Language, req *command.ArticleRequest) (command.Reply, error) {
	a, err := l.opts.Store.Article(ctx, scope, req.ID)
	if errors.Is(err, store.ErrNotFound) {
		return notice(lg, true, "article_not_found", map[string]string{"number": strconv.FormatInt(req.ID, 10)}), nil
	}
	if err != nil {
		return command.Reply{}, err
	}
	var b strings.Builder
	for _, p := range a.Paragraphs {
		if utf8.RuneCountInString(b.String()) > showRunes {
			b.WriteString("…")
			break
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.Text)
	}
	return command.Reply{Command: command.Article, Lang: lg.Code, Manage: &command.ArticleReply{
		Action: command.ArticleShow, Articles: []command.ArticleInfo{l.info(a)}, Text: b.String(),
	}}, nil
}

func (l *Library) report(ctx context.Context, scope string, lg *lang.Language) (command.Reply, error) {
	rep, err := l.opts.Store.Report(ctx, scope, 10)
	if err != nil {
		return command.Reply{}, err
	}
	out := &command.Report{}
	for _, u := range rep.Unanswered {
		out.Unanswered = append(out.Unanswered, command.UnansweredQuestion{Question: u.Question, Lang: u.Lang, Count: u.Count, Last: u.Last})
	}
	for _, d := range rep.DownVoted {
		out.DownVoted = append(out.DownVoted, command.DownVotedAnswer{Article: d.Article, Question: d.Question, Answer: d.Answer, Quote: d.Quote, Down: d.Down, Up: d.Up})
	}
	r := command.Reply{Command: command.Article, Lang: lg.Code, Manage: &command.ArticleReply{Action: command.ArticleReport, Report: out}}
	if len(out.Unanswered) == 0 && len(out.DownVoted) == 0 {
		r.Message = lg.Message("report_empty", nil)
	}
	return r, nil
}

func (l *Library) info(a store.Article) command.ArticleInfo {
	n := 0
	for range a.Paragraphs {
		n++
	}
	url := a.Canonical
	if url == "" {
		url = a.SourceURL
	}
	return command.ArticleInfo{
		ID: articleID(a.ID), Number: a.ID, Title: a.Title, Byline: a.Byline, Source: a.SiteName,
		Published: a.Published, Lang: a.Lang, URL: url, AddedBy: a.AddedByName, Added: a.AddedAt, Paragraphs: n,
	}
}

// feedback records a vote.
func (l *Library) feedback(ctx context.Context, q command.Query) (command.Reply, error) {
	lg := l.lang(q)
	v := q.Vote
	if v == nil || v.Target == "" || v.User == "" {
		return notice(lg, true, "feedback_failed", nil), nil
	}
	l.keyOnce.Do(func() { l.key, l.keyErr = l.opts.Store.Key(context.WithoutCancel(ctx), store.VoterKey) })
	if l.keyErr != nil {
		return command.Reply{}, l.keyErr
	}
	if s, err := l.served(ctx, q.Scope); err == nil && v.ArticleID != "" && v.Sentence >= 0 {
		// The quote as the article has it, not as the message showed it.
		for _, a := range s.engine.Corpus().Articles {
			if a.ID == v.ArticleID && v.Sentence < len(a.Sentences) {
				v.Quote, v.ArticleTitle = a.Sentences[v.Sentence].Text, a.Title
			}
		}
	}
	kind := store.KindDown
	if v.Up {
		kind = store.KindUp
	}
	f := store.Feedback{
		Scope: q.Scope, Kind: kind, Target: v.Target, Voter: store.VoterHash(l.key, q.Scope, v.Target, v.User),
		Question: v.Question, Answer: v.Answer, Quote: v.Quote, ArticleID: v.ArticleID, Article: v.ArticleTitle, Lang: lg.Code,
	}
	if err := l.opts.Store.AddFeedback(ctx, f); err != nil {
		return command.Reply{}, err
	}
	return command.Reply{Command: command.Feedback, Lang: lg.Code, Message: lg.Message("feedback_thanks", nil), Private: true}, nil
}
