package lang

import (
	"testing"
	"unicode/utf8"
)

// TestLatinKey: the spellings of one name meet, across schemes and across
// scripts; different names do not. The names are invented or common.
func TestLatinKey(t *testing.T) {
	ru := mustGet(t, mustLoad(t), "ru")
	meet := [][]string{
		{"Khamenei", "Chamenei", "Хаменеи"},
		{"Tirana", "Tiranë", "Тирана", "Тиране", "Тираны"},
		{"Rama", "Рама", "Раме"},
		{"Vorontsov", "Woronzow", "Воронцов"},
		{"Yeltsin", "Jelzin", "Ельцин"},
		{"Shchukin", "Щукин"},
		{"Zhitomirsky", "Житомирский"},
		{"Filipp", "Philipp", "Филипп"},
		{"Alexandrov", "Aleksandrov", "Александров"},
	}
	for _, names := range meet {
		want := ru.ScriptKey(names[0])
		for _, n := range names[1:] {
			if got := ru.ScriptKey(n); got != want {
				t.Errorf("ScriptKey(%q) = %q, want %q as for %q", n, got, want, names[0])
			}
		}
	}
	apart := [][2]string{{"Rama", "Рим"}, {"Tirana", "Тегеран"}, {"Moskva", "Минск"}, {"Kazan", "Казах"}}
	for _, p := range apart {
		if a, b := ru.ScriptKey(p[0]), ru.ScriptKey(p[1]); a == b {
			t.Errorf("%q and %q share key %q", p[0], p[1], a)
		}
	}
	if got := LatinKey(""); got != "" {
		t.Errorf("LatinKey(\"\") = %q", got)
	}
}

// FuzzTranslit: any translit.tsv either loads or is reported line by line,
// and whatever loads spells any text without panicking, in valid UTF-8,
// and gives a key LatinKey would give its usual spelling.
func FuzzTranslit(f *testing.F) {
	f.Add("а\ta\nкс\tks|x\n^е\tye|e\nий$\tiy|y\nъ\n", "Ельцин Рамм")
	f.Add("# comment\n\n\tx\nабвгдежзий\ty\n", "абв")
	f.Add("^$\tq\nx$\t\n", "x^$")
	f.Fuzz(func(t *testing.T, data, word string) {
		l := &Language{Code: "xx"}
		var errs ErrorList
		loadTranslit(l, []byte(data), "translit.tsv", &errs)
		for _, s := range append(l.TransliterateVariants(word, 4), l.Transliterate(word), l.ScriptKey(word)) {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 %q from %q", s, word)
			}
		}
		if got, want := l.ScriptKey(word), LatinKey(l.Transliterate(word)); got != want {
			t.Fatalf("ScriptKey(%q) = %q, want %q", word, got, want)
		}
	})
}
