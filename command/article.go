package command

import "time"

// Commands that manage a scope's articles and record feedback. The
// handlers live in package library, which keeps the articles; the Router
// of one engine does not serve them.
const (
	Article  = "article"
	Feedback = "feedback"
)

// Actions of the Article command.
const (
	ArticleAdd    = "add"
	ArticleList   = "list"
	ArticleRemove = "remove"
	ArticleShow   = "show"
	ArticleReport = "report"
)

// An ArticleRequest is what an Article query asks for.
type ArticleRequest struct {
	Action string // ArticleAdd, ArticleList, ...
	// URL is the page to add; File is an uploaded .html or .txt file to
	// add instead.
	URL  string
	File *File
	// ID is the article to remove or show.
	ID int64
	// By and ByName are who asks (a Discord user ID and name, or the
	// local user); Admin says whether they may add and remove.
	By, ByName string
	Admin      bool
}

// A File is an uploaded file.
type File struct {
	Name        string
	ContentType string
	Data        []byte
}

// A Vote is a user's thumbs up or down on an answer: what was asked and
// answered, and who voted (only ever stored as a keyed hash).
type Vote struct {
	Up bool
	// Target identifies the answer voted on (its message ID); a user's
	// second vote on it replaces the first.
	Target                  string
	User                    string
	Question, Answer, Quote string
	ArticleID, ArticleTitle string
	// Sentence is the index of the quoted sentence in the article, from
	// which the handler fills Quote and ArticleTitle when they are empty;
	// -1 for none.
	Sentence int
}

// An ArticleReply is what an Article query gives back.
type ArticleReply struct {
	Action string
	// Articles lists the scope's articles (list), or holds the article
	// added, removed or shown.
	Articles []ArticleInfo
	// Text is the start of the cleaned text of the article shown.
	Text string
	// Default is the title of the built-in article that a scope without
	// articles is answered from.
	Default string
	// Report is set for ArticleReport.
	Report *Report
}

// A Report lists what a scope's users could not get.
type Report struct {
	Unanswered []UnansweredQuestion
	DownVoted  []DownVotedAnswer
}

// UnansweredQuestion is a question the bot declined, with how often.
type UnansweredQuestion struct {
	Question, Lang string
	Count          int
	Last           time.Time
}

// DownVotedAnswer is an answer users voted down.
type DownVotedAnswer struct {
	Article                 string
	Question, Answer, Quote string
	Down, Up                int
}
