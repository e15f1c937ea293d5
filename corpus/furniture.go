package corpus

import (
	"bufio"
	"embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

//go:embed data
var dataFS embed.FS

// A Role says what a block of a scraped page is.
type Role int

const (
	RoleBody Role = iota
	RoleTitle
	RoleHeading
	RoleCaption
	RoleCredit
	RoleByline
	RolePublished
	RoleReading
	RoleTag
	RoleRelated
	RoleSource
	RolePromo
	RoleDrop
	// The roles below only come from furniture rules; the cleaner turns
	// them into one of the roles above.
	roleRelatedMarker
	roleTagsMarker
	roleAuthorRole
	roleSeparator
	roleHeadCaption
)

var roleNames = map[string]Role{
	"drop":        RoleDrop,
	"related":     roleRelatedMarker,
	"tags":        roleTagsMarker,
	"reading":     RoleReading,
	"published":   RolePublished,
	"byline":      RoleByline,
	"role":        roleAuthorRole,
	"credit":      RoleCredit,
	"caption":     RoleCaption,
	"promo":       RolePromo,
	"source":      RoleSource,
	"separator":   roleSeparator,
	"headcaption": roleHeadCaption,
}

func (r Role) String() string {
	switch r {
	case RoleBody:
		return "body"
	case RoleTitle:
		return "title"
	case RoleHeading:
		return "heading"
	case RoleTag:
		return "tag"
	case RoleRelated:
		return "related"
	}
	for name, role := range roleNames {
		if role == r {
			return name
		}
	}
	return fmt.Sprintf("Role(%d)", int(r))
}

// A furnitureRule recognises one kind of page furniture.
type furnitureRule struct {
	role Role
	re   *regexp.Regexp
	// cased rules see the line as written; the others see it in lower
	// case, which is much cheaper for the matcher than (?i).
	cased bool
	// filter turns away, before the matcher, lines re cannot match.
	filter literalFilter
}

// Furniture recognises the lines of a page that are not the story.
type Furniture struct {
	rules []furnitureRule
}

// maxFurnitureWords bounds the lines that furniture rules look at: longer
// lines are story text whatever words they contain.
const maxFurnitureWords = 25

// ParseFurniture reads rules in the format of data/furniture.txt.
func ParseFurniture(text string) (*Furniture, error) {
	var f Furniture
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, expr, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("furniture line %d: want role<TAB>expression", n)
		}
		role, ok := roleNames[strings.TrimSpace(name)]
		if !ok {
			return nil, fmt.Errorf("furniture line %d: unknown role %q", n, name)
		}
		expr = strings.TrimSpace(expr)
		// Rules are written in lower case; (?-i) marks one that must see
		// capitals.
		cased := strings.HasPrefix(expr, "(?-i)")
		whole := `^(?:` + expr + `)$`
		re, err := regexp.Compile(whole)
		if err != nil {
			return nil, fmt.Errorf("furniture line %d: %w", n, err)
		}
		f.rules = append(f.rules, furnitureRule{role, re, cased, newLiteralFilter(whole)})
	}
	return &f, sc.Err()
}

// match returns the role of the first rule that matches line, with the
// rule's first capture group when it has one.
func (f *Furniture) match(line string) (Role, string, bool) {
	if wordCount(line) > maxFurnitureWords {
		return RoleBody, "", false
	}
	lower := strings.ToLower(line)
	for _, r := range f.rules {
		in := lower
		if r.cased {
			in = line
		}
		if !r.filter.mayMatch(in) || !r.re.MatchString(in) {
			continue
		}
		capture := ""
		if r.re.NumSubexp() > 0 {
			// Take the capture from the line as written when lower-casing
			// kept the byte offsets, as it does for almost every line.
			src := in
			if len(lower) == len(line) {
				src = line
			}
			if m := r.re.FindStringSubmatchIndex(in); len(m) > 3 && m[2] >= 0 {
				capture = strings.TrimSpace(src[m[2]:m[3]])
			}
		}
		return r.role, capture, true
	}
	return RoleBody, "", false
}

func wordCount(s string) int {
	// What len(strings.Fields(s)) is, without the slice of words.
	n, inWord := 0, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			inWord = false
		case !inWord:
			inWord = true
			n++
		}
	}
	return n
}

func loadData(name string) (string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return "", fmt.Errorf("load %s: %w", name, err)
	}
	return string(b), nil
}
