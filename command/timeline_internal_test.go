package command

import (
	"testing"

	"github.com/qabot/qabot/corpus"
	"github.com/qabot/qabot/lang"
)

func TestArticleLanguage(t *testing.T) {
	langs, err := lang.Load(lang.Data)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, want string
	}{
		{"Albania severed its relations with Iran on Wednesday, accused of having perpetrated massive cyberattacks during the summer.", "en"},
		{"L'Albanie a rompu ses relations avec l'Iran mercredi, l'accusant d'avoir perpétré des cyberattaques massives pendant l'été.", "fr"},
		{"Albanien hat am Mittwoch seine Beziehungen zum Iran abgebrochen und wirft dem Land massive Cyberangriffe im Sommer vor.", "de"},
		{"Албания разорвала отношения с Ираном в среду, обвинив его в массированных кибератаках летом.", "ru"},
		{"", "en"},       // nothing to go on: English
		{"2022 🙂", "en"}, // no words either
	}
	for _, tt := range tests {
		c := &corpus.Corpus{Articles: []*corpus.Article{{Text: tt.text}}}
		if got := articleLanguage(c, langs); got == nil || got.Code != tt.want {
			t.Errorf("articleLanguage(%q) = %v, want %s", tt.text, got, tt.want)
		}
	}
}
