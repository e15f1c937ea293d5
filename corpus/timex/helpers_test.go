package timex_test

import (
	"github.com/qabot/qabot/corpus/timex"
	"github.com/qabot/qabot/lang"
)

func loadLangs() (map[string]*timex.Language, error) { return timex.LoadLanguages(lang.Data) }
