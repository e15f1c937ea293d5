package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx"
	_ "modernc.org/sqlite"             // registers "sqlite"
)

//go:embed migrations
var migrations embed.FS

// A DB is a Store in an SQL database: SQLite or PostgreSQL.
type DB struct {
	db      *sql.DB
	dialect string // "sqlite" or "postgres"
	// Now is the clock of AddedAt and feedback times; nil means time.Now.
	Now func() time.Time
}

var _ Store = (*DB)(nil)

// OpenSQLite opens (creating it and its folder if need be) the SQLite
// database at path, in WAL mode so that readers never wait for the writer,
// and migrates it.
func OpenSQLite(ctx context.Context, file string) (*DB, error) {
	if dir := filepath.Dir(file); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("open %s: %w", file, err)
		}
	}
	dsn := "file:" + file + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", file, err)
	}
	return open(ctx, db, "sqlite", file)
}

// OpenPostgres connects to the PostgreSQL database at url
// ("postgres://user:password@host:5432/db?sslmode=...") and migrates it.
// Several processes may share it.
func OpenPostgres(ctx context.Context, url string) (*DB, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("open postgres: %w", err)
	}
	db.SetMaxOpenConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return open(ctx, db, "postgres", "postgres")
}

func open(ctx context.Context, db *sql.DB, dialect, name string) (*DB, error) {
	d := &DB{db: db, dialect: dialect}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", name, err)
	}
	if err := d.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate %s: %w", name, err)
	}
	return d, nil
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// Dialect returns "sqlite" or "postgres".
func (d *DB) Dialect() string { return d.dialect }

func (d *DB) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

// q rewrites the ? placeholders of a query for PostgreSQL ($1, $2, ...).
func (d *DB) q(query string) string {
	if d.dialect != "postgres" {
		return query
	}
	var b strings.Builder
	n := 0
	for _, r := range query {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// tx runs f in a transaction, committed when f returns nil.
func (d *DB) tx(ctx context.Context, f func(tx *sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// migrate applies the migrations of the dialect that the database has not
// seen, in order, each in its own transaction. On PostgreSQL an advisory
// lock keeps replicas that start together from migrating twice.
func (d *DB) migrate(ctx context.Context) error {
	dir := path.Join("migrations", d.dialect)
	entries, err := fs.ReadDir(migrations, dir)
	if err != nil {
		return err
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	if _, err := d.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		return err
	}
	for _, e := range entries {
		v, err := strconv.Atoi(strings.SplitN(e.Name(), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		script, err := fs.ReadFile(migrations, path.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		err = d.tx(ctx, func(tx *sql.Tx) error {
			if d.dialect == "postgres" {
				if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7175010)`); err != nil {
					return err
				}
			}
			var n int
			if err := tx.QueryRowContext(ctx, d.q(`SELECT COUNT(*) FROM schema_migrations WHERE version = ?`), v).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			for _, stmt := range splitSQL(string(script)) {
				if _, err := tx.ExecContext(ctx, stmt); err != nil {
					return fmt.Errorf("%s: %w", e.Name(), err)
				}
			}
			_, err := tx.ExecContext(ctx, d.q(`INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`), v, d.now().UnixMilli())
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// splitSQL splits a migration into statements at semicolons that end a
// line, dropping comment lines.
func splitSQL(script string) []string {
	var out []string
	var cur strings.Builder
	for _, line := range strings.Split(script, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		cur.WriteString(line)
		cur.WriteString("\n")
		if strings.HasSuffix(t, ";") {
			out = append(out, strings.TrimSpace(cur.String()))
			cur.Reset()
		}
	}
	if s := strings.TrimSpace(cur.String()); s != "" {
		out = append(out, s)
	}
	return out
}

const articleColumns = `id, scope, title, byline, published, lang, caption, canonical, site_name, source_url, added_by, added_by_name, added_at, body`

type scanner interface{ Scan(...any) error }

func scanArticle(s scanner) (Article, error) {
	var (
		a     Article
		added int64
		body  string
	)
	err := s.Scan(&a.ID, &a.Scope, &a.Title, &a.Byline, &a.Published, &a.Lang, &a.Caption, &a.Canonical, &a.SiteName, &a.SourceURL, &a.AddedBy, &a.AddedByName, &added, &body)
	if err != nil {
		return a, err
	}
	a.AddedAt = time.UnixMilli(added).UTC()
	if err := json.Unmarshal([]byte(body), &a.Paragraphs); err != nil {
		return a, fmt.Errorf("article %d: %w", a.ID, err)
	}
	return a, nil
}

// AddArticle implements Store.
func (d *DB) AddArticle(ctx context.Context, a Article, max int) (Article, error) {
	if a.Scope == "" {
		return a, errors.New("store: article without a scope")
	}
	if len(a.Paragraphs) == 0 {
		return a, errors.New("store: article without text")
	}
	body, err := json.Marshal(a.Paragraphs)
	if err != nil {
		return a, err
	}
	if a.AddedAt.IsZero() {
		a.AddedAt = d.now()
	}
	a.AddedAt = a.AddedAt.UTC().Truncate(time.Millisecond)
	var dup Article
	err = d.tx(ctx, func(tx *sql.Tx) error {
		if d.dialect == "postgres" {
			// Adds to one scope take turns, so that the cap and the
			// duplicate check hold across replicas (SQLite's immediate
			// transactions already take turns).
			if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext($1))`, a.Scope); err != nil {
				return err
			}
		}
		for _, u := range []string{a.SourceURL, a.Canonical} {
			if u == "" {
				continue
			}
			row := tx.QueryRowContext(ctx, d.q(`SELECT `+articleColumns+` FROM articles WHERE scope = ? AND (source_url = ? OR canonical = ?) ORDER BY id LIMIT 1`), a.Scope, u, u)
			old, err := scanArticle(row)
			if err == nil {
				dup = old
				return ErrDuplicate
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		}
		if max > 0 {
			var n int
			if err := tx.QueryRowContext(ctx, d.q(`SELECT COUNT(*) FROM articles WHERE scope = ?`), a.Scope).Scan(&n); err != nil {
				return err
			}
			if n >= max {
				return ErrFull
			}
		}
		return tx.QueryRowContext(ctx, d.q(`INSERT INTO articles (scope, title, byline, published, lang, caption, canonical, site_name, source_url, added_by, added_by_name, added_at, body)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
			a.Scope, a.Title, a.Byline, a.Published, a.Lang, a.Caption, a.Canonical, a.SiteName, a.SourceURL, a.AddedBy, a.AddedByName, a.AddedAt.UnixMilli(), string(body)).Scan(&a.ID)
	})
	if errors.Is(err, ErrDuplicate) {
		return dup, ErrDuplicate
	}
	if err != nil {
		return a, fmt.Errorf("add article: %w", err)
	}
	return a, nil
}

// Articles implements Store.
func (d *DB) Articles(ctx context.Context, scope string) ([]Article, error) {
	rows, err := d.db.QueryContext(ctx, d.q(`SELECT `+articleColumns+` FROM articles WHERE scope = ? ORDER BY id`), scope)
	if err != nil {
		return nil, fmt.Errorf("articles: %w", err)
	}
	defer rows.Close()
	var out []Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, fmt.Errorf("articles: %w", err)
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Article implements Store.
func (d *DB) Article(ctx context.Context, scope string, id int64) (Article, error) {
	a, err := scanArticle(d.db.QueryRowContext(ctx, d.q(`SELECT `+articleColumns+` FROM articles WHERE scope = ? AND id = ?`), scope, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	return a, err
}

// RemoveArticle implements Store.
func (d *DB) RemoveArticle(ctx context.Context, scope string, id int64) error {
	res, err := d.db.ExecContext(ctx, d.q(`DELETE FROM articles WHERE scope = ? AND id = ?`), scope, id)
	if err != nil {
		return fmt.Errorf("remove article: %w", err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return ErrNotFound
	}
	return nil
}

// Scopes implements Store.
func (d *DB) Scopes(ctx context.Context) ([]string, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT DISTINCT scope FROM articles ORDER BY scope`)
	if err != nil {
		return nil, fmt.Errorf("scopes: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Normalize is how questions are grouped in reports: lower case, white
// space folded, closing punctuation dropped.
func Normalize(q string) string {
	q = strings.ToLower(strings.Join(strings.Fields(q), " "))
	return strings.TrimRightFunc(q, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}

// AddFeedback implements Store.
func (d *DB) AddFeedback(ctx context.Context, f Feedback) error {
	switch f.Kind {
	case KindUp, KindDown, KindDeclined:
	default:
		return fmt.Errorf("store: unknown feedback kind %q", f.Kind)
	}
	if f.At.IsZero() {
		f.At = d.now()
	}
	if f.Kind != KindDeclined && (f.Voter == "" || f.Target == "") {
		return errors.New("store: a vote needs a target and a voter")
	}
	_, err := d.db.ExecContext(ctx, d.q(`INSERT INTO feedback (scope, kind, target, voter, question, norm, answer, quote, article_id, article, lang, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (scope, target, voter) WHERE voter <> '' DO UPDATE SET kind = excluded.kind, at = excluded.at`),
		f.Scope, f.Kind, f.Target, f.Voter, f.Question, Normalize(f.Question), f.Answer, f.Quote, f.ArticleID, f.Article, f.Lang, f.At.UnixMilli())
	if err != nil {
		return fmt.Errorf("add feedback: %w", err)
	}
	return nil
}

// Report implements Store.
func (d *DB) Report(ctx context.Context, scope string, limit int) (Report, error) {
	if limit <= 0 {
		limit = 10
	}
	var r Report
	rows, err := d.db.QueryContext(ctx, d.q(`SELECT MIN(question), MIN(lang), COUNT(*), MAX(at) FROM feedback
		WHERE scope = ? AND kind = 'declined' GROUP BY norm ORDER BY COUNT(*) DESC, MAX(at) DESC LIMIT ?`), scope, limit)
	if err != nil {
		return r, fmt.Errorf("report: %w", err)
	}
	for rows.Next() {
		var (
			u    Unanswered
			last int64
		)
		if err := rows.Scan(&u.Question, &u.Lang, &u.Count, &last); err != nil {
			rows.Close()
			return r, err
		}
		u.Last = time.UnixMilli(last).UTC()
		r.Unanswered = append(r.Unanswered, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return r, err
	}
	rows, err = d.db.QueryContext(ctx, d.q(`SELECT article_id, MIN(article), MIN(question), MIN(answer), quote,
			SUM(CASE WHEN kind = 'down' THEN 1 ELSE 0 END), SUM(CASE WHEN kind = 'up' THEN 1 ELSE 0 END)
		FROM feedback WHERE scope = ? AND kind IN ('up', 'down')
		GROUP BY article_id, quote, norm
		HAVING SUM(CASE WHEN kind = 'down' THEN 1 ELSE 0 END) > 0
		ORDER BY article_id, SUM(CASE WHEN kind = 'down' THEN 1 ELSE 0 END) DESC, MIN(question) LIMIT ?`), scope, limit)
	if err != nil {
		return r, fmt.Errorf("report: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v DownVoted
		if err := rows.Scan(&v.ArticleID, &v.Article, &v.Question, &v.Answer, &v.Quote, &v.Down, &v.Up); err != nil {
			return r, err
		}
		r.DownVoted = append(r.DownVoted, v)
	}
	return r, rows.Err()
}

// Key implements Store.
func (d *DB) Key(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, err
	}
	var key []byte
	err := d.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, d.q(`INSERT INTO keys (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`), name, fresh); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, d.q(`SELECT value FROM keys WHERE name = ?`), name).Scan(&key)
	})
	if err != nil {
		return nil, fmt.Errorf("key %s: %w", name, err)
	}
	return key, nil
}

// Exec runs a statement outside the Store interface: administration and
// tests (creating a schema).
func (d *DB) Exec(ctx context.Context, query string, args ...any) error {
	_, err := d.db.ExecContext(ctx, d.q(query), args...)
	return err
}
