package qa

import (
	"fmt"
	"sync"
)

// sharedChatCues are the chat cues of every language (data/<code>/chat.tsv),
// read once per Resources: they are language data, the same for every
// engine, and a process serving thousands of scopes has a Conversations
// per engine. Read anew for each, they were about a tenth of a small
// engine's heap (BenchmarkScopes in library). Never written once read.
type sharedChatCues struct {
	once   sync.Once
	byLang map[string]*chatCues // by language code
	err    error
}

// chatCues returns the chat cues of every language of r, read on first
// use.
func (r *Resources) chatCues() (map[string]*chatCues, error) {
	c := &r.chat
	c.once.Do(func() {
		byLang := map[string]*chatCues{}
		for _, l := range r.langs.Languages() {
			data, err := readData(r.opts.Data, l.Code, "chat.tsv")
			if err != nil {
				c.err = fmt.Errorf("qa: conversations: %w", err)
				return
			}
			byLang[l.Code] = loadChatCues(data)
		}
		c.byLang = byLang
	})
	return c.byLang, c.err
}
