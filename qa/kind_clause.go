package qa

// The kinds answered by a clause of the sentence, or a word for it: yes or
// no, why, what something is.

func extractYesNo(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	return typed(e.yesNo(q, doc))
}

func extractWhy(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	if c := e.cues.cut(doc, "why"); c != "" {
		return typed(c)
	}
	return untyped(e.rest(q, doc))
}

func extractDefine(e *Engine, q *query, doc *doc, near []int) (extraction, bool) {
	if def := e.define(q, doc); def != "" {
		return typed(def)
	}
	return untyped(e.rest(q, doc))
}

func evidenceDefine(e *Engine, q *query, d *doc) float64 {
	if e.define(q, d) != "" {
		return 1
	}
	return 0
}
