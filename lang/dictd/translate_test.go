package dictd

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The entries below are written for these tests in the layouts FreeDict
// uses; none is copied from a FreeDict dictionary.
func TestTranslations(t *testing.T) {
	tests := []struct {
		name  string
		entry string
		want  []string
	}{
		{
			name:  "TEI noun",
			entry: "rançon /ʁɑ̃sɔ̃/ <n, fem>\nransom\n",
			want:  []string{"ransom"},
		},
		{
			name:  "comma and semicolon",
			entry: "attaque /atak/ <n, fem>\nattack, assault; raid\n",
			want:  []string{"attack", "assault", "raid"},
		},
		{
			name:  "numbered senses with a note",
			entry: "accord /akɔʁ/ <n, masc>\n1. agreement, deal\n2. (music) chord\n",
			want:  []string{"agreement", "deal", "chord"},
		},
		{
			name:  "sense number then domain",
			entry: "traitement /tʁɛtmɑ̃/ <n, masc>\n1.  [med] treatment\n2. salary, wage\n",
			want:  []string{"treatment", "salary", "wage"},
		},
		{
			name:  "note inside a gloss",
			entry: "chargement /ʃaʁʒəmɑ̃/ <n, masc>\n1. (act of) loading\n2. cargo, load\n",
			want:  []string{"loading", "cargo", "load"},
		},
		{
			name:  "multiword glosses stay whole",
			entry: "porte-parole /pɔʁtəpaʁɔl/ <n, masc>\npress officer, official spokesperson\n",
			want:  []string{"press officer", "official spokesperson"},
		},
		{
			name:  "region label in brackets",
			entry: "ministre des affaires étrangères /ministʁ/ <n, masc>\nforeign minister, foreign secretary [Brit.]\n",
			want:  []string{"foreign minister", "foreign secretary"},
		},
		{
			name:  "expansion in parentheses",
			entry: "OTAN /ɔtan/ <n, fem>\nNATO (North Atlantic Treaty Organization)\n",
			want:  []string{"NATO"},
		},
		{
			name:  "no part of speech",
			entry: "equipaje /ekipˈaxe/\nbaggage, luggage\n",
			want:  []string{"baggage", "luggage"},
		},
		{
			name:  "one sense numbered",
			entry: "Sajonia /saxˈonja/\n1. Saxony\n",
			want:  []string{"Saxony"},
		},
		{
			name:  "infinitives lose to",
			entry: "megszakít /ˈmɛksɒkiːt/\n1. to interrupt\n2. to break off\n3. To sever\n",
			want:  []string{"interrupt", "break off", "sever"},
		},
		{
			name:  "placeholders dropped",
			entry: "kér /keːr/\n1. to ask sb. for sth.\n2. to help sb./sth.\n3. to do so.\n",
			want:  []string{"ask for", "help", "do"},
		},
		{
			name:  "to alone is a gloss",
			entry: "à /a/ <prep>\nto, at\n",
			want:  []string{"to", "at"},
		},
		{
			name:  "Ding domain tag, pos after gloss, see and synonym lines",
			entry: "Regierung /ʁeˈɡiːʁʊŋ/ <fem, n, sg>\n [pol.] government <n>, administration <n> [Am.]\n   Synonym: {Kabinett}\n\n see: {Regierungen}\n\n",
			want:  []string{"government", "administration"},
		},
		{
			name:  "Ding example line and notes",
			entry: "abbrechen /ˈapbʁɛçn̩/\nto break off <v>, to sever <v>\n      \"Sie haben abgebrochen.\"  - They broke off.\n         Note: Beziehungen\n",
			want:  []string{"break off", "sever"},
		},
		{
			name:  "Ding symbol glued to pos",
			entry: "Dollar-Zeichen /ˈdɔlaʁ/ ($) <neut, n, sg>\ndollar sign <n>$\n",
			want:  []string{"dollar sign"},
		},
		{
			name:  "Ding abbreviation with its own IPA",
			entry: "Schwerpunkt /ˈʃveːɐ̯pʊŋkt/ <masc, n, sg>\ncentre of gravity <n> [Br.] , center of gravity <n>CG,  /siːˈdʒiː/ , gravity centre <n>\n",
			want:  []string{"centre of gravity", "center of gravity", "gravity centre"},
		},
		{
			name:  "trailing full stops and case-insensitive duplicates",
			entry: "Alles Gute /ˈaləs ˈɡuːtə/\nAll the best., all the best, Best wishes.\n",
			want:  []string{"All the best", "Best wishes"},
		},
		{
			name:  "colon and space separate, colon alone does not",
			entry: "leidig /ˈlaɪ̯dɪç/ <adj>\ntiresome: nettlesome, 3:1 odds\n see also: {lästig}\n",
			want:  []string{"tiresome", "nettlesome", "3:1 odds"},
		},
		{
			name:  "backtick apostrophe",
			entry: "ez ravall /ˈɛz/\nit`s typical of him\n",
			want:  []string{"it's typical of him"},
		},
		{
			name:  "Unicode hyphen",
			entry: "äppelkaka /ˈɛpəlkˌɑːka/\napple‐tart\n",
			want:  []string{"apple-tart"},
		},
		{
			name:  "ellipsis",
			entry: "fa /fˈa/\n... ago\n",
			want:  []string{"ago"},
		},
		{
			name:  "nested and unclosed brackets",
			entry: "x /iks/\nfoo (bar (baz), qux) quux, corge (unclosed, grault\n",
			want:  []string{"foo quux", "corge", "grault"},
		},
		{
			name:  "slash inside a word is not IPA",
			entry: "o /o/\nand/or, either\n",
			want:  []string{"and/or", "either"},
		},
		{
			name:  "sense number versus decimal",
			entry: "liter /lˈitɛr/\n1.5 litre\n",
			want:  []string{"1.5 litre"},
		},
		{
			name:  "headword line only",
			entry: "00-database-dictfmt-1.13.0\n",
			want:  nil,
		},
		{
			name:  "empty",
			entry: "",
			want:  nil,
		},
		{
			name:  "blank lines before the headword",
			entry: "\n\nabri /abʁi/\r\nshelter\r\n",
			want:  []string{"shelter"},
		},
		{
			name:  "invalid UTF-8",
			entry: "bad /b/\nfo\xffo, bar\n",
			want:  []string{"fo\uFFFDo", "bar"},
		},
		{
			name:  "only punctuation",
			entry: "p /p/\n..., -, (note)\n",
			want:  nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Translations(tt.entry)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Translations(%q) mismatch (-want +got):\n%s", tt.entry, diff)
			}
		})
	}
}

func TestHeadword(t *testing.T) {
	tests := []struct {
		entry, want string
	}{
		{"abri /abʁi/ <n, masc>\nshelter\n", "abri"},
		{"OTAN /ɔtan/ <n, fem>\nNATO\n", "OTAN"},
		{"pirate informatique /piʁat ɛ̃fɔʁmatik/ <n, masc>\nhacker\n", "pirate informatique"},
		{"Dollar-Zeichen /ˈdɔlaʁ/ ($) <neut, n, sg>\ndollar sign\n", "Dollar-Zeichen"},
		{"Nordatlantikpakt-Organisation /ˈnɔʁt/ (NATO /ˈnaːto/) <fem, n, sg>\nNATO\n", "Nordatlantikpakt-Organisation"},
		{"Lösegeld / Erpressergeld /ˈløːzəɡɛlt/ <neut, n, sg>\nransom\n", "Lösegeld"},
		{"emel (hangot) /ˈɛmɛl/\nto raise\n", "emel"},
		{"kérsz cukrot? /kˈeːrs/\ndo you take sugar?\n", "kérsz cukrot"},
		{"Yokto… /jˈɔktoː/\nyocto\n", "Yokto"},
		{"steeped <adj>\nsteeped\n", "steeped"},
		{"no ipa at all\ngloss\n", "no ipa at all"},
		{"1,5 liter /ˈɛɟ/\n1.5 litre\n", "1,5 liter"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Headword(tt.entry); got != tt.want {
			t.Errorf("Headword(%q) = %q, want %q", tt.entry, got, tt.want)
		}
	}
}

func BenchmarkTranslations(b *testing.B) {
	entry := "Regierung /ʁeˈɡiːʁʊŋ/ <fem, n, sg>\n [pol.] government <n>, administration <n> [Am.]\n" +
		"      \"Die Regierung ist zurückgetreten.\"  - The government has resigned.\n   Synonym: {Kabinett}\n\n see: {Regierungen}\n\n"
	b.ReportAllocs()
	b.SetBytes(int64(len(entry)))
	for b.Loop() {
		Translations(entry)
	}
}
