package corpus_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qabot/qabot/corpus"
)

// The "Golden Rules" of sentence segmentation this segmenter keeps, in the
// manner of prose's segment_test.go: one named row per rule.
func TestSegmentRules(t *testing.T) {
	s, err := corpus.NewSegmenter()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple period", "Hello World. My name is Jonas.", []string{"Hello World.", "My name is Jonas."}},
		{"question mark", "What is your name? My name is Jonas.", []string{"What is your name?", "My name is Jonas."}},
		{"exclamation", "There it is! I found it.", []string{"There it is!", "I found it."}},
		{"title abbreviation", "My name is Mr. Smith and I live here.", []string{"My name is Mr. Smith and I live here."}},
		{"month abbreviation", "It burned on Tuesday, Aug. 12, 2025. Nobody died.", []string{"It burned on Tuesday, Aug. 12, 2025.", "Nobody died."}},
		{"initials", "The author J. K. Rowling spoke. Fans cheered.", []string{"The author J. K. Rowling spoke.", "Fans cheered."}},
		{"decimal", "Growth was 2.5 percent. Prices rose.", []string{"Growth was 2.5 percent.", "Prices rose."}},
		{"thousands", "Around 3,000 people live there. It is new.", []string{"Around 3,000 people live there.", "It is new."}},
		{"time with a.m. inside", "The truck was trapped around 3:40 a.m. Tuesday, police said.", []string{"The truck was trapped around 3:40 a.m. Tuesday, police said."}},
		{"p.m. at the end", "They met shortly after 7 p.m. The talks failed.", []string{"They met shortly after 7 p.m.", "The talks failed."}},
		{"U.S. inside", "The U.S. Senate voted. It passed.", []string{"The U.S. Senate voted.", "It passed."}},
		{"U.S. at the end", "He moved to the U.S. He liked it.", []string{"He moved to the U.S.", "He liked it."}},
		{"quote ends with punctuation inside", `"The attack failed," he said. "It was minor."`, []string{`"The attack failed," he said.`, `"It was minor."`}},
		{"short quotation kept whole", `She called it "absolutely necessary. We only get one chance," and left.`, []string{`She called it "absolutely necessary. We only get one chance," and left.`}},
		{"period inside closing quote", `He called it "vague." The union agreed.`, []string{`He called it "vague."`, "The union agreed."}},
		{"ellipsis", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"number abbreviation", "It is No. 10 on the list. Next.", []string{"It is No. 10 on the list. Next."}},
		{"lower case after period is no break", "The U.S.-led coalition grew. e.g. this.", []string{"The U.S.-led coalition grew. e.g. this."}},
		{"stray word joins the sentence before", "They oppose the regime. Iranian.", []string{"They oppose the regime. Iranian."}},
		{"list items", "1. First item. 2. Second item.", []string{"1. First item.", "2. Second item."}},
		{"parenthesis", "He left (for good). She stayed.", []string{"He left (for good).", "She stayed."}},
		{"German quotation closing after the full stop", "„Wir bleiben hier.“ Dann ging er.", []string{"„Wir bleiben hier.“", "Dann ging er."}},
		{"German short quotation kept whole", "Er sagte: „Das ist gut. Wir bleiben.“ Dann ging er.", []string{"Er sagte: „Das ist gut. Wir bleiben.“", "Dann ging er."}},
		{"French quotation with its spaces", "« C'est fini. » Il est parti.", []string{"« C'est fini. »", "Il est parti."}},
		{"Spanish question opening mark", "Llegó tarde. ¿Por qué? Nadie lo sabe.", []string{"Llegó tarde.", "¿Por qué?", "Nadie lo sabe."}},
		{"line of dialogue", "Avtalen er klar. – Vi er glade, sier hun.", []string{"Avtalen er klar.", "– Vi er glade, sier hun."}},
		{"empty", "", nil},
		{"no final punctuation", "A line without an end", []string{"A line without an end"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, r := range s.Split(tt.in) {
				got = append(got, tt.in[r[0]:r[1]])
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Split(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
