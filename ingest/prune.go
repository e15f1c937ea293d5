package ingest

import (
	"embed"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

//go:embed data/boilerplate.txt
var data embed.FS

// boilerplate is the list of data/boilerplate.txt: single tokens and
// runs of tokens.
type boilerplate struct {
	tokens map[string]bool
	runs   [][]string
}

func loadBoilerplate() boilerplate {
	text, err := data.ReadFile("data/boilerplate.txt")
	if err != nil {
		panic(err) // embedded: checked by the tests
	}
	b := boilerplate{tokens: map[string]bool{}}
	for _, line := range strings.Split(string(text), "\n") {
		line = strings.ToLower(strings.TrimSpace(line))
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.Contains(line, "-") {
			b.runs = append(b.runs, strings.Split(line, "-"))
			continue
		}
		b.tokens[line] = true
	}
	return b
}

var furniture = loadBoilerplate()

func splitTokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return r == '-' || r == '_' || r == ' ' || r == '\t' || r == '\n'
	})
}

// matches reports whether a class or id names furniture.
func (b boilerplate) matches(s string) bool {
	toks := splitTokens(s)
	for i, t := range toks {
		if b.tokens[t] {
			return true
		}
		for _, run := range b.runs {
			if i+len(run) <= len(toks) && equal(toks[i:i+len(run)], run) {
				return true
			}
		}
	}
	return false
}

func equal(a, b []string) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// textLen counts the non-space bytes of text under n.
func textLen(n *html.Node) int {
	if n.Type == html.TextNode {
		return len(strings.Join(strings.Fields(n.Data), ""))
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
		return 0
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += textLen(c)
	}
	return total
}

// prune removes the elements of doc whose class or id names furniture,
// as long as each holds under a quarter of the page's text, and the
// elements that are furniture whatever their names (navigation, forms,
// asides, footers, dialogs).
func prune(doc *html.Node) {
	total := textLen(doc)
	var drop []*html.Node
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Nav, atom.Form, atom.Aside, atom.Footer, atom.Dialog, atom.Button, atom.Iframe, atom.Noscript:
				drop = append(drop, n)
				return
			case atom.Body, atom.Html, atom.Main, atom.Article:
			default:
				if (furniture.matches(attr(n, "class")) || furniture.matches(attr(n, "id")) || isFurnitureRole(attr(n, "role"))) && textLen(n)*4 < total {
					drop = append(drop, n)
					return
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(doc)
	for _, n := range drop {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
}

func isFurnitureRole(role string) bool {
	switch strings.ToLower(role) {
	case "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search":
		return true
	}
	return false
}
