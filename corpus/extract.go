package corpus

// A FactExtractor finds the facts of every sentence of an article.
type FactExtractor struct{}

// NewFactExtractor returns a FactExtractor.
func NewFactExtractor() *FactExtractor { return &FactExtractor{} }

// Extract fills in the facts of every sentence of a, and a.Acronyms.
func (x *FactExtractor) Extract(a *Article) {}
