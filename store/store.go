// Package store keeps what qabot learns while it runs: the articles each
// scope (a Discord server, a direct-message conversation, the CLI's local
// scope) added, the votes users gave answers, and the questions it could
// not answer. One implementation, *DB, speaks two dialects: an embedded
// SQLite file (modernc.org/sqlite, pure Go, WAL mode) by default, and a
// shared PostgreSQL server (jackc/pgx) for several serve-http replicas.
// Both are migrated at open, and every change runs in a transaction.
package store

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"time"
)

// Errors.
var (
	ErrNotFound = errors.New("not found")
	// ErrFull means a scope already holds its cap of articles.
	ErrFull = errors.New("scope is full")
	// ErrDuplicate means the scope already holds an article from the same
	// URL; the existing article comes back with it.
	ErrDuplicate = errors.New("article already added")
)

// LocalScope is the scope of the command line.
const LocalScope = "local"

// GuildScope and DMScope name the scope of a Discord server and of a
// user's direct messages with the bot.
func GuildScope(guildID string) string { return "guild:" + guildID }

// DMScope is the scope of one user's direct messages.
func DMScope(userID string) string { return "dm:" + userID }

// An Article is one article a scope added.
type Article struct {
	ID        int64
	Scope     string
	Title     string
	Byline    string
	Published string // YYYY-MM-DD when known, else as the page wrote it
	Lang      string
	Caption   string
	Canonical string // the page's canonical URL
	SiteName  string
	SourceURL string // the URL it was fetched from, or "file:<name>" for a file
	// AddedBy identifies who added it (a Discord user ID, or the local
	// user's name); AddedByName is the name shown in lists.
	AddedBy, AddedByName string
	AddedAt              time.Time
	Paragraphs           []Paragraph
}

// A Paragraph is a paragraph of an article's story and the heading it
// falls under.
type Paragraph struct {
	Section string `json:"s,omitempty"`
	Text    string `json:"t"`
}

// A Feedback is a user's vote on an answer, or a question the bot
// declined. It holds what was said, never who said it: Voter is a keyed
// hash (see VoterKey) that only tells two votes of the same user on the
// same answer apart from votes of different users.
type Feedback struct {
	Scope string
	// Kind is KindUp, KindDown or KindDeclined.
	Kind string
	// Target identifies what was voted on (the answer's message); votes
	// with the same Scope, Target and Voter replace each other.
	Target    string
	Voter     string
	Question  string
	Answer    string
	Quote     string
	ArticleID string // the corpus article ID the answer quoted, or the closest one
	Article   string // its title
	Lang      string
	At        time.Time
}

// Feedback kinds.
const (
	KindUp       = "up"
	KindDown     = "down"
	KindDeclined = "declined"
)

// A Report is what a scope's users could not get: the questions most
// often declined, and the answers voted down, by article.
type Report struct {
	Unanswered []Unanswered
	DownVoted  []DownVoted
}

// Unanswered is a question the bot declined, with how often.
type Unanswered struct {
	Question string
	Lang     string
	Count    int
	Last     time.Time
}

// DownVoted is an answer users voted down.
type DownVoted struct {
	ArticleID, Article string
	Question, Answer   string
	Quote              string
	Down, Up           int
}

// Store is what qabot keeps. Implementations are safe for concurrent use.
type Store interface {
	// AddArticle stores a in its scope unless the scope already holds
	// max articles (ErrFull; max <= 0 means no cap) or an article from the
	// same source or canonical URL (ErrDuplicate, with that article). It
	// returns a with its ID and AddedAt set.
	AddArticle(ctx context.Context, a Article, max int) (Article, error)
	// Articles returns the articles of a scope in the order they were
	// added, with their paragraphs.
	Articles(ctx context.Context, scope string) ([]Article, error)
	// Article returns one article of a scope, or ErrNotFound.
	Article(ctx context.Context, scope string, id int64) (Article, error)
	// RemoveArticle removes one article of a scope, or returns
	// ErrNotFound.
	RemoveArticle(ctx context.Context, scope string, id int64) error
	// Scopes returns every scope that holds articles.
	Scopes(ctx context.Context) ([]string, error)
	// AddFeedback records a vote (replacing the same voter's earlier vote
	// on the same target) or a declined question.
	AddFeedback(ctx context.Context, f Feedback) error
	// Report returns up to limit entries of each list of a scope's report.
	Report(ctx context.Context, scope string, limit int) (Report, error)
	// Key returns the secret of the given name, created at random the
	// first time and kept from then on (the voter hash key).
	Key(ctx context.Context, name string) ([]byte, error)
	Close() error
}

// VoterKey is the name of the key that voter hashes are made with.
const VoterKey = "voter"

// VoterHash returns the value stored for a voter: an HMAC-SHA256, under a
// secret key, of the scope, the answer and the user's ID, cut to 16 bytes.
// The same user voting twice on one answer gets the same hash, so the vote
// is replaced rather than counted twice; the hash differs from answer to
// answer, so votes cannot be linked to each other or to a user, and
// without the key not even a list of every user ID can be matched to them.
func VoterHash(key []byte, scope, target, userID string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(scope))
	m.Write([]byte{0})
	m.Write([]byte(target))
	m.Write([]byte{0})
	m.Write([]byte(userID))
	return hex.EncodeToString(m.Sum(nil)[:16])
}
