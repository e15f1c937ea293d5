package dictd

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
)

// Info describes a bilingual dictionary found by Discover.
type Info struct {
	// Name is the dictionary's path in the fs.FS without extension, as Open
	// and Glossary take it: "freedict-fra-eng", or "fra-eng/fra-eng" for
	// an unpacked FreeDict release.
	Name string
	// From and To are the ISO 639-1 codes of its languages ("fr", "en"),
	// the codes of package lang.
	From, To string
}

// Discover lists the dictionaries into English in the top directory of
// fsys and the directories directly under it: every name.index whose name
// ends in "-xxx-eng" (xxx an ISO 639-3 code qabot can map) and that has a
// name.dict.dz or name.dict beside it. The list is ordered by Name; a
// directory that cannot be read contributes nothing.
func Discover(fsys fs.FS) []Info {
	var out []Info
	scan := func(dir string) []fs.DirEntry {
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil {
			return nil
		}
		for _, e := range entries {
			base, ok := strings.CutSuffix(e.Name(), ".index")
			if e.IsDir() || !ok {
				continue
			}
			name := path.Join(dir, base)
			from, to, ok := languages(base)
			if !ok || to != "en" || from == "en" || !hasText(fsys, name) {
				continue
			}
			out = append(out, Info{Name: name, From: from, To: to})
		}
		return entries
	}
	for _, e := range scan(".") {
		if e.IsDir() {
			scan(e.Name())
		}
	}
	slices.SortFunc(out, func(a, b Info) int { return strings.Compare(a.Name, b.Name) })
	return out
}

func hasText(fsys fs.FS, name string) bool {
	for _, ext := range []string{".dict.dz", ".dict"} {
		if _, err := fs.Stat(fsys, name+ext); err == nil || !errors.Is(err, fs.ErrNotExist) {
			return true
		}
	}
	return false
}

// languages reads the language pair from a dictionary name whose last two
// hyphen-separated parts are ISO 639-3 codes: "freedict-fra-eng" -> fr, en.
func languages(name string) (from, to string, ok bool) {
	parts := strings.Split(name, "-")
	if len(parts) < 2 {
		return "", "", false
	}
	from, to = iso6391(parts[len(parts)-2]), iso6391(parts[len(parts)-1])
	return from, to, from != "" && to != ""
}

// iso6391 maps the ISO 639-3 codes FreeDict names its dictionaries with to
// ISO 639-1: qabot's ten languages, and the other European languages
// FreeDict has English dictionaries for, so a new lang/data directory
// finds its dictionary without a change here.
func iso6391(code string) string {
	switch strings.ToLower(code) {
	case "eng":
		return "en"
	case "fra":
		return "fr"
	case "spa":
		return "es"
	case "ita":
		return "it"
	case "por":
		return "pt"
	case "swe":
		return "sv"
	case "deu":
		return "de"
	case "hun":
		return "hu"
	case "rus":
		return "ru"
	case "nob":
		return "nb"
	case "nno":
		return "nn"
	case "nld":
		return "nl"
	case "dan":
		return "da"
	case "fin":
		return "fi"
	case "pol":
		return "pl"
	case "ces":
		return "cs"
	case "slk":
		return "sk"
	case "hrv":
		return "hr"
	case "srp":
		return "sr"
	case "bul":
		return "bg"
	case "ukr":
		return "uk"
	case "ell":
		return "el"
	case "tur":
		return "tr"
	case "ron":
		return "ro"
	case "lit":
		return "lt"
	case "lat":
		return "la"
	case "gle":
		return "ga"
	case "cym":
		return "cy"
	case "isl":
		return "is"
	case "sqi":
		return "sq"
	}
	return ""
}
