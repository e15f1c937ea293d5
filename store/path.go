package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
)

// Environment variables that choose the database.
const (
	EnvDB          = "QABOT_DB"           // the SQLite file
	EnvDatabaseURL = "QABOT_DATABASE_URL" // a PostgreSQL URL; wins over QABOT_DB
)

// DefaultPath returns the SQLite file to use: QABOT_DB when set, else
// qabot.db in the user's data folder ($XDG_DATA_HOME/qabot, or
// ~/.local/share/qabot on Linux and other Unix systems, ~/Library/Application
// Support/qabot on macOS, %LocalAppData%\qabot on Windows). Only getenv
// is read, so a program given a made-up environment never touches the
// user's real database; without any of these variables it is
// ErrNoDatabase.
func DefaultPath(getenv func(string) string) (string, error) {
	if p := getenv(EnvDB); p != "" {
		return p, nil
	}
	dir := dataDir(getenv)
	if dir == "" {
		return "", fmt.Errorf("%w: set %s to the database file", ErrNoDatabase, EnvDB)
	}
	return filepath.Join(dir, "qabot", "qabot.db"), nil
}

func dataDir(getenv func(string) string) string {
	switch runtime.GOOS {
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return d
		}
	case "darwin":
		if h := home(getenv); h != "" {
			return filepath.Join(h, "Library", "Application Support")
		}
	}
	if d := getenv("XDG_DATA_HOME"); d != "" && filepath.IsAbs(d) {
		return d
	}
	if h := home(getenv); h != "" {
		return filepath.Join(h, ".local", "share")
	}
	return ""
}

func home(getenv func(string) string) string {
	if h := getenv("HOME"); h != "" && filepath.IsAbs(h) {
		return h
	}
	return getenv("USERPROFILE")
}

// ErrNoDatabase means no database exists yet where one would be opened.
var ErrNoDatabase = errors.New("no database yet")
