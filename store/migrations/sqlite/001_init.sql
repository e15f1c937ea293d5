-- Articles, feedback and keys. Times are Unix milliseconds.
CREATE TABLE articles (
	id            INTEGER PRIMARY KEY AUTOINCREMENT,
	scope         TEXT    NOT NULL,
	title         TEXT    NOT NULL,
	byline        TEXT    NOT NULL DEFAULT '',
	published     TEXT    NOT NULL DEFAULT '',
	lang          TEXT    NOT NULL DEFAULT '',
	caption       TEXT    NOT NULL DEFAULT '',
	canonical     TEXT    NOT NULL DEFAULT '',
	site_name     TEXT    NOT NULL DEFAULT '',
	source_url    TEXT    NOT NULL DEFAULT '',
	added_by      TEXT    NOT NULL DEFAULT '',
	added_by_name TEXT    NOT NULL DEFAULT '',
	added_at      INTEGER NOT NULL,
	body          TEXT    NOT NULL
);
CREATE INDEX articles_scope ON articles (scope, id);

CREATE TABLE feedback (
	id         INTEGER PRIMARY KEY AUTOINCREMENT,
	scope      TEXT    NOT NULL,
	kind       TEXT    NOT NULL,
	target     TEXT    NOT NULL DEFAULT '',
	voter      TEXT    NOT NULL DEFAULT '',
	question   TEXT    NOT NULL,
	norm       TEXT    NOT NULL,
	answer     TEXT    NOT NULL DEFAULT '',
	quote      TEXT    NOT NULL DEFAULT '',
	article_id TEXT    NOT NULL DEFAULT '',
	article    TEXT    NOT NULL DEFAULT '',
	lang       TEXT    NOT NULL DEFAULT '',
	at         INTEGER NOT NULL
);
CREATE UNIQUE INDEX feedback_vote ON feedback (scope, target, voter) WHERE voter <> '';
CREATE INDEX feedback_scope ON feedback (scope, kind, norm);

CREATE TABLE keys (
	name  TEXT PRIMARY KEY,
	value BLOB NOT NULL
);
