package lang

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// otherDir holds language-identification text for languages qabot does not
// support (data/other/<code>.txt), so the detector can recognise them and
// say so instead of guessing a supported language.
const otherDir = "other"

// Registry is the set of loaded languages. It is read-only after Load and
// safe for concurrent use.
type Registry struct {
	langs    []*Language
	byCode   map[string]*Language
	byLocale map[string]*Language
	others   map[string][]byte

	stopsOnce sync.Once
	stops     map[string][]int // stopLanguages
}

// Get returns the language with ISO 639-1 code code ("fr").
func (r *Registry) Get(code string) (*Language, bool) {
	l, ok := r.byCode[strings.ToLower(code)]
	return l, ok
}

// Languages returns every language, ordered by code.
func (r *Registry) Languages() []*Language { return slices.Clone(r.langs) }

// ForLocale returns the language of a Discord locale: "pt-BR" -> pt,
// "es-419" -> es, "sv-SE" -> sv, "no" -> nb. Locales listed in meta.json
// match first; otherwise the primary subtag is tried as a code, so "pt-PT"
// and "fr-CA" work too.
func (r *Registry) ForLocale(locale string) (*Language, bool) {
	key := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(locale), "_", "-"))
	if l, ok := r.byLocale[key]; ok {
		return l, true
	}
	primary, _, _ := strings.Cut(key, "-")
	if l, ok := r.byLocale[primary]; ok {
		return l, true
	}
	l, ok := r.byCode[primary]
	return l, ok
}

// Load reads every language directory data/<code>/ of fsys (pass Data, or
// an fstest.MapFS in tests). It collects every problem it finds into an
// ErrorList instead of stopping at the first, and returns the registry of
// the languages that loaded along with that list: a language whose
// meta.json or stemmer is bad is left out, while a bad line elsewhere only
// loses that line. The returned *Registry is never nil.
//
// Required per language: meta.json, stopwords.txt, questions.tsv,
// messages.json. Optional: numbers.tsv, langid.txt, translit.tsv,
// lexicon.tsv, places.tsv, orgs.tsv, separable.txt. (time.json belongs to corpus/timex,
// which reads it itself.)
func Load(fsys fs.FS) (*Registry, error) {
	r := &Registry{byCode: map[string]*Language{}, byLocale: map[string]*Language{}, others: map[string][]byte{}}
	var errs ErrorList
	entries, err := fs.ReadDir(fsys, "data")
	if err != nil {
		errs.Add("data", 0, err)
		return r, errs.Err()
	}
	// The embedded data's bilingual tables are checked line by line by
	// TestEmbeddedGlossesClean, not at every start, where it was a fifth
	// of what a one-question process did.
	embedded := fsys == fs.FS(Data)
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := path.Join("data", e.Name())
		if e.Name() == otherDir {
			r.loadOthers(fsys, dir, &errs)
			continue
		}
		l, ok := loadLanguage(fsys, dir, e.Name(), !embedded, &errs)
		if !ok {
			continue
		}
		l.embedded = embedded
		r.langs = append(r.langs, l)
		r.byCode[l.Code] = l
	}
	slices.SortFunc(r.langs, func(a, b *Language) int { return strings.Compare(a.Code, b.Code) })
	for _, l := range r.langs {
		for _, loc := range l.Locales {
			key := strings.ToLower(strings.ReplaceAll(loc, "_", "-"))
			if other, dup := r.byLocale[key]; dup && other != l {
				errs.Add(path.Join("data", l.Code, "meta.json"), 0, fmt.Errorf("locale %q is also claimed by %s", loc, other.Code))
				continue
			}
			r.byLocale[key] = l
		}
	}
	r.checkMessages(&errs)
	errs.Sort()
	return r, errs.Err()
}

type meta struct {
	Code    string   `json:"code"`
	Name    string   `json:"name"`
	English string   `json:"english"`
	Stemmer string   `json:"stemmer"`
	Locales []string `json:"locales"`
	// CompoundLinks, for a language that writes compounds as one word,
	// are the joining letters between two parts (lang.SplitCompound).
	CompoundLinks []string `json:"compound_links"`
}

func loadLanguage(fsys fs.FS, dir, name string, checkGlossLines bool, errs *ErrorList) (*Language, bool) {
	metaPath := path.Join(dir, "meta.json")
	data, err := fs.ReadFile(fsys, metaPath)
	if err != nil {
		errs.Add(metaPath, 0, err)
		return nil, false
	}
	var m meta
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		errs.Add(metaPath, 0, fmt.Errorf("decode: %w", err))
		return nil, false
	}
	switch {
	case m.Code != name:
		errs.Add(metaPath, 0, fmt.Errorf("code %q does not match directory %q", m.Code, name))
		return nil, false
	case m.Name == "" || m.English == "":
		errs.Add(metaPath, 0, errors.New("name and english are required"))
		return nil, false
	}
	stem, err := stemmer(m.Stemmer)
	if err != nil {
		errs.Add(metaPath, 0, err)
		return nil, false
	}
	l := &Language{
		Code: m.Code, Name: m.Name, English: m.English, Locales: m.Locales, Stemmer: m.Stemmer,
		stem:      stem,
		stop:      map[string]struct{}{},
		questions: newPhrases[Question](),
		numbers:   map[string]Number{},
		messages:  map[string]string{},
	}
	if len(m.CompoundLinks) > 0 {
		l.compoundLinks = append([]string{""}, m.CompoundLinks...)
	}
	file := func(base string, required bool) ([]byte, string, bool) {
		p := path.Join(dir, base)
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			if required || !errors.Is(err, fs.ErrNotExist) {
				errs.Add(p, 0, err)
			}
			return nil, p, false
		}
		return data, p, true
	}
	if data, _, ok := file("stopwords.txt", true); ok {
		eachLine(data, func(_ int, line string) {
			for _, w := range strings.Fields(line) {
				l.stop[Fold(w)] = struct{}{}
			}
		})
	}
	if data, _, ok := file("separable.txt", false); ok {
		l.particles = map[string]struct{}{}
		eachLine(data, func(_ int, line string) {
			for _, w := range strings.Fields(line) {
				l.particles[Fold(w)] = struct{}{}
			}
		})
	}
	if data, p, ok := file("questions.tsv", true); ok {
		loadQuestions(l, data, p, errs)
	}
	if data, p, ok := file("numbers.tsv", false); ok {
		loadNumbers(l, data, p, errs)
	}
	if data, p, ok := file("messages.json", true); ok {
		if err := json.Unmarshal(data, &l.messages); err != nil {
			errs.Add(p, 0, fmt.Errorf("decode: %w", err))
		}
	}
	if data, p, ok := file("translit.tsv", false); ok {
		loadTranslit(l, data, p, errs)
	}
	// The bilingual tables are thousands of lines a language; folding
	// them all at start would cost more than everything else together. They
	// are checked line by line now (unless they are the embedded ones,
	// which the tests check) and built on first use.
	for i, base := range glossFiles {
		if data, p, ok := file(base, false); ok {
			if checkGlossLines {
				checkGlosses(data, p, errs)
			}
			l.glosses[i] = glossTable{data: data, path: p}
		}
	}
	// The concept tables are megabytes: they are read when first used.
	if p := path.Join(dir, ConceptFile); exists(fsys, p) {
		l.concepts = Concepts{fsys: fsys, path: p, compounds: l.Compounds()}
	}
	if data, _, ok := file("langid.txt", false); ok {
		l.langid = data
	}
	return l, true
}

// eachLine calls fn for every line of data that is not blank or a comment,
// with its 1-based number and without surrounding spaces or "\r".
func eachLine(data []byte, fn func(n int, line string)) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, " \t\r")
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		fn(n+1, line)
	}
}

// fields splits a TSV line and trims each field.
func fields(line string) []string {
	f := strings.Split(line, "\t")
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	return f
}

func loadQuestions(l *Language, data []byte, p string, errs *ErrorList) {
	eachLine(data, func(n int, line string) {
		f := fields(line)
		if len(f) < 2 || len(f) > 3 || f[0] == "" {
			errs.Add(p, n, fmt.Errorf("want phrase<TAB>kind[<TAB>start], got %q", line))
			return
		}
		q := Question{Kind: Kind(f[1])}
		if !validKind(q.Kind) {
			errs.Add(p, n, fmt.Errorf("unknown kind %q", f[1]))
			return
		}
		if len(f) == 3 {
			if f[2] != "start" {
				errs.Add(p, n, fmt.Errorf("third field must be \"start\", got %q", f[2]))
				return
			}
			q.AtStart = true
		}
		// Accented and unaccented spellings fold to one key. When they mean
		// different things ("où" where, "ou" where-or-"or"), the accented
		// line keeps its meaning for accented input and the unaccented line
		// decides how unaccented text reads.
		key, _ := phraseKey(f[0])
		if key == "" {
			errs.Add(p, n, fmt.Errorf("phrase %q has no words", f[0]))
			return
		}
		if prev, ok := l.questions.exact[lowerKey(f[0])]; ok && prev != q {
			errs.Add(p, n, fmt.Errorf("phrase %q is already %v", f[0], prev))
			return
		}
		l.questions.setExact(f[0], q)
		old, dup := l.questions.m[key]
		_, unaccentedListed := l.questions.exact[key]
		switch {
		case !dup || old == q:
			l.questions.set(f[0], q, nil)
		case lowerKey(f[0]) == key:
			l.questions.m[key] = q // the unaccented spelling decides
		case !unaccentedListed:
			errs.Add(p, n, fmt.Errorf("phrase %q folds to %q, which is already %v", f[0], key, old))
		}
	})
}

func loadNumbers(l *Language, data []byte, p string, errs *ErrorList) {
	eachLine(data, func(n int, line string) {
		f := fields(line)
		if len(f) < 2 || len(f) > 3 || f[0] == "" {
			errs.Add(p, n, fmt.Errorf("want word<TAB>value[<TAB>ordinal|conj], got %q", line))
			return
		}
		v, err := strconv.ParseInt(f[1], 10, 64)
		if err != nil || v < 0 {
			errs.Add(p, n, fmt.Errorf("bad value %q", f[1]))
			return
		}
		num := Number{Value: v}
		if len(f) == 3 {
			switch f[2] {
			case "ordinal":
				num.Ordinal = true
			case "conj":
				num.Conj = true
			default:
				errs.Add(p, n, fmt.Errorf("third field must be ordinal or conj, got %q", f[2]))
				return
			}
		}
		word := Fold(f[0])
		if toks := Tokens(word); len(toks) != 1 || toks[0].Text != word {
			errs.Add(p, n, fmt.Errorf("number word %q is not a single token", f[0]))
			return
		}
		if old, ok := l.numbers[word]; ok && old != num {
			errs.Add(p, n, fmt.Errorf("word %q is already %+v", f[0], old))
			return
		}
		l.numbers[word] = num
	})
}

func loadTranslit(l *Language, data []byte, p string, errs *ErrorList) {
	t := newTransliterator()
	eachLine(data, func(n int, line string) {
		f := fields(line)
		if len(f) == 1 {
			f = append(f, "") // a letter with no Latin spelling: ъ, ь
		}
		if len(f) != 2 || f[0] == "" || !utf8.ValidString(line) {
			errs.Add(p, n, fmt.Errorf("want letters<TAB>latin[|latin...] in UTF-8, got %q", line))
			return
		}
		alts := strings.Split(f[1], "|")
		if utf8RuneCount(f[0]) > 8 {
			errs.Add(p, n, fmt.Errorf("key %q is longer than 8 letters", f[0]))
			return
		}
		if err := t.add(f[0], alts); err != nil {
			errs.Add(p, n, err)
		}
	})
	l.translit = t
}

func utf8RuneCount(s string) int { return len([]rune(s)) }

// loadGlosses reads "phrase<TAB>english[|english...]" files. A phrase
// listed twice gets the union of its glosses: lexicons are generated from
// several sources, and a repeat is not a mistake.
// glossFiles are the bilingual tables, in the order of Language.glosses.
var glossFiles = [...]string{"lexicon.tsv", "places.tsv", "orgs.tsv"}

// A glossTable is a bilingual table read from its file on first use.
type glossTable struct {
	data []byte
	path string
	once sync.Once
	t    *Phrases[[]string]
}

func (g *glossTable) get() *Phrases[[]string] {
	g.once.Do(func() {
		g.t = newPhrases[[]string]()
		var errs ErrorList // already reported by checkGlosses at Load
		loadGlosses(g.t, g.data, g.path, &errs)
	})
	return g.t
}

// checkGlosses reports the lines of a bilingual table that loadGlosses
// would skip, without the cost of building the table.
func checkGlosses(data []byte, p string, errs *ErrorList) {
	eachLine(data, func(n int, line string) {
		f := fields(line)
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			errs.Add(p, n, fmt.Errorf("want phrase<TAB>english[|english...], got %q", line))
			return
		}
		if !strings.ContainsFunc(f[0], func(r rune) bool { return isLetter(r) || isDigit(r) }) {
			errs.Add(p, n, fmt.Errorf("phrase %q has no words", f[0]))
		}
	})
}

func loadGlosses(t *Phrases[[]string], data []byte, p string, errs *ErrorList) {
	merge := func(old, v []string) []string {
		out := slices.Clone(old)
		for _, g := range v {
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
		return out
	}
	eachLine(data, func(n int, line string) {
		f := fields(line)
		if len(f) < 2 || f[0] == "" || f[1] == "" {
			errs.Add(p, n, fmt.Errorf("want phrase<TAB>english[|english...], got %q", line))
			return
		}
		var glosses []string
		for _, g := range strings.Split(f[1], "|") {
			if g = strings.TrimSpace(g); g != "" {
				glosses = append(glosses, g)
			}
		}
		if key, _ := t.set(f[0], glosses, merge); key == "" {
			errs.Add(p, n, fmt.Errorf("phrase %q has no words", f[0]))
		}
	})
}

func (r *Registry) loadOthers(fsys fs.FS, dir string, errs *ErrorList) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		errs.Add(dir, 0, err)
		return
	}
	for _, e := range entries {
		code, ok := strings.CutSuffix(e.Name(), ".txt")
		if e.IsDir() || !ok {
			continue
		}
		p := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			errs.Add(p, 0, err)
			continue
		}
		r.others[code] = data
	}
}

// checkMessages holds every catalogue to English: each language must have
// every id of en, with the same placeholders, and no id en lacks. A missing
// message is filled with the English one so the bot never shows an id.
func (r *Registry) checkMessages(errs *ErrorList) {
	en, ok := r.byCode["en"]
	if !ok {
		return
	}
	for _, l := range r.langs {
		if l == en {
			continue
		}
		p := path.Join("data", l.Code, "messages.json")
		for _, id := range en.MessageIDs() {
			text, ok := l.messages[id]
			if !ok {
				errs.Add(p, 0, fmt.Errorf("missing message %q", id))
				l.messages[id] = en.messages[id]
				continue
			}
			if want, got := placeholders(en.messages[id]), placeholders(text); !slices.Equal(got, want) {
				errs.Add(p, 0, fmt.Errorf("message %q has placeholders %v, want %v", id, got, want))
			}
		}
		for _, id := range l.MessageIDs() {
			if _, ok := en.messages[id]; !ok {
				errs.Add(p, 0, fmt.Errorf("message %q is not in en", id))
			}
		}
	}
}

// exists reports whether a file is there, without reading it.
func exists(fsys fs.FS, name string) bool {
	_, err := fs.Stat(fsys, name)
	return err == nil
}
