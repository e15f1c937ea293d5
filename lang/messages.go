package lang

import (
	"slices"
	"strings"
)

// Message returns the text of message id with its {placeholders} replaced
// by args. A placeholder without an arg stays as written, so a missing
// argument shows in the output instead of vanishing. An unknown id returns
// the id itself: message ids are program constants, and every language is
// filled with English for the ids it lacks when it is loaded.
func (l *Language) Message(id string, args map[string]string) string {
	tmpl, ok := l.messages[id]
	if !ok {
		return id
	}
	return expand(tmpl, args)
}

// HasMessage reports whether the language's own catalogue, or the English
// fallback, has message id.
func (l *Language) HasMessage(id string) bool {
	_, ok := l.messages[id]
	return ok
}

// MessageIDs returns the message ids of the language, sorted.
func (l *Language) MessageIDs() []string {
	ids := make([]string, 0, len(l.messages))
	for id := range l.messages {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids
}

// expand replaces {name} placeholders of tmpl by args[name].
func expand(tmpl string, args map[string]string) string {
	if len(args) == 0 || !strings.Contains(tmpl, "{") {
		return tmpl
	}
	var b strings.Builder
	b.Grow(len(tmpl))
	for {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(tmpl[open:], '}')
		if end < 0 {
			break
		}
		name := tmpl[open+1 : open+end]
		v, ok := args[name]
		if !ok || !isPlaceholderName(name) {
			b.WriteString(tmpl[:open+1])
			tmpl = tmpl[open+1:]
			continue
		}
		b.WriteString(tmpl[:open])
		b.WriteString(v)
		tmpl = tmpl[open+end+1:]
	}
	b.WriteString(tmpl)
	return b.String()
}

// placeholders returns the sorted, distinct {names} of tmpl.
func placeholders(tmpl string) []string {
	var names []string
	for {
		open := strings.IndexByte(tmpl, '{')
		if open < 0 {
			break
		}
		end := strings.IndexByte(tmpl[open:], '}')
		if end < 0 {
			break
		}
		name := tmpl[open+1 : open+end]
		if isPlaceholderName(name) {
			names = append(names, name)
			tmpl = tmpl[open+end+1:]
		} else {
			tmpl = tmpl[open+1:]
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

func isPlaceholderName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}
