package corpus

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// A literalFilter rejects, without running a regular expression, lines
// that the expression cannot match: most lines a furniture rule sees hold
// none of its words, and the matcher costs far more than a few substring
// tests. It is worked out from the expression's syntax, so it only ever
// says no when the expression would too.
type literalFilter struct {
	// exact, when not nil, holds every string the expression can match.
	exact map[string]bool
	// any, when not nil, holds strings one of which every match contains.
	any []string
}

// maxLiteralSet bounds the sets of strings the filter works with: an
// expression with more alternatives is left to the matcher.
const maxLiteralSet = 64

// newLiteralFilter works out the filter of expression expr, as regexp
// parses it; a filter that lets every line through when expr says too
// little (or does not parse).
func newLiteralFilter(expr string) literalFilter {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return literalFilter{}
	}
	re = re.Simplify()
	var f literalFilter
	if set, ok := exactStrings(re); ok {
		f.exact = make(map[string]bool, len(set))
		for _, s := range set {
			f.exact[s] = true
		}
		return f
	}
	if set, ok := requiredStrings(re); ok {
		f.any = set
	}
	return f
}

// mayMatch reports whether the expression can match s whole.
func (f literalFilter) mayMatch(s string) bool {
	if f.exact != nil {
		return f.exact[s]
	}
	if f.any == nil {
		return true
	}
	for _, w := range f.any {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// exactStrings returns a set holding every string re matches, when re
// matches few enough strings; empty-width assertions (\b, ^, $) count as
// the empty string, which only makes the set larger.
func exactStrings(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 || hasRuneError(re.Rune) {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		return classStrings(re.Rune)
	case syntax.OpCapture:
		return exactStrings(re.Sub[0])
	case syntax.OpQuest:
		set, ok := exactStrings(re.Sub[0])
		if !ok || len(set)+1 > maxLiteralSet {
			return nil, false
		}
		return append(set, ""), true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set, ok := exactStrings(sub)
			if !ok || len(out)+len(set) > maxLiteralSet {
				return nil, false
			}
			out = append(out, set...)
		}
		return out, true
	case syntax.OpConcat:
		out := []string{""}
		for _, sub := range re.Sub {
			set, ok := exactStrings(sub)
			if !ok {
				return nil, false
			}
			if out, ok = crossStrings(out, set); !ok {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// requiredStrings returns strings one of which every string re matches
// contains, when there are such strings (none of them empty).
func requiredStrings(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpCapture:
		return requiredStrings(re.Sub[0])
	case syntax.OpPlus:
		return requiredStrings(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false
		}
		return requiredStrings(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			set, ok := requiredStrings(sub)
			if !ok || len(out)+len(set) > maxLiteralSet {
				return nil, false
			}
			out = append(out, set...)
		}
		return out, true
	case syntax.OpConcat:
		// Each run of parts that match few strings gives the strings of
		// the run; each other part what it requires. The best is the set
		// whose shortest string is longest.
		var best []string
		consider := func(set []string) {
			if len(set) == 0 || slicesHasEmpty(set) {
				return
			}
			if best == nil || shortest(set) > shortest(best) ||
				(shortest(set) == shortest(best) && len(set) < len(best)) {
				best = set
			}
		}
		run := []string{""}
		for _, sub := range re.Sub {
			if set, ok := exactStrings(sub); ok {
				if joined, ok := crossStrings(run, set); ok {
					run = joined
					continue
				}
				consider(run)
				run = set
				continue
			}
			consider(run)
			run = []string{""}
			if set, ok := requiredStrings(sub); ok {
				consider(set)
			}
		}
		consider(run)
		return best, best != nil
	}
	set, ok := exactStrings(re)
	if !ok || slicesHasEmpty(set) {
		return nil, false
	}
	return set, true
}

// crossStrings returns every a followed by every b, or false when there
// are too many.
func crossStrings(a, b []string) ([]string, bool) {
	if len(a)*len(b) > maxLiteralSet {
		return nil, false
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out, true
}

// classStrings returns the runes of a character class (pairs of bounds)
// as strings, when there are few. A class holding U+FFFD is left out: the
// matcher reads each invalid byte as that rune.
func classStrings(ranges []rune) ([]string, bool) {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
		if n > maxLiteralSet {
			return nil, false
		}
	}
	var out []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if r == utf8.RuneError {
				return nil, false
			}
			out = append(out, string(r))
		}
	}
	return out, true
}

func hasRuneError(rs []rune) bool {
	for _, r := range rs {
		if r == utf8.RuneError {
			return true
		}
	}
	return false
}

func slicesHasEmpty(set []string) bool {
	for _, s := range set {
		if s == "" {
			return true
		}
	}
	return false
}

func shortest(set []string) int {
	n := -1
	for _, s := range set {
		if n < 0 || len(s) < n {
			n = len(s)
		}
	}
	return n
}
