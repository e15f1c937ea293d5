package qa

// Resources returns the language data the engine was built with: every
// engine a Resources builds shares it, which a program serving many
// corpora from one Resources can check.
func (e *Engine) Resources() *Resources { return e.res }
