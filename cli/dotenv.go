package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"syscall"
	"unicode"
)

// maxDotenvBytes bounds a .env file: settings take a few hundred bytes.
const maxDotenvBytes = 1 << 20

// readDotenv reads the variables of a .env file. The file must be a
// regular file (not a pipe, which would block, nor a device) of at most
// maxDotenvBytes. Errors name the file and the line and never quote the
// file's text: the line at fault is as likely to hold the bot token as
// anything else. A missing file is no error and no variables.
func readDotenv(name string) (map[string]string, error) {
	info, err := os.Stat(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("%s is not a regular file", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxDotenvBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > maxDotenvBytes {
		return nil, fmt.Errorf("%s is larger than %d bytes", name, maxDotenvBytes)
	}
	return parseDotenv(name, data)
}

// parseDotenv reads the format of github.com/joho/godotenv, which the
// project used before and whose files must keep working: KEY=VALUE or
// KEY: VALUE lines, an optional "export " prefix, # comments (after a
// space in unquoted values), single-quoted values taken literally,
// double-quoted values with \n escapes that may span lines, and $VAR or
// ${VAR} in unquoted and double-quoted values replaced by a variable set
// earlier in the file.
func parseDotenv(name string, src []byte) (map[string]string, error) {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	vars := map[string]string{}
	line := 1
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...))
	}
	for len(src) > 0 {
		// Blank lines and comments.
		c := src[0]
		switch {
		case c == '\n':
			line++
			src = src[1:]
			continue
		case isBlank(rune(c)):
			src = src[1:]
			continue
		case c == '#':
			if i := bytes.IndexByte(src, '\n'); i >= 0 {
				src = src[i:]
			} else {
				src = nil
			}
			continue
		}
		// The name.
		if rest, ok := bytes.CutPrefix(src, []byte("export")); ok && len(rest) > 0 && isBlank(rune(rest[0])) {
			src = bytes.TrimLeftFunc(rest, isBlank)
		}
		end := bytes.IndexFunc(src, func(r rune) bool { return !isNameRune(r) })
		if end <= 0 {
			return nil, fail("want NAME=VALUE")
		}
		key := string(src[:end])
		src = bytes.TrimLeftFunc(src[end:], isBlank)
		if len(src) == 0 || src[0] != '=' && src[0] != ':' {
			return nil, fail("want NAME=VALUE")
		}
		src = bytes.TrimLeftFunc(src[1:], isBlank)
		// The value.
		var value string
		if len(src) > 0 && (src[0] == '"' || src[0] == '\'') {
			q := src[0]
			close := closingQuote(src, q)
			if close < 0 {
				return nil, fail("the value of %s opens a quote that is never closed", key)
			}
			value = string(src[1:close])
			start := line
			line += strings.Count(value, "\n")
			if q == '"' {
				value = expandVars(unescape(value), vars)
			}
			rest := src[close+1:]
			eol := bytes.IndexByte(rest, '\n')
			if eol < 0 {
				eol = len(rest)
			}
			if after := bytes.TrimLeftFunc(rest[:eol], isBlank); len(after) > 0 && after[0] != '#' {
				line = start
				return nil, fail("the value of %s has text after its closing quote", key)
			}
			src = rest[eol:]
		} else {
			eol := bytes.IndexByte(src, '\n')
			if eol < 0 {
				eol = len(src)
			}
			v := []rune(string(src[:eol]))
			for i := 1; i < len(v); i++ {
				if v[i] == '#' && isBlank(v[i-1]) {
					v = v[:i]
					break
				}
			}
			value = expandVars(strings.TrimFunc(string(v), isBlank), vars)
			src = src[eol:]
		}
		vars[key] = value
	}
	return vars, nil
}

// closingQuote returns the index of the quote q that closes the value
// opened at src[0], skipping quotes escaped with a backslash; -1 if none.
func closingQuote(src []byte, q byte) int {
	for i := 1; i < len(src); i++ {
		if src[i] == q && src[i-1] != '\\' {
			return i
		}
	}
	return -1
}

func isBlank(r rune) bool {
	switch r {
	case '\t', '\v', '\f', '\r', ' ', 0x85, 0xA0:
		return true
	}
	return false
}

func isNameRune(r rune) bool {
	return r == '_' || r == '.' || unicode.IsLetter(r) || unicode.IsNumber(r)
}

var (
	escapeRe   = regexp.MustCompile(`\\.`)
	unescapeRe = regexp.MustCompile(`\\([^$])`)
	varRe      = regexp.MustCompile(`(\\)?(\$)(\()?\{?([A-Z0-9_]+)?\}?`)
)

// unescape reads \n and \r in a double-quoted value and drops the
// backslash of other escapes except \$, as godotenv does.
func unescape(s string) string {
	s = escapeRe.ReplaceAllStringFunc(s, func(m string) string {
		switch m[1] {
		case 'n':
			return "\n"
		case 'r':
			return "\r"
		}
		return m
	})
	return unescapeRe.ReplaceAllString(s, "$1")
}

// expandVars replaces $VAR and ${VAR} with the variables read so far;
// \$ is a dollar sign.
func expandVars(s string, vars map[string]string) string {
	return varRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := varRe.FindStringSubmatch(m)
		switch {
		case sub[1] == `\` || sub[3] == "(":
			return m[1:]
		case sub[4] != "":
			return vars[sub[4]]
		}
		return m
	})
}
