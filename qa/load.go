package qa

import "io/fs"

// Load reads every .txt article at the top of articles and builds an
// engine over them. The articles are parsed with the number words and
// place names of the articles' language, so "four diplomats" is a
// quantity and "Iceland" a place.
//
// When some articles cannot be read, Load still returns an engine over
// the others together with a corpus.ErrorList naming each bad file; it
// returns a nil engine only when there is nothing to serve.
func Load(articles fs.FS, opts Options) (*Engine, error) {
	r, err := NewResources(opts)
	if err != nil {
		return nil, err
	}
	return r.Load(articles)
}
