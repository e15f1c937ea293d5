package lang

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"ascii lower", "tirana", "tirana"},
		{"ascii upper", "NATO", "nato"},
		{"albanian e diaeresis", "Tiranë", "tirane"},
		{"french accents", "Téhéran", "teheran"},
		{"french où", "Où", "ou"},
		{"german sharp s", "Straße", "strasse"},
		{"german capital sharp s", "STRAẞE", "strasse"},
		{"german umlauts", "Grüße aus Köln", "grusse aus koln"},
		{"hungarian double acute", "Győr, tűzszünet", "gyor, tuzszunet"},
		{"norwegian o slash", "Søndre Østfold", "sondre ostfold"},
		{"danish ae", "Ærø", "aero"},
		{"french oe", "Œuvre", "oeuvre"},
		{"polish l stroke", "Łódź", "lodz"},
		{"turkish dotless and dotted i", "İstanbul ılık", "istanbul ilik"},
		{"spanish enye", "España", "espana"},
		{"portuguese tilde", "São João", "sao joao"},
		{"ligature", "ﬁnal", "final"},
		{"full width", "ＮＡＴＯ", "nato"},
		{"typographic apostrophe", "l’OTAN", "l'otan"},
		{"unicode hyphen", "est\u2010ce", "est-ce"},
		{"cyrillic kept", "Эди Рама", "эди рама"},
		{"cyrillic yo folds", "Ёлка", "елка"},
		{"cyrillic short i kept", "Йошкар-Ола, Дмитрий", "йошкар-ола, дмитрий"},
		{"greek accents", "Αθήνα", "αθηνα"},
		{"arabic untouched", "إيران", "إيران"},
		{"devanagari marks kept", "हिंदी", "हिंदी"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"empty", "", ""},
		{"emoji", "Rama 👍", "rama 👍"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Fold(tt.in); got != tt.want {
				t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldIdempotent(t *testing.T) {
	for _, s := range []string{"Tiranë", "Straße", "Йошкар-Ола", "l’OTAN", "a\xffb", "ﬁ", "İ"} {
		once := Fold(s)
		if twice := Fold(once); twice != once {
			t.Errorf("Fold(Fold(%q)) = %q, want %q", s, twice, once)
		}
	}
}

// tok builds a want Token from its text and start offset.
func tok(text string, start int, kind TokenKind) Token {
	return Token{Text: text, Start: start, End: start + len(text), Kind: kind}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Token
	}{
		{"plain words", "Who is Edi Rama?", []Token{
			tok("Who", 0, TokenWord), tok("is", 4, TokenWord), tok("Edi", 7, TokenWord), tok("Rama", 11, TokenWord)}},
		{"thousands", "around 3,000 people", []Token{
			tok("around", 0, TokenWord), tok("3,000", 7, TokenNumber), tok("people", 13, TokenWord)}},
		{"decimal", "€7.5 million", []Token{
			tok("7.5", 3, TokenNumber), tok("million", 7, TokenWord)}},
		{"sentence-final number", "in 2009.", []Token{
			tok("in", 0, TokenWord), tok("2009", 3, TokenNumber)}},
		{"hyphenated number and word", "within 24-hour notice", []Token{
			tok("within", 0, TokenWord), tok("24-hour", 7, TokenAlnum), tok("notice", 15, TokenWord)}},
		{"acronym with digits", "GLACIS-3 and COVID-19", []Token{
			tok("GLACIS-3", 0, TokenAlnum), tok("and", 9, TokenWord), tok("COVID-19", 13, TokenAlnum)}},
		{"ordinal", "the 3rd launch", []Token{
			tok("the", 0, TokenWord), tok("3rd", 4, TokenAlnum), tok("launch", 8, TokenWord)}},
		{"time and date", "at 18:25 on 07/11/2024", []Token{
			tok("at", 0, TokenWord), tok("18:25", 3, TokenNumber), tok("on", 9, TokenWord), tok("07/11/2024", 12, TokenNumber)}},
		{"no-break space thousands", "3\u00a0000 personnes", []Token{
			tok("3\u00a0000", 0, TokenNumber), tok("personnes", 7, TokenWord)}},
		{"ordinary space splits numbers", "in 2009 3 people", []Token{
			tok("in", 0, TokenWord), tok("2009", 3, TokenNumber), tok("3", 8, TokenNumber), tok("people", 10, TokenWord)}},
		{"french elision", "l'OTAN", []Token{
			tok("l'", 0, TokenWord), tok("OTAN", 2, TokenWord)}},
		{"french typographic elision", "l’OTAN", []Token{
			tok("l’", 0, TokenWord), tok("OTAN", 4, TokenWord)}},
		{"qu'est-ce que", "Qu'est-ce que c'est ?", []Token{
			tok("Qu'", 0, TokenWord), tok("est-ce", 3, TokenWord), tok("que", 10, TokenWord), tok("c'", 14, TokenWord), tok("est", 16, TokenWord)}},
		{"jusqu'à", "jusqu'à", []Token{
			tok("jusqu'", 0, TokenWord), tok("à", 6, TokenWord)}},
		{"italian elision", "dell'UE", []Token{
			tok("dell'", 0, TokenWord), tok("UE", 5, TokenWord)}},
		{"inner apostrophe kept", "aujourd'hui", []Token{
			tok("aujourd'hui", 0, TokenWord)}},
		{"english possessive", "Iran's attack", []Token{
			tok("Iran", 0, TokenWord), tok("'s", 4, TokenWord), tok("attack", 7, TokenWord)}},
		{"english negation", "didn't", []Token{
			tok("did", 0, TokenWord), tok("n't", 3, TokenWord)}},
		{"english I'm", "I'm here", []Token{
			tok("I", 0, TokenWord), tok("'m", 1, TokenWord), tok("here", 4, TokenWord)}},
		{"plural possessive", "the countries' leaders", []Token{
			tok("the", 0, TokenWord), tok("countries", 4, TokenWord), tok("leaders", 15, TokenWord)}},
		{"quotes are not apostrophes", "'Tirana'", []Token{
			tok("Tirana", 1, TokenWord)}},
		{"hyphenated name", "Jean-Pierre", []Token{
			tok("Jean-Pierre", 0, TokenWord)}},
		{"en dash splits", "2019–2020", []Token{
			tok("2019", 0, TokenNumber), tok("2020", 7, TokenNumber)}},
		{"cyrillic", "Эди Рама, 2022", []Token{
			tok("Эди", 0, TokenWord), tok("Рама", 7, TokenWord), tok("2022", 17, TokenNumber)}},
		{"spanish question marks", "¿Cuándo?", []Token{
			tok("Cuándo", 2, TokenWord)}},
		{"emoji and symbols", "👍 ok! #tag @user", []Token{
			tok("ok", 5, TokenWord), tok("tag", 10, TokenWord), tok("user", 15, TokenWord)}},
		{"invalid utf8", "a\xffb", []Token{
			tok("a", 0, TokenWord), tok("b", 2, TokenWord)}},
		{"combining mark", "Te\u0301he\u0301ran", []Token{
			tok("Te\u0301he\u0301ran", 0, TokenWord)}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokens(tt.in)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Tokens(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestTransliterate(t *testing.T) {
	ru := mustGet(t, mustLoad(t), "ru")
	tests := []struct {
		in, want string
	}{
		{"Эди Рама", "edi rama"},
		{"Тирана", "tirana"},
		{"Тегеран", "tegeran"},
		{"Албания", "albania"},
		{"Вашингтон", "vashington"},
		{"Ельцин", "yeltsin"},
		{"Дмитрий", "dmitriy"},
		{"Александр", "aleksandr"},
		{"Хрущёв", "khrushchev"},
		{"Объявление", "obyavlenie"},
		{"NATO и ЕС", "nato i yes"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ru.Transliterate(tt.in); got != tt.want {
			t.Errorf("Transliterate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	en := mustGet(t, mustLoad(t), "en")
	if got := en.Transliterate("Téhéran"); got != "teheran" {
		t.Errorf("en.Transliterate(%q) = %q, want the folded text %q", "Téhéran", got, "teheran")
	}
}

func TestTransliterateVariants(t *testing.T) {
	ru := mustGet(t, mustLoad(t), "ru")
	tests := []struct {
		in    string
		first string
		has   []string
	}{
		{"Тегеран", "tegeran", []string{"teheran"}},
		{"Вашингтон", "vashington", []string{"washington"}},
		{"Жуков", "zhukov", []string{"jukov"}},
		{"Дмитрий", "dmitriy", []string{"dmitry", "dmitri"}},
		{"Албания", "albania", []string{"albaniya"}},
		{"Эди Рама", "edi rama", nil},
	}
	for _, tt := range tests {
		got := ru.TransliterateVariants(tt.in, 8)
		if len(got) == 0 || got[0] != tt.first {
			t.Errorf("TransliterateVariants(%q)[0] = %q, want %q", tt.in, got, tt.first)
			continue
		}
		if len(got) > 8 {
			t.Errorf("TransliterateVariants(%q, 8) returned %d variants", tt.in, len(got))
		}
		for _, v := range tt.has {
			if !contains(got, v) {
				t.Errorf("TransliterateVariants(%q) = %q, want it to include %q", tt.in, got, v)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Who is Edi Rama?", "l'OTAN", "3,000 24-hour", "Iran's didn't", "a\xffb", "3\u00a0000", "’'’", "--", "1.2.3.", "Te\u0301", "\u200c", "qu'qu'qu'"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, tk := range Tokens(s) {
			if tk.Start < end || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("Tokens(%q): token %+v out of order or bounds (previous end %d)", s, tk, end)
			}
			if tk.Text != s[tk.Start:tk.End] {
				t.Fatalf("Tokens(%q): token text %q != s[%d:%d]", s, tk.Text, tk.Start, tk.End)
			}
			if !utf8.ValidString(tk.Text) {
				t.Fatalf("Tokens(%q): token %q is not valid UTF-8", s, tk.Text)
			}
			end = tk.End
		}
		if f := Fold(s); !utf8.ValidString(f) {
			t.Fatalf("Fold(%q) = %q, not valid UTF-8", s, f)
		}
		if strings.TrimSpace(s) == "" && len(Tokens(s)) != 0 {
			t.Fatalf("Tokens(%q) found tokens in blank text", s)
		}
	})
}
