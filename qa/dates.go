package qa

import (
	"slices"

	"github.com/qabot/qabot/corpus/timex"
)

// TimeLanguage returns the time words of a language (month and weekday
// names, date layouts), nil when it has none: what a reply in that
// language writes dates with. (The embedded data's time words always
// compile, which the tests check; other data's are checked by
// NewResources.)
func (e *Engine) TimeLanguage(code string) *timex.Language {
	tl, err := e.times.Get(code)
	if err != nil {
		return nil
	}
	return tl
}

// DateLanguages returns the languages a date typed by a user of language
// user is read in, in order: the user's, English, then the languages the
// articles are read in, each once ("--lang fr --from 2022-07", "--from
// July 2022" and "--from juillet 2022" over a French page all work).
func (e *Engine) DateLanguages(user string) []*timex.Language {
	var out []*timex.Language
	for _, code := range append([]string{user, "en"}, e.ArticleLanguages()...) {
		if tl := e.TimeLanguage(code); tl != nil && !slices.Contains(out, tl) {
			out = append(out, tl)
		}
	}
	return out
}
