package qa

// ForgetQuestionCaches empties every memo that asking questions fills in
// e and its Resources: the term groups of words read in another language
// (groupMemo), the concept tables' renderings (renderCache), the stems of
// question words (analyzer.late) and the sentences the span features read
// (spanDocCache). A benchmark that asks the same questions over and over
// calls it before each, so that each is read as a question whose words
// the engine has not seen. Not safe while e answers.
func ForgetQuestionCaches(e *Engine) {
	e.groups.forget()
	r := e.res
	for _, lt := range r.translations {
		lt.forgetRenderings()
	}
	r.pairs.mu.Lock()
	for _, lt := range r.pairs.m {
		lt.forgetRenderings()
	}
	r.pairs.mu.Unlock()
	for _, an := range e.analyzers {
		an.late.forget()
	}
	for _, an := range r.analyzers {
		an.late.forget()
	}
	if c := e.spanDocs; c != nil {
		for i := range c.docs {
			c.docs[i].Store(nil)
		}
	}
}

func (m *groupMemo) forget() {
	m.mu.Lock()
	m.m = nil
	m.mu.Unlock()
}

func (l *lazyTable) forgetRenderings() {
	if l.concepts != nil {
		l.concepts.cache.mu.Lock()
		l.concepts.cache.m = nil
		l.concepts.cache.mu.Unlock()
	}
}

func (c *stemCache) forget() {
	if c != nil {
		c.mu.Lock()
		c.m = nil
		c.mu.Unlock()
	}
}
