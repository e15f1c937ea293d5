package timex

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sync"
)

// Languages are the time words of the languages of a data folder, each
// compiled from its time.json the first time it is asked for: compiling
// all ten was a sixth of what a one-question process did before its
// answer, which needs one or two. Languages are safe for concurrent use.
type Languages struct {
	byCode map[string]*lazyLanguage
}

type lazyLanguage struct {
	once       sync.Once
	fsys       fs.FS
	code, path string
	l          *Language
	err        error
}

// OpenLanguages lists data/*/time.json of fsys (lang.Data in production)
// without reading them; it fails when there is none.
func OpenLanguages(fsys fs.FS) (*Languages, error) {
	names, err := fs.Glob(fsys, "data/*/time.json")
	if err != nil {
		return nil, fmt.Errorf("list time.json files: %w", err)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("load languages: no data/*/time.json")
	}
	s := &Languages{byCode: make(map[string]*lazyLanguage, len(names))}
	for _, name := range names {
		code := path.Base(path.Dir(name))
		s.byCode[code] = &lazyLanguage{fsys: fsys, code: code, path: name}
	}
	return s, nil
}

// Get returns the time words of language code, compiled on first use;
// nil and no error when the folder (or a nil set) has none for it.
func (s *Languages) Get(code string) (*Language, error) {
	if s == nil {
		return nil, nil
	}
	ll := s.byCode[code]
	if ll == nil {
		return nil, nil
	}
	ll.once.Do(func() {
		b, err := fs.ReadFile(ll.fsys, ll.path)
		if err != nil {
			ll.err = fmt.Errorf("load %s: %w", ll.path, err)
			return
		}
		if ll.l, err = ParseLanguage(ll.code, b); err != nil {
			ll.err = fmt.Errorf("load %s: %w", ll.path, err)
		}
	})
	return ll.l, ll.err
}

// All compiles every language and returns them by code, or the first
// error in code order.
func (s *Languages) All() (map[string]*Language, error) {
	out := make(map[string]*Language, len(s.byCode))
	codes := make([]string, 0, len(s.byCode))
	for code := range s.byCode {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		l, err := s.Get(code)
		if err != nil {
			return nil, err
		}
		out[code] = l
	}
	return out, nil
}
