package timex

// ParseLookups parses text and returns the parser's lexicon lookups, the
// unit of work that TestPathologicalInputs checks grows linearly.
func ParseLookups(l *Language, text string) int {
	p := newParser(l, text)
	p.all()
	return p.lookups
}
