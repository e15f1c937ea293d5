package qa

import "sync"

// A renderCache keeps what a concept table gave for the phrases questions
// used: decoding a phrase's concepts and scoring every word of them
// (conceptTable.render) was most of the cost of reading a question in
// another language than the articles', and the same words come back
// question after question. The tables are shared by every engine of a
// Resources, so one cache serves them all; it is emptied when it holds
// maxRendered phrases, so its size stays bounded whatever users ask.
type renderCache struct {
	mu sync.RWMutex
	m  map[string][]alt // phrase key -> renderings; nil for none
}

// maxRendered bounds a table's cache: a few MB at most.
const maxRendered = 1 << 13

// lookup returns the cached renderings of key, or compute's, which it
// keeps. The key is bytes so that a hit allocates nothing. The slice
// returned is the cache's: callers read it and never change it
// (tables.match), since copying it for each made every question word's
// renderings be copied twice.
func (c *renderCache) lookup(key []byte, compute func(key string) []alt) []alt {
	c.mu.RLock()
	alts, ok := c.m[string(key)]
	c.mu.RUnlock()
	if !ok {
		k := string(key)
		alts = compute(k)
		c.mu.Lock()
		if c.m == nil || len(c.m) >= maxRendered {
			c.m = make(map[string][]alt)
		}
		c.m[k] = alts
		c.mu.Unlock()
	}
	return alts
}
