package store

import (
	"errors"
	"os"
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
// Support/qabot on macOS, %LocalAppData%\qabot on Windows).
func DefaultPath(getenv func(string) string) (string, error) {
	if p := getenv(EnvDB); p != "" {
		return p, nil
	}
	return filepath.Join(dataDir(getenv), "qabot", "qabot.db"), nil
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
	return os.TempDir()
}

func home(getenv func(string) string) string {
	if h := getenv("HOME"); h != "" {
		return h
	}
	h, _ := os.UserHomeDir()
	return h
}

// ErrNoDatabase means no database exists yet where one would be opened.
var ErrNoDatabase = errors.New("no database yet")
